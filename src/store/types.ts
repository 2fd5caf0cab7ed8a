import type { WritableEdition } from '../domain/edition-guard.ts';
import type {
  AuthorRef, Blog, CorrectionEntry, NodeDetail, NodeKind, NodeSummary, PublicComment, TermRef, TranslationRef, Vocabulary,
} from '../domain/content.ts';
import type { Page } from '../domain/pagination.ts';
import type { CommentRecord, ModeratedComment, ModerationAction, ModerationRecord } from '../domain/comment.ts';
import type { QueryNode } from '../domain/search-query.ts';
import type { SitemapQueries } from './sitemap-queries.ts';
import type { KyselyExportQueries } from './export-queries.ts';
import type { KyselyFixityQueries } from './fixity-queries.ts';
import type { PeopleStore } from './people-types.ts';
export type { PeopleStore };

/** Everything an edition holds, as import records (Folio's JSON export). */
export type ExportQueries = Pick<KyselyExportQueries, 'editions' | 'terms' | 'authors' | 'blogs' | 'nodes' | 'comments' | 'gone' | 'legacyAliases' | 'users' | 'corrections'>;

export type { SitemapQueries };
import type { ArchiveQueries } from './archive-queries.ts';

export type { ArchiveQueries, DatedId, TimeSpan } from './archive-queries.ts';

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

