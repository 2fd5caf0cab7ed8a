import type { Edition } from '../domain/edition.ts';
import type { AuthorRef, Blog, CorrectionEntry, NodeDetail, NodeSummary, PublicComment, TermRef, TranslationRef } from '../domain/content.ts';
import { Gone, NotFound } from '../domain/errors.ts';
import { frontKey, parseFront } from '../domain/front-page.ts';
import { LISTING_PAGE_SIZE, type Page } from '../domain/pagination.ts';
import type { ContentReader, ListingFilter, PathTarget, StoredNodePage } from '../store/types.ts';

export type { PathTarget };

/** Comments per page under an article, as Drupal 7's default. */
export const COMMENTS_PER_PAGE = 50;

/** What FOLIO_UNPUBLISHED=notice tells readers at a withdrawn article's URL. */
const WITHDRAWN_NOTICE = {
  en: 'The editors withdrew this article. It is no longer published; other articles are on the front page.',
  ar: 'سحب المحررون هذه المقالة، فلم تعد منشورة. تجد مقالات أخرى في الصفحة الأولى.',
} as const;

/** Items in each home page block. */
const HOME_BLOCK_SIZE = 5;

/** The home page's blocks, in the original's order. */
export interface HomePage {
  readonly sections: readonly { readonly term: TermRef; readonly items: readonly NodeSummary[] }[];
  readonly special: { readonly landing: NodeSummary; readonly items: readonly NodeSummary[] } | null;
  readonly blogPosts: readonly NodeSummary[];
  readonly inFocus: readonly NodeSummary[];
  /** The lead story the editors chose (/admin/front), if it is still published. */
  readonly lead?: NodeSummary | null;
}

/** What an article (or any node) page shows. */
export interface NodePage {
  readonly node: NodeDetail;
  readonly comments: Page<PublicComment>;
  readonly landingItems: readonly NodeSummary[];
  readonly corrections: readonly CorrectionEntry[];
  /** The node in other editions' languages (its published translations). */
  readonly translations: readonly TranslationRef[];
}

/** The subject of a listing page. */
export type ListingSubject =
  | { readonly type: 'term'; readonly term: TermRef; readonly parent: TermRef | null }
  | { readonly type: 'author'; readonly author: AuthorRef }
  | { readonly type: 'blog'; readonly blog: Blog }
  | { readonly type: 'all-blogs' }
  | { readonly type: 'front' };

/** A listing page's data. */
export interface ListingPage {
  readonly subject: ListingSubject;
  readonly page: Page<NodeSummary>;
}

/**
 * Why a comment's permalink answers 410: an import recorded it as gone because the comment was
 * unpublished or its item was (issue 11), so the reader learns it was removed, not mistyped.
 */
const COMMENT_GONE = {
  en: 'This comment is no longer shown: it was unpublished, or the article it belongs to was withdrawn.',
  ar: 'لم يعد هذا التعليق معروضاً: فقد أُخفي، أو سُحب المقال الذي ينتمي إليه.',
};

/** The section terms whose latest items fill the home page, by path, in the original's order. */
const HOME_SECTIONS = ['section/politics', 'section/culture-society', 'section/economy'];

/**
 * How long a listing's order is reused. Deep pages of a giant tag (page 2,986 of 2,990) would
 * otherwise make the database step over 30,000 index entries per request; with the order in
 * memory every page costs the same. Content changes rarely, this instance's own writes clear
 * the memo at once, and a minute of staleness after another instance's write is harmless.
 */
const ORDER_TTL_MS = 60_000;

/** Node ids kept across all memoised listings (4 bytes each): bounds the memo's memory. */
const MAX_MEMO_IDS = 4_000_000;

/** Read-side use cases for public pages. Knows nothing of HTTP. */
export class ReaderService {
  private readonly orders = new Map<string, { ids: Int32Array; at: number }>();
  private memoIds = 0;
  /**
   * Orders being read, by key: requests that arrive meanwhile wait for the same read. Without it a
   * burst of cold requests each read the whole order (100,000 ids for the front), which with the
   * store on another thread or server (SQLite's read thread, PostgreSQL) queued fifty copies.
   */
  private readonly loadingOrders = new Map<string, Promise<Int32Array>>();
  /** Per edition, bumped by invalidate: an order read before a change is not kept after it. */
  private readonly generations = new Map<string, number>();
  /** Per edition: the editors' front-page choices and the home page's section terms, until the edition changes. */
  private readonly homeSections = new Map<string, Promise<{ front: ReturnType<typeof parseFront>; sectionTerms: TermRef[] }>>();

