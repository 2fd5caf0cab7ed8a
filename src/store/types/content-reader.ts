import type {
  AuthorRef, Blog, CorrectionEntry, NodeDetail, NodeKind, NodeSummary, PublicComment, TermRef, TranslationRef, Vocabulary,
} from '../../domain/content.ts';
import type { Page } from '../../domain/pagination.ts';
import type { StoredRelated } from './related-store.ts';

/** What a stored path points at. */
export type PathTargetType = 'node' | 'term' | 'author' | 'blog';

/** A row of the path table: the canonical path of a thing, or an older path that redirects to it. */
export interface PathTarget {
  readonly targetType: PathTargetType;
  readonly targetId: number;
  readonly canonical: boolean;
}

/** Which nodes a listing shows. */
export type ListingFilter =
  | { readonly type: 'all'; readonly kinds?: readonly NodeKind[] }
  | { readonly type: 'promoted' }
  | { readonly type: 'term'; readonly tid: number }
  | { readonly type: 'author'; readonly aid: number }
  | { readonly type: 'blog'; readonly bid: number };

/** A listing request. */
export interface ListingQuery {
  readonly edition: string;
  readonly filter: ListingFilter;
  readonly page: number;
  readonly pageSize: number;
}

/** A node with everything its page reads about the node itself, as one store read returns it. */
export interface StoredNodePage {
  readonly node: NodeDetail;
  /** Its stored related items and neighbours (RelatedStore.read) with their links, null when none are stored. */
  readonly related: StoredRelated | null;
  /** Its published translations in other editions, as translationsOf. */
  readonly translations: readonly TranslationRef[];
  /** The distinct times of its stored revisions, oldest first (RevisionQueries.revisionTimesOf). */
  readonly revisionTimes: readonly number[];
  /** Its corrections and updates, oldest first (RevisionQueries.correctionsOf). */
  readonly corrections: readonly CorrectionEntry[];
  /** How many published comments it has. */
  readonly publishedComments: number;
}

/** Everything the public pages read. Implementations never return private comment fields. */
export interface ContentReader {
  findNode(edition: string, nid: number): Promise<NodeDetail | undefined>;
  /** A published node of this edition and what its page reads about it, in one read (issue 14). */
  findNodePage(edition: string, nid: number): Promise<StoredNodePage | undefined>;
  /** True when this edition holds the node but it is unpublished (withdrawn): its page answers 410. */
  isWithdrawn(edition: string, nid: number): Promise<boolean>;
  /** Why an old path was deliberately removed, if it was (410 Gone). */
  goneReason(edition: string, path: string): Promise<string | undefined>;
  /** Where an old path redirects when its target is a page at a fixed route (no leading slash), if it does. */
  redirectLocation(edition: string, path: string): Promise<string | undefined>;
  /** The edition a node id belongs to, for ids typed into the wrong edition's URL. */
  nodeEdition(nid: number): Promise<string | undefined>;
  resolvePath(edition: string, path: string): Promise<PathTarget | undefined>;
  canonicalPath(edition: string, targetType: PathTargetType, targetId: number): Promise<string | undefined>;
  listNodes(query: ListingQuery): Promise<Page<NodeSummary>>;
  /** Every published node id a listing holds, in listing order (newest first). */
  listingIds(query: Pick<ListingQuery, 'edition' | 'filter'>): Promise<number[]>;
  /** Summaries of these nodes, in the order given (missing or unpublished ones left out). */
  summariesByIds(nids: readonly number[]): Promise<NodeSummary[]>;
  /** The first `chars` characters of each node's body HTML, in one query (search snippets). */
  bodyOpenings(nids: readonly number[], chars: number): Promise<Map<number, string>>;
  findTerm(edition: string, tid: number): Promise<TermRef | undefined>;
  findTermByName(edition: string, vocabulary: Vocabulary, name: string): Promise<TermRef | undefined>;
  listTerms(edition: string, vocabulary: Vocabulary): Promise<TermRef[]>;
  findAuthor(edition: string, aid: number): Promise<AuthorRef | undefined>;
  findAuthorBySlug(edition: string, slug: string): Promise<AuthorRef | undefined>;
  findBlog(edition: string, bid: number): Promise<Blog | undefined>;
  findBlogByUid(edition: string, uid: number): Promise<Blog | undefined>;
  listBlogs(edition: string): Promise<Blog[]>;
  /** A landing page's items in order; `limit` for blocks that show only the first few. */
  landingItems(landingNid: number, limit?: number): Promise<NodeSummary[]>;
  listCorrections(edition: string): Promise<CorrectionEntry[]>;
  /** Published comments of a node in thread order, a page at a time. */
  listPublishedComments(nid: number, page: number, pageSize: number): Promise<Page<PublicComment>>;
  /** Where a published comment sits: its node and its zero-based position in thread order. */
  commentPosition(cid: number): Promise<{ nid: number; edition: string; path: string | null; index: number } | undefined>;
  pathTaken(edition: string, path: string): Promise<boolean>;
  /** The published translations of a node in other editions (its translation set, itself left out). */
  translationsOf(nid: number): Promise<TranslationRef[]>;
  countNodes(edition?: string): Promise<number>;
  getMeta(key: string): Promise<string | undefined>;
}
