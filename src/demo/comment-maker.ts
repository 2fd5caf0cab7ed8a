import type { CommentWrite } from '../store/types.ts';
import { COMMENT_STATUS } from '../domain/comment.ts';
import { nextThread } from '../domain/comment-thread.ts';
import { DEFAULT_SUBJECT_LENGTH, decodeEntities, truncateUtf8 } from '../filter/index.ts';
import { slugify } from '../text/slugify.ts';
import { COMMENTER_HANDLES, ARABIC_COMMENTER_HANDLES } from './demo-names.ts';
import {
  AR_COMMENT_PLACES, AR_COMMENT_SENTENCES, AR_LINK_LINES, AR_MARKUP_LINES, AR_REPLY_OPENERS, AR_SUBJECTS,
  EN_COMMENT_PLACES, EN_COMMENT_SENTENCES, EN_LINK_LINES, EN_MARKUP_LINES, EN_REPLY_OPENERS, EN_SUBJECTS,
} from './comment-lexicon.ts';
import { WeightedTable, type SeededRandom } from './seeded-random.ts';

/** The filter step: raw comment text in, rendered HTML out. */
export type RenderComment = (body: string) => string;

// docs/original-site.md: none on ~60%, 1 on ~15%, 2–3 on ~13%, 4–9 on ~9%, 10–32 on ~3%.
const BUCKETS = new WeightedTable<readonly [number, number]>([[0, 0], [1, 1], [2, 3], [4, 9], [10, 32]], [60, 15, 13, 9, 3]);
// Replies nest at most this deep; deeper threads were rare on the original and read badly.
const MAX_REPLY_DEPTH = 3;
// Documentation address blocks (RFC 5737), so no real host is named.
const HOST_PREFIXES = ['192.0.2.', '198.51.100.', '203.0.113.'] as const;
const MAIL_DOMAINS = ['example.net', 'example.com', 'example.org'] as const;

/** Published comments an item gets, from the buckets of docs/original-site.md "Content shape" (the 10–32 bucket leans low). */
export function drawCommentCount(rng: SeededRandom): number {
  const [lo, hi] = BUCKETS.draw(rng);
  if (lo === hi) return lo;
  if (lo >= 10) return lo + Math.floor((hi - lo + 1) * rng.next() ** 2);
  return rng.int(lo, hi);
}

interface Lexicon {
  readonly sentences: readonly string[];
  readonly replies: readonly string[];
  readonly links: readonly string[];
  readonly markup: readonly string[];
  readonly subjects: readonly string[];
  readonly places: readonly string[];
  readonly handles: readonly string[];
}

const LEXICONS: Readonly<Record<'en' | 'ar', Lexicon>> = {
  en: { sentences: EN_COMMENT_SENTENCES, replies: EN_REPLY_OPENERS, links: EN_LINK_LINES, markup: EN_MARKUP_LINES, subjects: EN_SUBJECTS, places: EN_COMMENT_PLACES, handles: COMMENTER_HANDLES },
  ar: { sentences: AR_COMMENT_SENTENCES, replies: AR_REPLY_OPENERS, links: AR_LINK_LINES, markup: AR_MARKUP_LINES, subjects: AR_SUBJECTS, places: AR_COMMENT_PLACES, handles: ARABIC_COMMENTER_HANDLES },
};

interface Commenter {
  readonly name: string;
  readonly email: string;
  readonly homepage: string | null;
}

/** Makes the threaded comments of one node at a time, with fictional names and addresses. */
export class CommentMaker {
  private readonly lex: Lexicon;

  constructor(
    private readonly rng: SeededRandom,
    lang: 'en' | 'ar',
    private readonly nextCid: () => number,
    private readonly render: RenderComment,
  ) {
    this.lex = LEXICONS[lang];
  }