/** Everything the public pages read. Implementations never return private comment fields. */
export interface ContentReader {
  findNode(edition: string, nid: number): Promise<NodeDetail | undefined>;
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

/** A node to write, with everything that hangs off it. */
export interface NodeWrite {
  readonly nid: number;
  readonly kind: NodeKind;
  readonly title: string;
  readonly path: string | null;
  /** Extra paths that redirect (301) to the canonical one. */
  readonly legacyPaths?: readonly string[];
  readonly summary: string | null;
  readonly teaser: string;
  readonly leadHtml: string;
  readonly bodyHtml: string;
  readonly credit: string | null;
  readonly photo: { src: string; caption: string | null; credit: string | null } | null;
  readonly publishedAt: number;
  readonly updatedAt: number;
  readonly showDate: boolean;
  readonly promoted: boolean;
  /** Dated in the future: stored as scheduled (status 2), invisible until publishDue claims it. */
  readonly scheduled?: boolean;
  readonly sectionTid: number | null;
  /** Every term the node is filed under, sections (with their parents) included. */
  readonly termIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly blogId: number | null;
  readonly commentPolicy: string | null;
}

/** A term to write. */
export interface TermWrite {
  readonly tid: number;
  readonly vocabulary: Vocabulary;
  readonly name: string;
  readonly path: string | null;
  readonly parentTid: number | null;
  readonly weight: number;
  /** Older paths that redirect (301) to the canonical one. */
  readonly legacyPaths?: readonly string[];
}

/** A comment to write with its cid and thread decided (demo seeding, imports); `bodyHtml` is already filtered. */
export type CommentWrite = CommentRecord;

/** Content writes. Every method takes a WritableEdition, so archives cannot be written by accident. */
export interface ContentWriter {
  nextId(kind: 'node' | 'term' | 'author' | 'blog' | 'comment'): Promise<number>;
  saveTerms(edition: WritableEdition, terms: readonly TermWrite[]): Promise<void>;
  saveAuthors(edition: WritableEdition, authors: readonly { aid: number; name: string; slug: string }[]): Promise<void>;
  saveBlogs(edition: WritableEdition, blogs: readonly Omit<Blog, 'edition'>[]): Promise<void>;
  /** Inserts nodes with their terms, authors and paths, all in one transaction. */
  saveNodes(edition: WritableEdition, nodes: readonly NodeWrite[]): Promise<void>;
  saveComments(edition: WritableEdition, comments: readonly CommentWrite[]): Promise<void>;
  saveLandingItems(edition: WritableEdition, landingNid: number, nids: readonly number[]): Promise<void>;
  saveCorrections(edition: WritableEdition, entries: readonly Omit<CorrectionEntry, 'id'>[]): Promise<void>;
  /**
   * Makes `nid` (a node of this edition) a translation of `translationOf`, joining its set. The
   * other node may be in an archive: only the set membership is written, never its row.
   */
  linkTranslation(edition: WritableEdition, nid: number, translationOf: number): Promise<void>;
  /** Recomputes each node's published-comment count from the comment rows. */
  recountComments(edition: WritableEdition): Promise<void>;
  setMeta(key: string, value: string): Promise<void>;
  /** Sets a value only if the key has none yet (first writer wins across instances). */
  initMeta(key: string, value: string): Promise<void>;
  /** Publishes scheduled articles whose time has come; returns the ones this call published (exactly once across instances). */
  publishDue(now: number): Promise<{ nid: number; edition: string }[]>;
}


/** A comment a reader (or an import) adds; the store allocates cid and thread. */
export interface NewComment extends Omit<CommentWrite, 'cid' | 'thread'> {
  readonly uid: number | null;
}

/** Who made a moderation decision. */
export interface Actor {
  readonly uid: number | null;
  readonly name: string;
}

/** A node as the comment form needs it. */
export interface CommentTarget {
  readonly nid: number;
  readonly edition: string;
  readonly title: string;
  readonly path: string | null;
  readonly kind: string;
  readonly commentPolicy: string | null;
}

/** Query for the moderation queue. */
export interface ModerationQuery {
  readonly status?: number;
  readonly edition?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Comment writes and the moderators' view. Only moderation code reads e-mails through this. */
export interface CommentStore {
  /** Saves a comment with its thread key; resolves once the write is durable (group-committed with others). */
  addComment(comment: NewComment, actor: Actor): Promise<{ cid: number; thread: string }>;
  commentTarget(nid: number): Promise<CommentTarget | undefined>;
  findForModeration(cid: number): Promise<ModeratedComment | undefined>;
  listForModeration(query: ModerationQuery): Promise<{ items: ModeratedComment[]; total: number }>;
  /** Sets a status on comments, records each change, recounts their nodes; returns the editions touched. */
  setStatus(cids: readonly number[], status: number, action: ModerationAction, actor: Actor): Promise<{ changed: number[]; editions: string[] }>;
  /** Deletes comments and their replies, records it, recounts; returns what went. */
  deleteComments(cids: readonly number[], actor: Actor): Promise<{ deleted: number[]; editions: string[] }>;
  /** Erases one person's personal data: anonymise (name "Anonymous", no e-mail, homepage or host) or delete. */
  eraseByEmail(email: string, mode: 'anonymise' | 'delete', anonymousName: string, actor: Actor): Promise<{ cids: number[]; editions: string[] }>;
  /** Comments from an address since a time, counted up to `cap`. */
  countRecentFromHost(hostname: string, sinceSeconds: number, cap: number): Promise<number>;
  moderationLog(cid: number): Promise<ModerationRecord[]>;
}

/** A user who signs in. */
export interface UserRecord {
  readonly uid: number;
  readonly name: string;
  readonly email: string | null;
  readonly passwordHash: string | null;
  readonly role: string;
  readonly failedLogins: number;
  readonly lockedUntil: number | null;
  /** 'active' or 'disabled': a disabled user cannot sign in and has no sessions. */
  readonly status: string;
}

/** Users and their sessions. */
export interface UserStore {
  createUser(user: { name: string; email: string | null; passwordHash: string; role: string; createdAt: number }): Promise<number>;
  findUserByName(name: string): Promise<UserRecord | undefined>;
  /** True when a name is taken by a registered user, compared case-insensitively as Drupal did. */
  nameTaken(name: string): Promise<boolean>;
  recordFailedLogin(uid: number, failedLogins: number, lockedUntil: number | null): Promise<void>;
  resetFailedLogins(uid: number): Promise<void>;
  createSession(idHash: string, uid: number, createdAt: number, expiresAt: number): Promise<void>;
  findSessionUser(idHash: string, now: number): Promise<UserRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
  listUsers(): Promise<UserRecord[]>;
}

/** An article's indexed text: normalised tokens per weighted column (see src/search/index-text.ts). */
export interface IndexedText {
  readonly title: string;
  readonly body: string;
  readonly meta: string;
}

/** What the indexer reads of a node. */
export interface IndexSourceRow {
  readonly nid: number;
  readonly edition: string;
  readonly publishedAt: number;
  readonly title: string;
  readonly bodyHtml: string;
  readonly teaser: string;
  readonly credit: string | null;
  readonly section: string | null;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly authorIds: readonly number[];
  readonly tagTids: readonly number[];
  /** The node's section and its parent sections. */
  readonly sectionTids: readonly number[];
}

/** A search request as the store runs it. */
export interface SearchRequest {
  readonly edition: string;
  readonly lang: 'en' | 'ar';
  readonly query: QueryNode;
  readonly sort: 'relevance' | 'newest';
  readonly offset: number;
  readonly limit: number;
  /** Facet tokens every result must carry (search/facet-tokens.ts). */
  readonly facets?: readonly string[];
}

/** What a search found: a page of node ids with scores, how many matched in all, and the newest matches facets are counted over. */
export interface SearchResult {
  readonly total: number;
  readonly hits: readonly { readonly nid: number; readonly score: number }[];
  readonly candidates: readonly number[];
}

/** Facet counts over a set of nodes. */
export interface FacetRows {
  readonly sections: readonly { readonly id: number; readonly name: string; readonly count: number }[];
  readonly tags: readonly { readonly id: number; readonly name: string; readonly count: number }[];
  readonly authors: readonly { readonly id: number; readonly name: string; readonly count: number }[];
  readonly dated: readonly { readonly publishedAt: number; readonly credit: string | null }[];
}

/** The full-text index: SQLite FTS5 or PostgreSQL tsvector behind one interface. */
export interface SearchStore {
  /** Adds or replaces these nodes' index entries. */
  index(docs: readonly { nid: number; edition: string; publishedAt: number; text: IndexedText }[]): Promise<void>;
  /** Takes these nodes out of the index (unpublished or removed). */
  remove(nids: readonly number[]): Promise<void>;
  /** Empties the index (before a full rebuild). */
  clear(): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** Nodes to index, in nid order after `afterNid`, `limit` at a time (published ones only). */
  sourcesForIndexing(afterNid: number, limit: number, nids?: readonly number[]): Promise<IndexSourceRow[]>;
  countIndexed(): Promise<number>;
  /** Section, tag and author counts, and dates and credits, of these nodes. */
  facetRows(nids: readonly number[]): Promise<FacetRows>;
}

/** The store as services see it. */
export interface Store {
  readonly content: ContentReader;
  readonly writer: ContentWriter;
  readonly comments: CommentStore;
  readonly users: UserStore;
  readonly people: PeopleStore;
  readonly search: SearchStore;
  readonly sitemap: SitemapQueries;
  readonly archive: ArchiveQueries;
  readonly imports: ImportStore;
  readonly exports: ExportQueries;
  readonly fixity: FixityQueries;
  readonly revisions: RevisionQueries;
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** The kinds of imported item the importer tracks by key. */
export type ImportItemType = 'node' | 'term' | 'author' | 'blog' | 'comment' | 'correction';

/** What an earlier run made of an imported item. */
export interface ImportedItemState {
  readonly id: number;
  /** The item's merged normalised fields as JSON, as the importer last wrote them. */
  readonly state: string;
}

/** The importer's record of one item: its key, what it became, where it came from. */
export interface ImportItemWrite {
  readonly type: ImportItemType;
  readonly key: string;
  readonly id: number;
  readonly state: string;
  readonly contentHash: string;
  readonly source: string;
  readonly originalUrl: string | null;
  readonly capturedAt: number | null;
}

/** One stored version of a node's content. */
export interface RevisionWrite {
  readonly nid: number;
  readonly contentHash: string;
  readonly sourceVid: number | null;
  readonly title: string;
  readonly bodyHtml: string;
  readonly summary: string | null;
  readonly credit: string | null;
  readonly photo: { src: string; caption: string | null; credit: string | null } | null;
  readonly revisedAt: number;
  readonly log: string | null;
}

/** A node row to write or replace, unpublished ones included. */
export interface ImportNodeWrite extends NodeWrite {
  readonly published: boolean;
}

/** Everything one import batch writes, in one transaction. */
export interface ImportBatch {
  readonly terms: readonly TermWrite[];
  readonly authors: readonly { aid: number; name: string; slug: string }[];
  readonly blogs: readonly Omit<Blog, 'edition'>[];
  /** Nodes whose row is replaced; their terms, authors and paths are replaced with them. */
  readonly nodes: readonly ImportNodeWrite[];
  /** New revisions (a revision already stored under the same hash is left as it is). */
  readonly revisions: readonly RevisionWrite[];
  /** `uid`: a registered commenter's account id (the source site's, for imports), null for anonymous. */
  readonly comments: readonly (CommentWrite & { readonly changedAt: number; readonly uid?: number | null })[];
  readonly gone: readonly { path: string; reason: string }[];
  /** Corrections, updates and letters, replaced by id. */
  readonly corrections: readonly (Omit<CorrectionEntry, 'kind'> & { kind: string })[];
  /** Landing pages' item lists, replaced whole. */
  readonly landing: readonly { landingNid: number; nids: readonly number[] }[];
  /** Translation set memberships (Drupal's tnid). */
  readonly translations: readonly { nid: number; tnid: number }[];
  /** Old paths that redirect to a page at a fixed route ("node", "rss.xml"), not to an item. */
  readonly pathRedirects: readonly { path: string; location: string }[];
  /** Old paths that redirect to a target, added only where the path is not already taken. */
  readonly redirects: readonly { path: string; targetType: PathTargetType; targetId: number }[];
  readonly items: readonly ImportItemWrite[];
}

/** Lookups and writes of the importer. */
export interface ImportStore {
  findItems(edition: string, type: ImportItemType, keys: readonly string[]): Promise<Map<string, ImportedItemState>>;
  /** The revision hashes already stored for these nodes. */
  revisionHashes(nids: readonly number[]): Promise<Map<number, Set<string>>>;
  /** Stored revisions by node and hash: the current one, when an older capture arrives after it. */
  revision(nid: number, contentHash: string): Promise<RevisionWrite | undefined>;
  /** The largest id in use of each kind, so a run allocates above it. */
  maxId(type: ImportItemType): Promise<number>;
  /** Which of these ids are taken (in any edition, by anything). */
  takenIds(type: ImportItemType, ids: readonly number[]): Promise<Set<number>>;
  /** Authors of an edition by slug. */
  authorsBySlug(edition: string, slugs: readonly string[]): Promise<Map<string, number>>;
  /** What these paths point at in an edition (stored aliases only). */
  pathTargets(edition: string, paths: readonly string[]): Promise<Map<string, { targetType: PathTargetType; targetId: number }>>;
  /** The thread keys of a node's comments, to thread comments that arrive without one. */
  commentThreads(nid: number): Promise<string[]>;
  startRun(edition: string, source: string, inputs: readonly string[], at: number): Promise<number>;
  finishRun(runId: number, at: number, summary: string): Promise<void>;
  /** Adds users, or updates the e-mail and role (and the password hash, when one is given) of those whose name exists. */
  saveUsers(users: readonly { name: string; email: string | null; role: string; passwordHash: string | null; createdAt: number }[]): Promise<{ added: number; updated: number }>;
  /** Writes a batch in one transaction: all of it or none of it. */
  applyBatch(edition: WritableEdition, batch: ImportBatch, runId: number): Promise<void>;
}

/** A correction or update with the article it is about, for the corrections page and feed. */
export interface ArticleCorrection {
  readonly entry: CorrectionEntry;
  readonly article: { readonly nid: number; readonly title: string; readonly path: string | null };
}

/** An article's recorded history (Memento, RFC 7089) and its corrections record. */
export interface RevisionQueries {
  /** Every stored revision of a node, oldest first. */
  revisionsOf(nid: number): Promise<RevisionWrite[]>;
  /** When each stored revision of a node was made, oldest first, without their content (for version lists). */
  revisionTimesOf(nid: number): Promise<number[]>;
  /** The corrections and updates (not letters) of these nodes in an edition, oldest first. */
  correctionsOf(edition: string, nids: readonly number[]): Promise<Map<number, CorrectionEntry[]>>;
  /** The newest corrections and updates of an edition's published articles. */
  listArticleCorrections(edition: string, limit: number): Promise<ArticleCorrection[]>;
  /** Saves a correction with the revisions that record it, in one transaction; returns its id. */
  recordCorrection(edition: WritableEdition, entry: Omit<CorrectionEntry, 'id'>, revisions: readonly RevisionWrite[]): Promise<number>;
}

/** What `folio verify` reads: stored revisions with their fixity values, and nodes' current content. */
export type FixityQueries = Pick<KyselyFixityQueries, 'counts' | 'revisionsAfter' | 'nodesAfter' | 'revisionStamps'>;
export type { StoredNodeContent, StoredRevision } from './fixity-queries.ts';

export type { UserTokenRecord, TokenPurpose, PendingInvitation, LiveSession, InvitationOutcome } from './people-types.ts';
