import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { Blog, CorrectionInput, NodeKind, Vocabulary } from '../../domain/content.ts';
import type { CommentRecord } from '../../domain/comment.ts';

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
  readonly sectionTid: number | null;
  /** Every term the node is filed under, sections (with their parents) included. */
  readonly termIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly blogId: number | null;
  readonly commentPolicy: string | null;
  /** Dated in the future: stored as scheduled (status 2), invisible until publishDue claims it. */
  readonly scheduled?: boolean;
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
  saveCorrections(edition: WritableEdition, entries: readonly CorrectionInput[]): Promise<void>;
  /**
   * Makes `nid` (a node of this edition) a translation of `translationOf`, joining its set. The
   * other node may be in an archive: only the set membership is written, never its row.
   */
  linkTranslation(edition: WritableEdition, nid: number, translationOf: number): Promise<void>;
  /** Recomputes each node's published-comment count from the comment rows. */
  recountComments(edition: WritableEdition): Promise<void>;
  setMeta(key: string, value: string): Promise<void>;
  /** Publishes scheduled articles whose time has come; returns the ones this call published (exactly once across instances). */
  publishDue(now: number): Promise<{ nid: number; edition: string }[]>;
  /** Sets a value only if the key has none yet (first writer wins across instances). */
  initMeta(key: string, value: string): Promise<void>;
}