  constructor(
    private readonly content: ContentReader,
    private readonly clock: () => number = Date.now,
    /** FOLIO_UNPUBLISHED: whether a withdrawn article's 410 says that the editors withdrew it. */
    private readonly unpublished: 'gone' | 'notice' = 'gone',
  ) {}

  /** Forgets memoised listings of an edition after a write. */
  invalidate(edition: string): void {
    this.homeSections.delete(edition);
    this.generations.set(edition, (this.generations.get(edition) ?? 0) + 1);
    for (const key of this.loadingOrders.keys()) if (key.startsWith(`${edition}|`)) this.loadingOrders.delete(key);
    for (const [key, entry] of this.orders) {
      if (key.startsWith(`${edition}|`)) {
        this.orders.delete(key);
        this.memoIds -= entry.ids.length;
      }
    }
  }

  /** The home page blocks: Politics, Culture & Society, Economy, special coverage, bloggers, in focus. */
  async home(edition: Edition): Promise<HomePage> {
    let memo = this.homeSections.get(edition.code);
    if (!memo) {
      memo = this.findHomeSections(edition);
      this.homeSections.set(edition.code, memo);
      // A failed read is not remembered: the next home page tries again.
      memo.catch(() => this.homeSections.delete(edition.code));
    }
    const { front, sectionTerms } = await memo;
    // Every block's ids from the memoised orders, then one summaries read for all of them.
    const first = async (filter: ListingFilter, count: number) => [...(await this.order(edition, filter)).subarray(0, count)];
    const sectionIds: number[][] = [];
    for (const term of sectionTerms) sectionIds.push(await first({ type: 'term', tid: term.tid }, HOME_BLOCK_SIZE));
    const landingIds = await first({ type: 'all', kinds: ['landing'] }, 1);
    const blogIds = await first({ type: 'all', kinds: ['blog_post'] }, HOME_BLOCK_SIZE);
    const focusIds = await first({ type: 'promoted' }, 3);
    const leadIds = front.lead === null ? [] : [front.lead];
    const all = await this.content.summariesByIds([...leadIds, ...sectionIds.flat(), ...landingIds, ...blogIds, ...focusIds]);
    const byId = new Map(all.map((s) => [s.nid, s]));
    const pick = (ids: readonly number[]) => ids.flatMap((nid) => byId.get(nid) ?? []);
    const sections = sectionTerms.map((term, i) => ({ term, items: pick(sectionIds[i]!) }));
    const [landing] = pick(landingIds);
    const special = landing ? { landing, items: await this.content.landingItems(landing.nid, HOME_BLOCK_SIZE) } : null;
    // summariesByIds leaves out what is no longer published, so a withdrawn lead simply disappears.
    return { sections, special, blogPosts: pick(blogIds), inFocus: pick(focusIds), lead: pick(leadIds)[0] ?? null };
  }

  private async findHomeSections(edition: Edition): Promise<{ front: ReturnType<typeof parseFront>; sectionTerms: TermRef[] }> {
    const sectionTerms: TermRef[] = [];
    // The editors' choices (/admin/front) come first; without them, the original's three sections.
    const front = parseFront(await this.content.getMeta(frontKey(edition.code)));
    for (const tid of front.sections) {
      const term = await this.content.findTerm(edition.code, tid);
      if (term?.vocabulary === 'section') sectionTerms.push(term);
    }
    for (const path of front.sections.length > 0 ? [] : HOME_SECTIONS) {
      const target = await this.content.resolvePath(edition.code, path);
      if (target?.targetType !== 'term') continue;
      const term = await this.content.findTerm(edition.code, target.targetId);
      if (term) sectionTerms.push(term);
    }
    return { front, sectionTerms };
  }


  /** Throws Gone when the node is in this edition but withdrawn (unpublished by an import). */
  async assertNotWithdrawn(edition: Edition, nid: number): Promise<void> {
    if (await this.content.isWithdrawn(edition.code, nid)) throw new Gone();
  }

