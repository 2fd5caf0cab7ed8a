import type { Edition } from '../domain/edition.ts';
import { requireWritable } from '../domain/edition-guard.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.ts';
import { NODE_STATUS } from '../domain/node-status.ts';
import { can, isArticleEditableBy, type ArticleOwnership } from '../domain/permissions.ts';
import { revisionFixity } from '../domain/revision-fixity.ts';
import { htmlBlockLines } from '../text/html-blocks.ts';
import { leadAndTeaser } from '../text/teaser.ts';
import { hasChanges, wordDiff, type DiffLine } from '../text/word-diff.ts';
import type { RevisedNode, RevisionEntry, RevisionQueries, StoredRevisionContent, UserRecord } from '../store/types.ts';
import type { AuditService } from './audit-service.ts';

export type { RevisedNode, RevisionEntry };

/** Who reads or restores revisions: a signed-in member of staff. */
export type RevisionReader = Pick<UserRecord, 'uid' | 'name' | 'role'>;

/** The fields a diff compares, in the order the page shows them. */
export const DIFF_FIELDS = ['title', 'summary', 'credit', 'body'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** One field compared between two revisions. */
export interface FieldDiff {
  readonly field: DiffField;
  readonly lines: readonly DiffLine[];
  readonly changed: boolean;
}

/** An article's revision list, and whether this reader may restore them. */
export interface RevisionHistory {
  readonly node: RevisedNode;
  /** Newest first. */
  readonly revisions: readonly RevisionEntry[];
  readonly canRestore: boolean;
}

/** Two revisions compared, word by word. */
export interface RevisionComparison extends RevisionHistory {
  readonly from: RevisionEntry;
  readonly to: RevisionEntry;
  readonly fields: readonly FieldDiff[];
}

/** What a restore did. */
export interface RestoredRevision {
  /** The new revision's hash, and the one it copies. */
  readonly contentHash: string;
  readonly restoredFrom: string;
}

/** The log line of a revision written by a restore: it names the revision copied. */
export function restoreLog(contentHash: string): string {
  return `restore:${contentHash}`;
}

/** The revision a restore copied, read back from its log line; null for any other revision. */
export function restoredFrom(log: string | null): string | null {
  return log?.startsWith('restore:') ? log.slice('restore:'.length) : null;
}

/** Where a node stands for isArticleEditableBy: only a draft is still its writer's to change. */
function ownershipOf(node: RevisedNode): ArticleOwnership {
  const state = node.status === NODE_STATUS.DRAFT ? 'draft' : node.status === NODE_STATUS.SCHEDULED ? 'scheduled' : 'published';
  return { ownerUid: node.ownerUid, state };
}

function fieldText(r: StoredRevisionContent, field: DiffField): string[] {
  if (field === 'body') return htmlBlockLines(r.bodyHtml.html);
  const value = field === 'title' ? r.title : field === 'summary' ? r.summary : r.credit;
  return value === null || value.trim() === '' ? [] : [value.replace(/\s+/g, ' ').trim()];
}

/**
 * Revisions in the newsroom (issue 12, point 4): the list of an article's saves, a word-level
 * diff between any two, and restore. A restore never rewrites history: it adds a revision equal
 * to the chosen one, so the Mementos of a published article keep every earlier version.
 */
export class RevisionService {
  constructor(
    private readonly revisions: RevisionQueries,
    private readonly audit: AuditService,
    private readonly changed: (edition: string) => void,
    private readonly indexer: { indexNodes(nids: readonly number[]): Promise<void> } | null = null,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** The revisions of an article of this edition, newest first. */
  async history(reader: RevisionReader, edition: Edition, nid: number): Promise<RevisionHistory> {
    const node = await this.readable(reader, edition, nid);
    const revisions = await this.revisions.listRevisions(nid);
    return { node, revisions, canRestore: this.restorable(reader, edition, node) };
  }

  /** Two revisions of an article compared word by word: title, summary, credit and the body's text by block. */
  async compare(reader: RevisionReader, edition: Edition, nid: number, fromHash: string, toHash: string): Promise<RevisionComparison> {
    const history = await this.history(reader, edition, nid);
    // The history is newest first, in save order: its index says which of two is older.
    const place = (hash: string) => {
      const found = history.revisions.findIndex((r) => r.contentHash === hash);
      if (found === -1) throw new NotFound({ en: 'This article has no such revision.', ar: 'لا توجد مراجعة كهذه لهذا المقال.' });
      return found;
    };
    // Older on the left whichever way round they were picked, so "inserted" always means "added since".
    const [from, to] = [place(fromHash), place(toHash)].sort((a, b) => b - a).map((i) => history.revisions[i]!);
    const [before, after] = await Promise.all([this.revisions.findRevision(nid, from!.contentHash), this.revisions.findRevision(nid, to!.contentHash)]);
    if (!before || !after) throw new NotFound();
    const fields = DIFF_FIELDS.map((field) => {
      const lines = wordDiff(fieldText(before, field), fieldText(after, field), edition.lang);
      return { field, lines, changed: hasChanges(lines) };
    });
    return { ...history, from: from!, to: to!, fields };
  }

  /**
   * Restores a revision: a new revision equal to it (dated now, saved by this reader) and the
   * node's content set to it; then the audit event, the caches and the search index. Editors may
   * restore any article of a live edition; a writer only their own drafts.
   */
  async restore(reader: RevisionReader, edition: Edition, nid: number, contentHash: string): Promise<RestoredRevision> {
    const writable = requireWritable(edition);
    const node = await this.readable(reader, edition, nid);
    if (!isArticleEditableBy(reader, ownershipOf(node))) {
      throw new Forbidden({ en: 'You may restore revisions only of your own drafts.', ar: 'لا يمكنك استعادة المراجعات إلا في مسوّداتك.' });
    }
    if (node.trashedAt !== null) throw new Conflict({ en: 'This article is in the trash: take it out of the trash first.', ar: 'هذا المقال في سلة المهملات: أخرجه منها أولاً.' });
    if (!/^[0-9A-Za-z_-]{1,128}$/.test(contentHash)) throw new Invalid({ en: 'Choose a revision to restore.', ar: 'اختر مراجعة لاستعادتها.' }, 'revision');
    const chosen = await this.revisions.findRevision(nid, contentHash);
    if (!chosen) throw new NotFound({ en: 'This article has no such revision.', ar: 'لا توجد مراجعة كهذه لهذا المقال.' });
    const current = (await this.revisions.listRevisions(nid))[0];
    const content = { title: chosen.title, bodyHtml: chosen.bodyHtml.html, summary: chosen.summary, credit: chosen.credit, photo: chosen.photo, revisedAt: this.now() };
    const revision = { nid, contentHash: revisionFixity(content), sourceVid: null, ...content, log: restoreLog(contentHash), revisedBy: reader.uid };
    const opening = leadAndTeaser(content.bodyHtml);
    await this.revisions.restoreRevision(writable, { revision, teaser: content.summary ?? opening.teaser, leadHtml: opening.leadHtml });
    await this.audit.record({
      actor: { uid: reader.uid, name: reader.name }, action: 'article.revert', subject: { type: 'node', id: String(nid) }, edition: edition.code,
      before: current?.contentHash ?? null, after: revision.contentHash, note: content.title,
    });
    // Only published nodes are indexed (the index skips the rest), so a draft's restore leaves search alone.
    await this.indexer?.indexNodes([nid]);
    this.changed(edition.code);
    return { contentHash: revision.contentHash, restoredFrom: contentHash };
  }

  /**
   * A node of this edition whose history the reader may see: staff who write see their own
   * articles and every published one (whose versions readers can see too, as Mementos); editors see all.
   */
  private async readable(reader: RevisionReader, edition: Edition, nid: number): Promise<RevisedNode> {
    if (!can(reader.role, 'write drafts')) throw new Forbidden();
    const node = await this.revisions.findRevisedNode(nid);
    if (!node || node.edition !== edition.code) throw new NotFound();
    if (can(reader.role, 'edit any article') || node.ownerUid === reader.uid || node.status === NODE_STATUS.PUBLISHED) return node;
    throw new Forbidden();
  }

  private restorable(reader: RevisionReader, edition: Edition, node: RevisedNode): boolean {
    return edition.mode !== 'archive' && node.trashedAt === null && isArticleEditableBy(reader, ownershipOf(node));
  }
}
