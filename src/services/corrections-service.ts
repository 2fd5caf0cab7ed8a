import type { ARTICLE_CORRECTION_KINDS, CorrectionEntry, NodeDetail } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import { requireWritable, sanctionedWriter, type WritableEdition } from '../domain/edition-guard.ts';
import { Forbidden, Invalid, NotFound } from '../domain/errors.ts';
import { can } from '../domain/permissions.ts';
import { revisionFixity, type RevisionContent } from '../domain/revision-fixity.ts';
import { checkPlain } from '../filter/check-plain.ts';
import { formatDateLine } from '../text/dates.ts';
import { t } from '../text/messages.ts';
import type { ArticleCorrection, ContentReader, RevisionQueries, RevisionWrite, UserStore } from '../store/types.ts';

export type { ArticleCorrection };

/** What an editor may record on an article. Letters belong to the Editor's Corner, not to the article. */
export type CorrectionKind = (typeof ARTICLE_CORRECTION_KINDS)[number];

/** A long note belongs in the article itself; a correction states what was wrong in a few sentences. */
const MAX_TEXT_CHARS = 2000;

/** Entries on the corrections page and in its feed. */
export const CORRECTIONS_LISTED = 50;

/** A correction or update to record. */
export interface CorrectionRequest {
  readonly edition: Edition;
  readonly nid: number;
  readonly kind: string;
  readonly text: string;
  /** Epoch seconds; now when not given. */
  readonly at?: number;
  /** The signed-in admin recording it: required in an archive, optional in a live edition. */
  readonly admin?: string;
}

/** What was recorded. */
export interface RecordedCorrection {
  readonly id: number;
  readonly node: NodeDetail;
  readonly at: number;
  /** Revisions written: the new one, plus the article as it stood when it had none yet. */
  readonly revisions: number;
}

function isKind(kind: string): kind is CorrectionKind {
  return kind === 'correction' || kind === 'update';
}

/** The note as the article shows it, kept in the revision so the recorded history carries it. */
function noteHtml(edition: Edition, e: Pick<CorrectionEntry, 'kind' | 'publishedAt'> & { readonly bodyHtml: string }): string {
  const label = `${t(edition.lang, e.kind)} – ${checkPlain(formatDateLine(e.publishedAt, edition.lang, edition.timeZone, edition.digits))}`;
  return `<aside class="correction-note correction-${e.kind}"><p><strong>${label}</strong></p>${e.bodyHtml}</aside>`;
}

function revisionOf(nid: number, content: RevisionContent, log: string | null): RevisionWrite {
  // A revision made here has no source to hash: its fixity value is its identity, as for publishing.
  return { nid, contentHash: revisionFixity(content), sourceVid: null, ...content, log };
}

/**
 * Corrections and updates as first-class records: each is listed on the corrections page, shown
 * with its article, and recorded as a new revision of the article (its Mementos show the change).
 */
export class CorrectionsService {
  constructor(
    private readonly content: ContentReader,
    private readonly revisions: RevisionQueries,
    private readonly users: UserStore,
    private readonly changed: (edition: string) => void,
    private readonly clock: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** Records a correction or update on a published node of the edition. */
  async add(request: CorrectionRequest): Promise<RecordedCorrection> {
    const { edition, nid } = request;
    const text = request.text.trim();
    if (!isKind(request.kind)) throw new Invalid(`the kind must be correction or update, not "${request.kind}"`, 'kind');
    if (text === '') throw new Invalid('the correction text is empty', 'text');
    if (text.length > MAX_TEXT_CHARS) throw new Invalid(`the correction text is longer than ${MAX_TEXT_CHARS} characters`, 'text');
    const writable = await this.writableFor(edition, request.admin);
    const node = await this.content.findNode(edition.code, nid);
    if (!node) throw new NotFound(`no published node ${nid} in the "${edition.code}" edition`);
    const at = request.at ?? this.clock();
    const kind = request.kind;
    const entry = { nid, kind, publishedAt: at, bodyHtml: `<p>${checkPlain(text)}</p>`, title: t(edition.lang, kind === 'correction' ? 'correctionHeading' : 'updateHeading', { title: node.title }) };

    const stored = await this.revisions.revisionsOf(nid);
    const earlier = (await this.revisions.correctionsOf(edition.code, [nid])).get(nid) ?? [];
    const base = { title: node.title, summary: node.summary, credit: node.credit, photo: node.photo };
    const written: RevisionWrite[] = [];
    // An article stored before revisions were kept gets its current text as a revision first, so its history starts there.
    if (stored.length === 0) written.push(revisionOf(nid, { ...base, bodyHtml: node.bodyHtml.html, revisedAt: Math.max(node.updatedAt, node.publishedAt) }, null));
    const notes = [...earlier.map((e) => ({ ...e, bodyHtml: e.bodyHtml.html })), entry].map((e) => noteHtml(edition, e)).join('\n');
    written.push(revisionOf(nid, { ...base, bodyHtml: `${node.bodyHtml.html}\n${notes}`, revisedAt: at }, `${kind}${request.admin ? ` by ${request.admin}` : ''}: ${text}`));

    const id = await this.revisions.recordCorrection(writable, entry, written);
    this.changed(edition.code);
    return { id, node, at, revisions: written.length };
  }

  /** The newest corrections and updates of an edition, with their articles. */
  list(edition: Edition): Promise<ArticleCorrection[]> {
    return this.revisions.listArticleCorrections(edition.code, CORRECTIONS_LISTED);
  }

  /**
   * A live edition takes corrections from its editors. An archive takes only an admin's
   * correction record: the one sanctioned change, so the guard is passed only after the admin
   * is known; without one the archive refuses as it refuses every other write.
   */
  private async writableFor(edition: Edition, admin: string | undefined): Promise<WritableEdition> {
    if (admin === undefined) return requireWritable(edition);
    const user = await this.users.findUserByName(admin);
    if (!user) throw new Invalid(`no user named "${admin}"`, 'admin');
    if (!can(user.role, 'record corrections')) throw new Forbidden(`"${admin}" is not an admin: only admins may record corrections in the archive`);
    return edition.mode === 'archive' ? sanctionedWriter(edition, 'correction') : requireWritable(edition);
  }
}