  /** True when an import recorded the path as removed (an excluded content type's /node/<nid>, /comment/<cid>). */
  private async isGone(edition: Edition, path: string): Promise<boolean> {
    return (await this.content.goneReason(edition.code, path)) !== undefined;
  }

  /** Where an old path redirects to a page at a fixed route ("node", "rss.xml"), if an import recorded one. */
  redirectLocation(edition: Edition, path: string): Promise<string | undefined> {
    return this.content.redirectLocation(edition.code, path);
  }

  /** Throws Gone when an old path was deliberately removed (an import recorded it). */
  async assertNotGone(edition: Edition, path: string): Promise<void> {
    if ((await this.content.goneReason(edition.code, path)) !== undefined) throw new Gone();
  }

  /** A node's page data; NotFound when the node is not in this edition, Gone when it was withdrawn. */
  async node(edition: Edition, nid: number, commentPage = 0): Promise<NodePage> {
    const node = (await this.content.findNode(edition.code, nid)) ?? (await this.absent(edition, nid));
    const translations = await this.content.translationsOf(nid);
    return this.withComments(edition, node, translations, commentPage, undefined);
  }

  /**
   * The same with what the full page reads about the node (related row, history, translations,
   * comment count) from one store read, for the article page (issue 14: six statements became one).
   */
  async nodePage(edition: Edition, nid: number, commentPage = 0): Promise<{ page: NodePage; stored: StoredNodePage }> {
    const stored = (await this.content.findNodePage(edition.code, nid)) ?? (await this.absent(edition, nid));
    return { page: await this.withComments(edition, stored.node, stored.translations, commentPage, stored.publishedComments), stored };
  }

  /** Throws why a node is not shown here: Gone when withdrawn or recorded as removed, else NotFound. */
  private async absent(edition: Edition, nid: number): Promise<never> {
    if (await this.content.isWithdrawn(edition.code, nid)) throw this.unpublished === 'notice' ? new Gone(WITHDRAWN_NOTICE) : new Gone();
    throw (await this.isGone(edition, `node/${nid}`)) ? new Gone() : new NotFound();
  }

  private async withComments(edition: Edition, node: NodeDetail, translations: readonly TranslationRef[], commentPage: number, publishedComments: number | undefined): Promise<NodePage> {
    // Drupal's comment setting 0 hides a node's comments everywhere: page, pager and feed. A node
    // known to have no published comments needs no comments statement either.
    const comments = node.commentPolicy === 'hidden' || publishedComments === 0
      ? { items: [], page: commentPage, pageSize: COMMENTS_PER_PAGE, total: 0 }
      : await this.content.listPublishedComments(node.nid, commentPage, COMMENTS_PER_PAGE);
    const landingItems = node.kind === 'landing' ? await this.content.landingItems(node.nid) : [];
    const corrections = node.kind === 'corrections' ? await this.content.listCorrections(edition.code) : [];
    return { node, comments, landingItems, corrections, translations };
  }

  /** What a stored path points at in this edition. */
  resolvePath(edition: Edition, path: string): Promise<PathTarget | undefined> {
    return this.content.resolvePath(edition.code, path);
  }

  /** The canonical path of a node, term, author or blog (without leading slash). */
  canonicalPath(edition: Edition, target: Pick<PathTarget, 'targetType' | 'targetId'>): Promise<string | undefined> {
    return this.content.canonicalPath(edition.code, target.targetType, target.targetId);
  }

  /** A term's listing (sections include their subsections, which node_terms already records). */
  async termListing(edition: Edition, tid: number, page: number): Promise<ListingPage> {
    const term = await this.content.findTerm(edition.code, tid);
    if (!term) throw new NotFound();
    const parent = term.parentTid === null ? null : (await this.content.findTerm(edition.code, term.parentTid)) ?? null;
    return { subject: { type: 'term', term, parent }, page: await this.list(edition, { type: 'term', tid }, page) };
  }

  /** An author's listing. */
  async authorListing(edition: Edition, aid: number, page: number): Promise<ListingPage> {
    const author = await this.content.findAuthor(edition.code, aid);
    if (!author) throw new NotFound();
    return { subject: { type: 'author', author }, page: await this.list(edition, { type: 'author', aid }, page) };
  }