  /** `published` comments with status 1 and `pending` ones with status 0, in posting order. */
  forNode(nid: number, publishedAt: number, published: number, pending: number): CommentWrite[] {
    const total = published + pending;
    if (total === 0) return [];
    // Pending comments are the latest ones: moderators had not reached them when the site froze.
    const out: CommentWrite[] = [];
    const threads: string[] = [];
    const depth: number[] = [];
    let at = publishedAt + this.rng.int(600, 2 * 86_400);
    for (let i = 0; i < total; i++) {
      const who = this.commenter();
      const replyTo = i > 0 && this.rng.chance(0.3) ? this.rng.int(0, i - 1) : -1;
      const parent = replyTo >= 0 && (depth[replyTo] as number) < MAX_REPLY_DEPTH ? (out[replyTo] as CommentWrite) : undefined;
      const thread = nextThread(threads, parent?.thread ?? null);
      threads.push(thread);
      depth.push(parent ? (depth[replyTo] as number) + 1 : 0);
      const body = this.body(parent?.name);
      const bodyHtml = this.render(body);
      out.push({
        cid: this.nextCid(), nid, pid: parent?.cid ?? null, thread,
        status: i < published ? COMMENT_STATUS.published : COMMENT_STATUS.pending,
        name: who.name, email: who.email, homepage: who.homepage, hostname: this.host(), subject: this.subject(bodyHtml),
        body, format: 'filtered_html', bodyHtml, createdAt: at,
      });
      at += this.rng.int(120, 6 * 3600);
    }
    return out;
  }

  private commenter(): Commenter {
    const name = this.rng.pick(this.lex.handles);
    const local = (slugify(name).replace(/[^a-z0-9-]/g, '') || 'reader').replace(/-/g, '.');
    const email = `${local}${this.rng.int(1, 999)}@${this.rng.pick(MAIL_DOMAINS)}`;
    const r = this.rng.next();
    const homepage = r < 0.08 ? `http://www.example.org/~${local}` : r < 0.15 ? `https://${local.replace(/\./g, '-')}.example.com/` : null;
    return { name, email, homepage };
  }

  private body(replyingTo: string | undefined): string {
    const rng = this.rng;
    const paragraphs: string[] = [];
    const count = rng.chance(0.6) ? 1 : rng.int(2, 4);
    for (let p = 0; p < count; p++) {
      const lines: string[] = [];
      if (p === 0 && replyingTo !== undefined) lines.push(this.fill(rng.pick(this.lex.replies), replyingTo));
      for (const s of rng.sample(this.lex.sentences, rng.int(1, 3))) lines.push(this.fill(s, replyingTo));
      if (rng.chance(0.12)) lines.push(this.fill(rng.pick(this.lex.links), replyingTo));
      if (rng.chance(0.1)) lines.push(rng.pick(this.lex.markup));
      // Within a paragraph, readers either kept typing or pressed Enter once (a <br> after filtering).
      paragraphs.push(rng.chance(0.3) ? lines.join('\n') : lines.join(' '));
    }
    return paragraphs.join('\n\n');
  }

  private fill(template: string, name: string | undefined): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'place': return this.rng.pick(this.lex.places);
        case 'num': return String(this.rng.int(2, 400));
        case 'years': return String(this.rng.int(11, 45));
        case 'year': return String(this.rng.int(1978, 2009));
        case 'slug': return `${this.rng.int(2011, 2014)}-${this.rng.int(10, 99)}`;
        case 'email': return `reader${this.rng.int(10, 999)}@${this.rng.pick(MAIL_DOMAINS)}`;
        case 'name': return name ?? this.rng.pick(this.lex.handles);
        default: return slot;
      }
    });
  }

  /**
   * A typed subject, or Drupal's default: the rendered text's first 29 characters, cut at a word
   * (the filter's `defaultSubject`, applied to the HTML already rendered rather than running
   * the whole format a second time for every comment).
   */
  private subject(bodyHtml: string): string {
    if (this.rng.chance(0.4)) return this.rng.pick(this.lex.subjects);
    const text = decodeEntities(bodyHtml.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')).trim();
    return truncateUtf8(text, DEFAULT_SUBJECT_LENGTH, { wordsafe: true }) || this.rng.pick(this.lex.subjects);
  }

  private host(): string {
    return `${this.rng.pick(HOST_PREFIXES)}${this.rng.int(1, 254)}`;
  }
}
