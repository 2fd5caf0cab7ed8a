import type { CommentWrite, NodeWrite } from '../store/types.ts';
import { localDateParts, monthName } from '../text/dates.ts';
import { slugify } from '../text/slugify.ts';
import type { AuthorRoster } from './author-roster.ts';
import { drawCommentCount, type CommentMaker } from './comment-maker.ts';
import type { PlacedSection } from './demo-sections.ts';
import { englishBody } from './english-body.ts';
import { AGENCIES, type Region } from './english-lexicon.ts';
import { capitalize, type EnglishProse, type EnglishTopic } from './english-prose.ts';
import { PHOTOGRAPHERS } from './demo-names.ts';
import { finishNode } from './node-batch.ts';
import type { PathRegistry } from './path-registry.ts';
import type { SeededRandom, WeightedTable } from './seeded-random.ts';
import type { TagPicker } from './tag-picker.ts';

/** A blog of the demo paper with the writer who keeps it. */
export interface DemoBlog {
  readonly bid: number;
  readonly uid: number;
  readonly title: string;
  readonly slug: string;
  readonly ownerName: string;
  /** Position of the owner in the author roster's people list. */
  readonly ownerIndex: number;
  readonly region: Region;
}

/** Everything the English item factory draws on. */
export interface EnglishItemContext {
  readonly rng: SeededRandom;
  readonly prose: EnglishProse;
  readonly tz: string;
  readonly sections: ReadonlyMap<string, PlacedSection>;
  readonly sectionTable: WeightedTable<PlacedSection>;
  readonly blogTable: WeightedTable<DemoBlog>;
  readonly tags: TagPicker;
  readonly roster: AuthorRoster;
  readonly paths: PathRegistry;
  readonly comments: CommentMaker;
}

/** What to make; the optional fields pin down landmark items. */
export interface EnglishItemRequest {
  readonly nid: number;
  readonly kind: 'article' | 'page' | 'blog_post';
  readonly publishedAt: number;
  readonly title?: string;
  /** An explicit alias (null for none) instead of one from the title. */
  readonly path?: string | null;
  readonly section?: string;
  readonly byline?: 'unsigned' | 'co-authored';
  readonly comments?: { readonly published: number; readonly pending: number };
  /** Tags a landmark item must carry besides those drawn for it. */
  readonly extraTags?: readonly number[];
}

/** A built item and the facts collectors need about it. */
export interface BuiltItem {
  readonly node: NodeWrite;
  readonly comments: CommentWrite[];
  readonly section: PlacedSection | null;
  readonly blog: DemoBlog | null;
}

// Shares from docs/original-site.md "Content shape": ~15% unsigned, 3–5% co-authored.
const UNSIGNED = 0.15;
const CO_AUTHORED_OF_SIGNED = 0.045;
const SUMMARY = 0.2;
const PROMOTED = 0.08;
const PAGE_PREFIXES = ['In Pictures', 'Cartoon', 'Infographic', 'Full text'] as const;
// Photo credits changed style in mid-2013 ("(Photo: AFP - Name)" became "AFP/Name").
const PHOTO_CREDIT_STYLE_CHANGE = Date.UTC(2013, 6, 1) / 1000;
const TITLE_ATTEMPTS = 6;

/** Builds one English article, page or blog post with its comments. */
export function buildEnglishItem(ctx: EnglishItemContext, req: EnglishItemRequest): BuiltItem {
  const { rng, prose } = ctx;
  const blog = req.kind === 'blog_post' ? ctx.blogTable.draw(rng) : null;
  const section = blog ? null : req.section !== undefined ? (ctx.sections.get(req.section) as PlacedSection) : ctx.sectionTable.draw(rng);
  const topic: EnglishTopic = blog ? 'blog' : (section as PlacedSection).topic;
  const region: Region = blog?.region ?? regionFor(rng, section as PlacedSection);

  const { title, path } = titleAndPath(ctx, req, topic, region, blog);
  const authorIds = byline(ctx, req, blog);
  const showDate = !(blog && authorIds.length === 0);
  const summary = req.kind === 'article' && rng.chance(SUMMARY) ? prose.summary(topic, region) : null;
  const updated = req.kind === 'article' && rng.chance(0.03) ? req.publishedAt + rng.int(3600, 6 * 3600) : req.publishedAt;
  const body = englishBody(prose, rng, {
    topic, region,
    paragraphs: req.kind === 'page' ? rng.int(1, 3) : topic === 'series' ? rng.int(8, 14) : blog ? rng.int(3, 7) : rng.int(4, 9),
    dateline: !blog && rng.chance(topic === 'politics' ? 0.45 : 0.1) ? prose.place(region) : null,
    updatedAt: updated !== req.publishedAt ? clockTime(updated, ctx.tz) : null,
    editorsNote: req.kind !== 'article' ? null : rng.chance(0.02) ? 'top' : rng.chance(0.03) ? 'bottom' : null,
    teaserTrap: summary === null && rng.chance(0.06) ? (rng.chance(0.6) ? 'quote' : 'bracket') : null,
  });
  const photoChance = req.kind === 'page' ? 0.7 : blog ? 0.25 : 0.55;
  const photo = rng.chance(photoChance)
    ? {
        src: `/assets/demo/photo-${rng.int(1, 48)}.svg`,
        caption: rng.chance(0.85) ? prose.caption(region, dateLabel(req.publishedAt, ctx.tz)) : null,
        credit: photoCredit(rng, req.publishedAt),
      }
    : null;
  const tagIds = [...new Set([...ctx.tags.pick(section?.key ?? null), ...(req.extraTags ?? []).map((t) => ctx.tags.use(t))])];
  const node = finishNode({
    nid: req.nid, kind: req.kind, title, path, summary, opening: body.opening, bodyHtml: body.html,
    credit: blog ? null : creditLine(rng, authorIds.length === 0), photo,
    publishedAt: req.publishedAt, updatedAt: updated, showDate,
    promoted: rng.chance(blog ? PROMOTED / 2 : PROMOTED), sectionTid: section?.tid ?? null,
    termIds: [...(section?.termIds ?? []), ...tagIds], authorIds, blogId: blog?.bid ?? null, commentPolicy: null,
  });
  const counts = req.comments ?? { published: drawCommentCount(rng), pending: rng.chance(0.03) ? rng.int(1, 2) : 0 };
  return { node, comments: ctx.comments.forNode(req.nid, req.publishedAt, counts.published, counts.pending), section, blog };
}