  /** One blog's listing. */
  async blogListing(edition: Edition, bid: number, page: number): Promise<ListingPage> {
    const blog = await this.content.findBlog(edition.code, bid);
    if (!blog) throw new NotFound();
    return { subject: { type: 'blog', blog }, page: await this.list(edition, { type: 'blog', bid }, page) };
  }

  /** The blog a legacy /blog/<uid> URL names. */
  async blogByUid(edition: Edition, uid: number): Promise<Blog> {
    const blog = await this.content.findBlogByUid(edition.code, uid);
    if (!blog) throw new NotFound();
    return blog;
  }

  /** Every blog post of the edition. */
  async allBlogPosts(edition: Edition, page: number): Promise<ListingPage> {
    return { subject: { type: 'all-blogs' }, page: await this.list(edition, { type: 'all', kinds: ['blog_post'] }, page) };
  }

  /** The /node front listing of promoted items. */
  async frontListing(edition: Edition, page: number): Promise<ListingPage> {
    return { subject: { type: 'front' }, page: await this.list(edition, { type: 'promoted' }, page) };
  }

  /** Sections for navigation, parents first. */
  sections(edition: Edition): Promise<TermRef[]> {
    return this.content.listTerms(edition.code, 'section');
  }

  /** The node and comment page that show a comment (for /comment/<cid> permalinks). */
  async commentLocation(edition: Edition, cid: number): Promise<{ nid: number; path: string | null; page: number }> {
    const position = await this.content.commentPosition(cid);
    if (!position || position.edition !== edition.code) throw (await this.isGone(edition, `comment/${cid}`)) ? new Gone(COMMENT_GONE) : new NotFound();
    return { nid: position.nid, path: position.path, page: Math.floor(position.index / COMMENTS_PER_PAGE) };
  }

  /** The edition a node id belongs to (for a /node/<nid> typed under the wrong edition). */
  nodeEdition(nid: number): Promise<string | undefined> {
    return this.content.nodeEdition(nid);
  }

  /** A listing's node ids in order, from the memo, the read under way, or the store. */
  private order(edition: Edition, filter: ListingFilter): Promise<Int32Array> {
    const key = `${edition.code}|${JSON.stringify(filter)}`;
    const memo = this.orders.get(key);
    if (memo && this.clock() - memo.at < ORDER_TTL_MS) return Promise.resolve(memo.ids);
    let loading = this.loadingOrders.get(key);
    if (!loading) {
      const started = loading = this.loadOrder(key, edition, filter).finally(() => {
        if (this.loadingOrders.get(key) === started) this.loadingOrders.delete(key);
      });
      this.loadingOrders.set(key, loading);
    }
    return loading;
  }

  private async loadOrder(key: string, edition: Edition, filter: ListingFilter): Promise<Int32Array> {
    const generation = this.generations.get(edition.code) ?? 0;
    const ids = Int32Array.from(await this.content.listingIds({ edition: edition.code, filter }));
    // Read before a change this process heard of: right for those who asked before it, not kept.
    if (generation !== (this.generations.get(edition.code) ?? 0)) return ids;
    const memo = this.orders.get(key);
    if (memo) {
      this.orders.delete(key);
      this.memoIds -= memo.ids.length;
    }
    if (this.memoIds + ids.length > MAX_MEMO_IDS) {
      this.orders.clear();
      this.memoIds = 0;
    }
    this.orders.set(key, { ids, at: this.clock() });
    this.memoIds += ids.length;
    return ids;
  }

  private async list(edition: Edition, filter: ListingFilter, page: number): Promise<Page<NodeSummary>> {
    const ids = await this.order(edition, filter);
    const start = page * LISTING_PAGE_SIZE;
    const items = await this.content.summariesByIds([...ids.subarray(start, start + LISTING_PAGE_SIZE)]);
    const result: Page<NodeSummary> = { items, page, pageSize: LISTING_PAGE_SIZE, total: ids.length };
    // A page past the end is a 404, as Drupal's pager gave an empty page; a reader following a
    // stale link is better served by a clear "not found" than by an empty listing.
    if (page > 0 && result.items.length === 0) throw new NotFound();
    return result;
  }
}
