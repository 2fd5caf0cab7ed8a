import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { Blog, CorrectionInput } from '../../domain/content.ts';
import type { PathTargetType } from './content-reader.ts';
import type { CommentWrite, NodeWrite, TermWrite } from './content-writer.ts';
import type { RevisionWrite } from './revision-queries.ts';

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

/** A node row to write or replace, unpublished ones included. */
export interface ImportNodeWrite extends NodeWrite {
  readonly published: boolean;
  /** The comment count an old listing showed for an item never captured; 0 when none did. */
  readonly listedComments?: number;
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
  readonly corrections: readonly (Omit<CorrectionInput, 'kind'> & { readonly id: number; kind: string })[];
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

/**
 * What an edition holds at a site path, for the fate of a source URL with a query string (issue 11):
 * a page (canonical there, or at `canonicalPath`), with the published items it lists when it is a
 * listing; a redirect to a fixed route; or a path gone with its reason.
 */
export type SourcePathFact =
  | { readonly kind: 'page'; readonly canonicalPath: string; readonly listed: number | null }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'gone'; readonly reason: string };

/** Lookups and writes of the importer. */
export interface ImportStore {
  /** What each site path is in an edition now; paths it does not hold are left out. */
  sourcePaths(edition: string, paths: readonly string[]): Promise<Map<string, SourcePathFact>>;
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
  /**
   * The nodes written by this edition's runs that never finished (a killed import), whose search
   * entries may still be waiting; those runs are closed as interrupted.
   */
  closeInterruptedRuns(edition: string, at: number): Promise<number[]>;
  /** Adds users, or updates the e-mail and role (and the password hash, when one is given) of those whose name exists. */
  saveUsers(users: readonly { name: string; email: string | null; role: string; passwordHash: string | null; createdAt: number }[]): Promise<{ added: number; updated: number }>;
  /** Writes a batch in one transaction: all of it or none of it. */
  applyBatch(edition: WritableEdition, batch: ImportBatch, runId: number): Promise<void>;
}
