import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { CorrectionEntry, CorrectionInput } from '../../domain/content.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';

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
  /** Who saved it (014-newsroom); absent or null for imported and command-line revisions. */
  readonly revisedBy?: number | null;
}

/** A stored revision as pages show it (Mementos): its body comes back as the SafeHtml it was stored as. */
export interface StoredRevisionContent extends Omit<RevisionWrite, 'bodyHtml'> {
  readonly bodyHtml: SafeHtml;
}

/** A correction or update with the article it is about, for the corrections page and feed. */
export interface ArticleCorrection {
  readonly entry: CorrectionEntry;
  readonly article: { readonly nid: number; readonly title: string; readonly path: string | null };
}

/** A revision as the newsroom's list shows it, without its content. */
export interface RevisionEntry {
  readonly contentHash: string;
  readonly revisedAt: number;
  /** The user who saved it, and their name now; null for imported and command-line revisions. */
  readonly revisedBy: number | null;
  readonly authorName: string | null;
  /** Set for revisions read from the old site (an import). */
  readonly sourceVid: number | null;
  readonly title: string;
  readonly log: string | null;
}

/** A node as the revision pages need it, whatever its status (drafts and scheduled ones included). */
export interface RevisedNode {
  readonly nid: number;
  readonly edition: string;
  readonly title: string;
  readonly path: string | null;
  /** NODE_STATUS code. */
  readonly status: number;
  readonly ownerUid: number | null;
  readonly trashedAt: number | null;
}

/** What a restore writes: the new revision (a copy of an old one, dated now) and the node's derived fields. */
export interface RevisionRestore {
  readonly revision: RevisionWrite;
  readonly teaser: string;
  readonly leadHtml: string;
}

/** An article's recorded history (Memento, RFC 7089) and its corrections record. */
export interface RevisionQueries {
  /** Every stored revision of a node, oldest first. */
  revisionsOf(nid: number): Promise<StoredRevisionContent[]>;
  /** When each stored revision of a node was made, oldest first, without their content (for version lists). */
  revisionTimesOf(nid: number): Promise<number[]>;
  /** The corrections and updates (not letters) of these nodes in an edition, oldest first. */
  correctionsOf(edition: string, nids: readonly number[]): Promise<Map<number, CorrectionEntry[]>>;
  /** The newest corrections and updates of an edition's published articles. */
  listArticleCorrections(edition: string, limit: number): Promise<ArticleCorrection[]>;
  /** Saves a correction with the revisions that record it, in one transaction; returns its id. */
  recordCorrection(edition: WritableEdition, entry: CorrectionInput, revisions: readonly RevisionWrite[]): Promise<number>;
  /** A node's revisions for the newsroom, newest first (by time, then save order), with who saved each. */
  listRevisions(nid: number): Promise<RevisionEntry[]>;
  /** One revision of a node with its content. */
  findRevision(nid: number, contentHash: string): Promise<StoredRevisionContent | undefined>;
  /** A node of any status, as far as its revisions and who may restore them are concerned. */
  findRevisedNode(nid: number): Promise<RevisedNode | undefined>;
  /**
   * Writes a restore in one transaction: the new revision (history is only ever added to) and the
   * node's title, summary, body, credit and photo set to it. The node must be in this edition.
   */
  restoreRevision(edition: WritableEdition, restore: RevisionRestore): Promise<void>;
}