function regionFor(rng: SeededRandom, section: PlacedSection): Region {
  if (section.topic === 'politics') return section.region;
  const r = rng.next();
  return r < 0.55 ? 'lebanon' : r < 0.75 ? 'syria' : r < 0.9 ? 'palestine' : 'arab-world';
}

function titleAndPath(ctx: EnglishItemContext, req: EnglishItemRequest, topic: EnglishTopic, region: Region, blog: DemoBlog | null): { title: string; path: string | null } {
  const prefix = blog ? `blogs/${blog.slug}` : 'content';
  if (req.title !== undefined) {
    const path = req.path !== undefined ? req.path : ctx.paths.claim(prefix, slugify(req.title));
    return { title: req.title, path };
  }
  let title = '';
  for (let i = 0; i < TITLE_ATTEMPTS; i++) {
    title = headline(ctx, req, topic, region);
    // Chance collisions are re-drawn: the demo's one deliberate collision is a landmark item.
    if (!ctx.paths.has(`${prefix}/${slugify(title)}`)) break;
  }
  if (req.path === null) return { title, path: null };
  return { title, path: ctx.paths.claim(prefix, slugify(title) || `item-${req.nid}`) };
}

function headline(ctx: EnglishItemContext, req: EnglishItemRequest, topic: EnglishTopic, region: Region): string {
  if (req.kind !== 'page') return ctx.prose.headline(topic, region);
  const prefix = ctx.rng.pick(PAGE_PREFIXES);
  return `${prefix}: ${capitalize(ctx.prose.headline(topic, region).replace(/^[^:]*: /, ''))}`;
}

function byline(ctx: EnglishItemContext, req: EnglishItemRequest, blog: DemoBlog | null): number[] {
  const { rng, roster } = ctx;
  if (blog) return rng.chance(0.08) ? [] : [roster.aidOfWriter(blog.ownerIndex)];
  if (req.byline === 'unsigned') return [];
  if (req.byline === 'co-authored') {
    const first = roster.next();
    return [first, roster.coAuthor(first)];
  }
  if (rng.chance(UNSIGNED)) return [];
  const first = roster.next();
  return rng.chance(CO_AUTHORED_OF_SIGNED) ? [first, roster.coAuthor(first)] : [first];
}

function creditLine(rng: SeededRandom, unsigned: boolean): string | null {
  if (unsigned) return rng.chance(0.85) ? `(${rng.pick(AGENCIES.slice(0, 3))}, The Levant Ledger)` : '(The Levant Ledger)';
  return rng.chance(0.35) ? '(The Levant Ledger)' : null;
}

function photoCredit(rng: SeededRandom, at: number): string {
  const agency = rng.pick(AGENCIES);
  const name = rng.pick(PHOTOGRAPHERS);
  return at < PHOTO_CREDIT_STYLE_CHANGE ? `(Photo: ${agency} - ${name})` : `${agency}/${name}`;
}

/** "March 5, 2015" on the newsroom's calendar. */
function dateLabel(at: number, tz: string): string {
  const p = localDateParts(at, tz);
  return `${monthName(p.month, 'en')} ${p.day}, ${p.year}`;
}

/** "7:06 pm" on the newsroom's clock. */
function clockTime(at: number, tz: string): string {
  const p = localDateParts(at, tz);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${h12}:${String(p.minute).padStart(2, '0')} ${p.hour < 12 ? 'am' : 'pm'}`;
}
