import type { Selectable } from 'kysely';
import type { AuthorRef, Blog, CorrectionEntry, NodeKind, NodeSummary, Photo, PublicComment, TermRef, Vocabulary } from '../../domain/content.ts';
import { trustedHtml, type SafeHtml } from '../../domain/safe-html.ts';
import type { BlogsTable, CommentsTable, NodeRevisionsTable, NodesTable, TermsTable } from '../schema.ts';
import type { RevisionWrite, StoredRevisionContent } from '../types.ts';

/**
 * A stored HTML column (a body, a lead, a comment's HTML, a correction) as SafeHtml. What is
 * stored there went through the comment filter, Folio's own templates or the importer's filter
 * on the way in, so the type that said so is restored on the way out: views never have to call
 * trustedHtml themselves. This and the filter are the only places that mark HTML safe.
 */
export function storedHtml(html: string): SafeHtml {
  return trustedHtml(html);
}

/** Columns every summary needs; listings select only these. */
export const SUMMARY_COLUMNS = [
  'nodes.nid', 'nodes.edition', 'nodes.kind', 'nodes.title', 'nodes.path', 'nodes.teaser', 'nodes.lead_html',
  'nodes.published_at', 'nodes.show_date', 'nodes.comment_count', 'nodes.photo_src', 'nodes.photo_caption',
  'nodes.photo_credit', 'nodes.blog_id',
] as const;

/** The subset of a node row a summary is built from. */
export type SummaryRow = Pick<Selectable<NodesTable>,
  'nid' | 'edition' | 'kind' | 'title' | 'path' | 'teaser' | 'lead_html' | 'published_at' | 'show_date'
  | 'comment_count' | 'photo_src' | 'photo_caption' | 'photo_credit' | 'blog_id'>;

/** Builds a NodeSummary from its row and the batch-loaded authors and blogs. */
export function toSummary(row: SummaryRow, authors: readonly AuthorRef[], blog: Blog | null): NodeSummary {
  return {
    nid: row.nid,
    edition: row.edition,
    kind: row.kind as NodeKind,
    title: row.title,
    path: row.path,
    teaser: row.teaser,
    leadHtml: storedHtml(row.lead_html),
    publishedAt: Number(row.published_at),
    showDate: row.show_date === 1,
    authors,
    commentCount: row.comment_count,
    // A caption without an image (a text dump keeps no image address) is still the lead photo's caption.
    photo: row.photo_src || row.photo_caption || row.photo_credit ? photoOf(row) : null,
    blog,
  };
}

/** Maps a term row. */
export function toTerm(row: Selectable<TermsTable>): TermRef {
  return { tid: row.tid, vocabulary: row.vocabulary as Vocabulary, name: row.name, path: row.path, parentTid: row.parent_tid };
}

/** Maps a blog row. */
export function toBlog(row: Selectable<BlogsTable>): Blog {
  return { bid: row.bid, uid: row.uid, edition: row.edition, title: row.title, slug: row.slug, ownerName: row.owner_name };
}

/** The comment columns that may be shown publicly: never email or hostname. */
export const PUBLIC_COMMENT_COLUMNS = ['cid', 'nid', 'pid', 'thread', 'name', 'homepage', 'subject', 'body_html', 'created_at', 'uid'] as const;

/** Maps a public comment row. */
export function toPublicComment(row: Pick<Selectable<CommentsTable>, typeof PUBLIC_COMMENT_COLUMNS[number]>): PublicComment {
  return {
    cid: row.cid,
    nid: row.nid,
    pid: row.pid,
    thread: row.thread,
    name: row.name,
    homepage: row.homepage,
    subject: row.subject,
    bodyHtml: storedHtml(row.body_html),
    createdAt: Number(row.created_at),
    verified: row.uid !== null && row.uid > 0,
  };
}

/** Maps a corrections row (an entry of the Editor's Corner page). */
export function toCorrection(r: { id: number; nid: number | null; kind: string; title: string; body_html: string; published_at: number | string }): CorrectionEntry {
  return { id: Number(r.id), nid: r.nid === null ? null : Number(r.nid), kind: r.kind as CorrectionEntry['kind'], title: r.title, bodyHtml: storedHtml(r.body_html), publishedAt: Number(r.published_at) };
}

/** The lead photo columns of a node or revision row, as a photo (or none). */
export function photoOf(row: { photo_src: string | null; photo_caption: string | null; photo_credit: string | null }): Photo | null {
  return row.photo_src === null ? null : { src: row.photo_src, caption: row.photo_caption, credit: row.photo_credit };
}

/** A node_revisions row as the importer, Memento and corrections use it. */
export function toRevision(r: Selectable<NodeRevisionsTable>): RevisionWrite {
  return {
    nid: Number(r.nid), contentHash: r.content_hash, sourceVid: r.source_vid === null ? null : Number(r.source_vid), title: r.title,
    bodyHtml: r.body_html, summary: r.summary, credit: r.credit, photo: photoOf(r), revisedAt: Number(r.revised_at), log: r.log,
  };
}

/** A node_revisions row as a Memento shows it: the body as SafeHtml. */
export function toRevisionContent(r: Selectable<NodeRevisionsTable>): StoredRevisionContent {
  return { ...toRevision(r), revisedBy: r.revised_by === null ? null : Number(r.revised_by), bodyHtml: storedHtml(r.body_html) };
}

/** What an article's text and lead photo are, as every writer of node rows holds them. */
export interface NodeTextFields {
  readonly title: string;
  readonly summary: string | null;
  readonly teaser: string;
  readonly leadHtml: string;
  readonly bodyHtml: string;
  readonly credit: string | null;
  readonly photo?: Photo | null;
}

/**
 * The nodes columns of an article's text and lead photo. The content writer, the importer, the
 * newsroom's desk and a revision's restore all set them; one mapping means a column added to the
 * text (like the photo's) is written the same way by all four.
 */
export function nodeTextColumns(n: NodeTextFields) {
  return {
    title: n.title, summary: n.summary, teaser: n.teaser, lead_html: n.leadHtml, body_html: n.bodyHtml, credit: n.credit,
    photo_src: n.photo?.src ?? null, photo_caption: n.photo?.caption ?? null, photo_credit: n.photo?.credit ?? null,
  };
}

/** What a node is listed by, as the content writer and the importer hold it. */
export interface NodeListingFields {
  readonly nid: number;
  readonly kind: string;
  readonly path: string | null;
  readonly publishedAt: number;
  readonly updatedAt: number;
  readonly showDate: boolean;
  readonly promoted: boolean;
  readonly sectionTid: number | null;
  readonly blogId: number | null;
  readonly commentPolicy: string | null;
}

/** A whole new nodes row: its text, how it is listed, and its status (which each writer decides). */
export function newNodeRow(edition: string, n: NodeListingFields & NodeTextFields, status: number) {
  return {
    nid: n.nid, edition, kind: n.kind, path: n.path, ...nodeTextColumns(n), published_at: n.publishedAt, updated_at: n.updatedAt,
    show_date: n.showDate ? 1 : 0, status, promoted: n.promoted ? 1 : 0, section_tid: n.sectionTid, blog_id: n.blogId,
    comment_policy: n.commentPolicy, comment_count: 0,
  };
}
