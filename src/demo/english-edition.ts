import type { Edition } from '../domain/edition.ts';
import { sanctionedWriter } from '../domain/edition-guard.ts';
import type { ContentWriter, NodeWrite } from '../store/types.ts';
import { slugify } from '../text/slugify.ts';
import { AuthorRoster } from './author-roster.ts';
import { CommentMaker, type RenderComment } from './comment-maker.ts';
import { CorrectionsDesk } from './corrections-desk.ts';
import { interpolate, monthIndex, planDays, timesOfDay, zonedEpoch, type CalendarDate } from './demo-calendar.ts';
import { ENGLISH_FIXED_ITEMS, RESERVED_NID_SLOTS, fixedItemPath, fixedItemsFor, type DemoFixedItems, type FixedItemSpec } from './demo-fixed-items.ts';
import { englishPeople } from './demo-people.ts';
import { EditionTally, type EditionCounts } from './demo-report.ts';
import { ENGLISH_SECTIONS, placeSections, sectionShares, sectionTable, sectionTerms } from './demo-sections.ts';
import { buildEnglishItem, type BuiltItem, type DemoBlog, type EnglishItemContext } from './english-item-factory.ts';
import { EnglishProse } from './english-prose.ts';
import { specialPageNode } from './english-special-pages.ts';
import { ENGLISH_FIXED_TAGS, ENGLISH_TAIL, STL_TAG_NAME } from './english-tags.ts';
import type { IdAllocator } from './id-allocator.ts';
import { LandingCollector } from './landing-collector.ts';
import { NewsletterPlanner, newsletterTheme } from './newsletter-planner.ts';
import { NodeBatch } from './node-batch.ts';
import { PathRegistry } from './path-registry.ts';
import { WeightedTable, type SeededRandom } from './seeded-random.ts';
import { TagPicker } from './tag-picker.ts';

/** What an edition seeder is given. */
export interface EditionSeedInput {
  readonly writer: ContentWriter;
  readonly edition: Edition;
  readonly ids: IdAllocator;
  readonly rng: SeededRandom;
  readonly items: number;
  readonly render: RenderComment;
  /** Called with the number of nodes each written batch held. */
  readonly progress: (nodes: number) => void;
}

// docs/original-site.md: from 2011-08-18 to 2015-03-05, growing through 2012–2014, thinning at the end.
const FIRST_DAY: CalendarDate = { year: 2011, month: 8, day: 18 };
const LAST_DAY: CalendarDate = { year: 2015, month: 3, day: 5 };
const VOLUME: readonly (readonly [number, number])[] = [
  [monthIndex({ year: 2011, month: 8, day: 1 }), 0.45], [monthIndex({ year: 2011, month: 12, day: 1 }), 0.7],
  [monthIndex({ year: 2012, month: 12, day: 1 }), 1.0], [monthIndex({ year: 2013, month: 12, day: 1 }), 1.15],
  [monthIndex({ year: 2014, month: 6, day: 1 }), 1.25], [monthIndex({ year: 2014, month: 8, day: 1 }), 1.45],
  [monthIndex({ year: 2014, month: 11, day: 1 }), 1.1], [monthIndex({ year: 2015, month: 1, day: 1 }), 0.6],
  [monthIndex({ year: 2015, month: 3, day: 1 }), 0.35],
];
const WEEKDAY_VOLUME = [0.55, 1, 1, 1, 1, 1, 0.75]; // Sunday … Saturday
const FIRST_NEWSLETTER_MONDAY: CalendarDate = { year: 2012, month: 1, day: 23 };
// Newsletters whose Monday-morning publication still falls inside the archive.
const MAX_NEWSLETTERS = Math.floor((Date.UTC(2015, 2, 5) - Date.UTC(2012, 0, 30)) / (7 * 86_400_000)) + 1;
const BLOG_SHARE = 0.12;
const PAGE_SHARE_OF_SECTIONED = 0.08;
const NODE_ONLY = 0.002;
const BLOGS = [
  { title: 'Beirut Notebook', uid: 1123, ownerIndex: 1, region: 'lebanon', weight: 0.4 },
  { title: 'The Gaza Diaries', uid: 2210, ownerIndex: 6, region: 'palestine', weight: 0.25 },
  { title: 'Letters from Damascus', uid: 3476, ownerIndex: 12, region: 'syria', weight: 0.2 },
  { title: 'Cedar and Concrete', uid: 5081, ownerIndex: 25, region: 'lebanon', weight: 0.15 },
] as const;
// The "gaza-2014" landing page lists the Palestine desk's items from the war's fifty-one days.
const GAZA_WAR: readonly [CalendarDate, CalendarDate] = [{ year: 2014, month: 7, day: 8 }, { year: 2014, month: 8, day: 27 }];

