import type { RevisionWrite } from './revision-queries.ts';

/** A stored revision with its recorded fixity value, as `folio verify` reads it. */
export interface StoredRevision extends RevisionWrite {
  /** The SHA-256 recorded when the revision was written; null only if something erased it. */
  readonly fixitySha256: string | null;
}

/** A node's current content, to check that it still is one of its revisions. */
export interface StoredNodeContent {
  readonly nid: number;
  readonly edition: string;
  readonly path: string | null;
  readonly title: string;
  readonly bodyHtml: string;
  readonly summary: string | null;
  readonly credit: string | null;
  readonly photo: { src: string; caption: string | null; credit: string | null } | null;
  readonly updatedAt: number;
}

/** What `folio verify` reads: stored revisions with their fixity values, and nodes' current content. */
export interface FixityQueries {
  /** How many revisions and nodes a full check reads. */
  counts(): Promise<{ revisions: number; nodes: number }>;
  /** Revisions after (nid, contentHash) in key order, `limit` at a time. */
  revisionsAfter(after: { nid: number; contentHash: string } | null, limit: number): Promise<StoredRevision[]>;
  /** Each node's revisions as (time, recorded fixity): enough to tell which revision a node's content is. */
  revisionStamps(nids: readonly number[]): Promise<Map<number, { revisedAt: number; fixitySha256: string | null }[]>>;
  /** Nodes with nid above `afterNid`, `limit` at a time, unpublished ones included. */
  nodesAfter(afterNid: number, limit: number): Promise<StoredNodeContent[]>;
}