/**
 * Writes the English archive: sections, tags, authors and blogs, then about `items` nodes in
 * date order (nids rising with time, a few gaps), with landmark items at reserved nids, weekly
 * newsletters, two landing pages and the Editor's Corner.
 */
export async function seedEnglishEdition(input: EditionSeedInput): Promise<{ counts: EditionCounts; fixed: DemoFixedItems }> {
  const { writer, ids, rng } = input;
  const ed = sanctionedWriter(input.edition, 'demo-seed');
  const tz = input.edition.timeZone;
  const tally = new EditionTally();
  const paths = new PathRegistry();
  const nidBase = ids.peek('node');
  const fixed = fixedItemsFor(nidBase, ids.peek('term'));
  ids.skip('node', RESERVED_NID_SLOTS);

  const newsletters = Math.max(1, Math.min(MAX_NEWSLETTERS, Math.round(input.items * 0.02)));
  const specials = ENGLISH_FIXED_ITEMS.length - 1 + newsletters;
  const regular = Math.max(0, input.items - specials);
  // Blog posts are 12% of all items; with only a handful of regular items, cap their share.
  const pBlog = Math.min(0.5, BLOG_SHARE * (input.items / Math.max(1, regular)));
  const sectionedFraction = 1 - pBlog;

  const sections = placeSections(ENGLISH_SECTIONS, ids.counter('term'));
  await writer.saveTerms(ed, sectionTerms(sections));
  tally.sectionTerms = sections.length;
  const shares = sectionShares(ENGLISH_SECTIONS);
  const tags = new TagPicker(rng.fork('tags'), ENGLISH_FIXED_TAGS, (k) => (shares.get(k) ?? 0) * sectionedFraction, ENGLISH_TAIL, ids.counter('term'), paths);
  const people = englishPeople(rng.fork('people'));
  const roster = new AuthorRoster(rng.fork('authors'), people, regular * sectionedFraction * 0.85, ids.counter('author'));
  const blogs: DemoBlog[] = BLOGS.map((b) => ({
    bid: ids.next('blog'), uid: b.uid, title: b.title, slug: slugify(b.title), ownerName: people[b.ownerIndex]?.name ?? '', ownerIndex: b.ownerIndex, region: b.region,
  }));
  await writer.saveBlogs(ed, blogs.map(({ bid, uid, title, slug, ownerName }) => ({ bid, uid, title, slug, ownerName })));
  for (const b of blogs) paths.add(`blogs/${b.slug}`);
  tally.blogs = blogs.length;

  const itemRng = rng.fork('items');
  const ctx: EnglishItemContext = {
    rng: itemRng, prose: new EnglishProse(itemRng), tz, sections: new Map(sections.map((s) => [s.key, s])),
    sectionTable: sectionTable(sections), blogTable: new WeightedTable(blogs, BLOGS.map((b) => b.weight)),
    tags, roster, paths, comments: new CommentMaker(rng.fork('comments'), 'en', ids.counter('comment'), input.render),
  };
  const planner = new NewsletterPlanner(rng.fork('newsletters'), FIRST_NEWSLETTER_MONDAY, newsletters, tz, input.edition.pathPrefix);
  const stlTid = tags.fixedTid(STL_TAG_NAME);
  const [warStart, warEnd] = GAZA_WAR.map((d) => zonedEpoch(d, 0, 0, tz)) as [number, number];
  const landings = [
    new LandingCollector(fixed.landing.nid, (n) => stlTid !== undefined && n.termIds.includes(stlTid)),
    new LandingCollector(fixed.landings[1]?.nid ?? 0, (n, key) => key === 'politics/palestine' && n.publishedAt >= warStart && n.publishedAt < warEnd),
  ];
  const at = (s: FixedItemSpec): number => zonedEpoch(s.date, s.time[0], s.time[1], tz);
  const correctionsSpec = ENGLISH_FIXED_ITEMS.find((s) => s.kind === 'corrections') as FixedItemSpec;
  const desk = new CorrectionsDesk(rng.fork('corrections'), at(correctionsSpec), zonedEpoch(LAST_DAY, 23, 59, tz), tz);

  const batch = new NodeBatch(writer, ed, tally, async () => {
    const terms = tags.drainNewTerms();
    if (terms.length > 0) await writer.saveTerms(ed, terms);
    const authors = roster.drainNewAuthors();
    if (authors.length > 0) await writer.saveAuthors(ed, authors);
  }, input.progress);

  const written = async (node: NodeWrite, item?: BuiltItem): Promise<void> => {
    await batch.push(node, item?.comments ?? []);
    if (!item) return;
    const key = item.section?.key ?? null;
    if (node.path !== null) planner.collect({ title: node.title, path: node.path, publishedAt: node.publishedAt, theme: newsletterTheme(key) });
    for (const l of landings) l.offer(node, key);
    desk.offer(node);
  };

  // Landmark items and newsletters wait in time order and go out when the stream passes them.
  const scheduled = ENGLISH_FIXED_ITEMS.filter((s) => s.kind !== 'newsletter').map((s) => ({ spec: s, at: at(s) })).sort((a, b) => a.at - b.at);
  let firstNewsletter = true;
  const emitDue = async (until: number): Promise<void> => {
    for (;;) {
      const nextFixed = scheduled[0];
      const nextLetter = planner.nextDue();
      if (nextLetter !== undefined && nextLetter <= until && (nextFixed === undefined || nextLetter <= nextFixed.at)) {
        const nid = firstNewsletter ? fixed.newsletter.nid : ids.next('node');
        firstNewsletter = false;
        await written(planner.build(nid, paths));
      } else if (nextFixed !== undefined && nextFixed.at <= until) {
        scheduled.shift();
        await emitFixed(nextFixed.spec, nextFixed.at);
      } else return;
    }
  };
  const emitFixed = async (spec: FixedItemSpec, publishedAt: number): Promise<void> => {
    const nid = nidBase + spec.slot;
    const path = fixedItemPath(spec);
    if (spec.kind === 'corrections' || spec.kind === 'landing') {
      paths.add(path as string);
      await written(specialPageNode(nid, spec.kind, spec.title, path as string, publishedAt));
      return;
    }
    const item = buildEnglishItem(ctx, {
      nid, kind: 'article', publishedAt, title: spec.title, section: spec.section,
      ...(spec.alias === null ? { path: null } : {}),
      ...(spec.key === 'coAuthored' ? { byline: 'co-authored' as const } : spec.key === 'unsigned' ? { byline: 'unsigned' as const } : {}),
      ...(spec.key === 'oneComment' ? { comments: { published: 1, pending: 0 } } : {}),
      // The tag without an alias always has at least this one item.
      ...(spec.key === 'nodeOnly' && tags.pathlessTid !== undefined ? { extraTags: [tags.pathlessTid] } : {}),
    });
    if (item.node.path !== path) throw new Error(`Demo landmark ${spec.key} got path ${item.node.path}, expected ${path}`);
    await written(item.node, item);
  };

  const pPage = (1 - pBlog) * PAGE_SHARE_OF_SECTIONED;
  const weight = (d: CalendarDate, weekday: number): number => interpolate(VOLUME, monthIndex(d)) * (WEEKDAY_VOLUME[weekday] ?? 1);
  for (const day of planDays(FIRST_DAY, LAST_DAY, regular, weight, rng.fork('calendar'))) {
    for (const publishedAt of timesOfDay(day, day.count, tz, itemRng)) {
      await emitDue(publishedAt);
      // Deleted nodes left holes in Drupal's nid sequence.
      if (itemRng.chance(0.04)) ids.skip('node', itemRng.int(1, 3));
      const r = itemRng.next();
      const kind = r < pBlog ? 'blog_post' : r < pBlog + pPage ? 'page' : 'article';
      const item = buildEnglishItem(ctx, { nid: ids.next('node'), kind, publishedAt, ...(itemRng.chance(NODE_ONLY) ? { path: null } : {}) });
      await written(item.node, item);
    }
  }
  await emitDue(Number.POSITIVE_INFINITY);
  await batch.flush();

  for (const l of landings) await writer.saveLandingItems(ed, l.landingNid, l.items());
  await writer.saveCorrections(ed, desk.all());
  await writer.recountComments(ed);
  tally.tagTerms = tags.termCount;
  tally.authors = roster.authorCount;
  tally.corrections = desk.all().length;
  return { counts: tally.toCounts(), fixed };
}
