/**
 * What every import source produces: one normalised stream of records, whatever the input was
 * (a Drupal database, crawled pages, text dumps, Folio's own JSON export). Sources only read and
 * normalise; the importer decides ids, merges captures into revisions and writes through services.
 *
 * Identity: `key` is stable across runs and across sources, so a WARC capture and a database row of
 * the same node meet. When the original id is known use "node/<nid>", "term/<tid>", "comment/<cid>",
 * "blog/<uid>"; otherwise the canonical old path, e.g. "path/content/some-slug", "path/tags/x".
 * Authors are keyed by "author/<slug>".
 */
import type { NodeKind, Vocabulary } from './content.ts';
import type { CommentPolicy } from './edition.ts';

/** The input formats `folio import` reads. */
export type ImportSourceName = 'drupal' | 'warc' | 'html' | 'text' | 'folio';

/** The text formats of imported markup (Drupal's machine names). */
export type ImportTextFormat = 'filtered_html' | 'full_html' | 'plain_text';

/** Where an item came from. */
export interface ImportProvenance {
  readonly source: ImportSourceName;
  /** The original URL of a capture, or a database reference such as "drupal7:node/8674". */
  readonly originalUrl: string | null;
  /** Capture time (WARC-Date, file time) or the database's changed time, in Unix seconds. */
  readonly capturedAt: number | null;
}

/** A taxonomy term: a section (two-level tree) or a free tag. */
export interface ImportedTerm {
  readonly type: 'term';
  readonly key: string;
  readonly tid: number | null;
  readonly vocabulary: Vocabulary;
  readonly name: string;
  /** Canonical path without leading slash ("tags/islamic-state"); null when only /taxonomy/term/<tid> reached it. */
  readonly path: string | null;
  /** Older aliases that must keep redirecting. */
  readonly legacyPaths: readonly string[];
  readonly parentKey: string | null;
  /** Further parents (Drupal's term_hierarchy allows several): the term's items are listed under each. */
  readonly otherParentKeys?: readonly string[];
  readonly weight: number;
  readonly provenance: ImportProvenance;
}

/** A byline name. */
export interface ImportedAuthor {
  readonly type: 'author';
  readonly key: string;
  readonly name: string;
  /** "lea-al-qazzi" as in /author/lea-al-qazzi; derived from the name when null. */
  readonly slug: string | null;
  readonly provenance: ImportProvenance;
}

/** One blogger's blog. */
export interface ImportedBlog {
  readonly type: 'blog';
  readonly key: string;
  /** The Drupal user id: /blog/<uid>. */
  readonly uid: number;
  readonly title: string;
  /** "blogs/<slug>" alias's slug. */
  readonly slug: string;
  readonly ownerName: string;
  readonly provenance: ImportProvenance;
}

/** A lead photo. */
export interface ImportedPhoto {
  readonly src: string;
  readonly caption: string | null;
  readonly credit: string | null;
}

/** One version of a node's content. */
export interface ImportedRevision {
  /** The source's revision id (Drupal vid), when it has one. */
  readonly vid: number | null;
  readonly title: string;
  /** The body as stored or as displayed: markup in `bodyFormat`. */
  readonly body: string;
  readonly bodyFormat: ImportTextFormat;
  /** The editor's summary (Drupal teaser) when it is not just the body's start. */
  readonly summary: string | null;
  /** The credit line without brackets' surrounding whitespace: "(Reuters, Al-Akhbar)". */
  readonly credit: string | null;
  readonly photo: ImportedPhoto | null;
  /** When this revision was made (Drupal revision timestamp, capture time), Unix seconds. */
  readonly revisedAt: number;
  /** A revision log message, if any. */
  readonly log: string | null;
}

/** A content item with its revisions and every path it answered at. */
export interface ImportedNode {
  readonly type: 'node';
  readonly key: string;
  /** The original node id: kept so /node/<nid> keeps resolving. */
  readonly nid: number | null;
  readonly kind: NodeKind;
  /** Canonical alias without leading slash ("content/slug", "blogs/b/post"); null when only /node/<nid> reached it. */
  readonly path: string | null;
  /** Every other path it answered at (old aliases, /content/x?page=… without query); /node/<nid> is implied. */
  readonly legacyPaths: readonly string[];
  /** False for unpublished or deliberately removed items: their paths answer 410. */
  readonly published: boolean;
  readonly promoted: boolean;
  /** Publication time (Drupal created), Unix seconds. */
  readonly publishedAt: number;
  /** False for items whose pages showed no date line. */
  readonly showDate: boolean;
  /** The section term's key (the most specific one). */
  readonly sectionKey: string | null;
  /** Tag keys (sections are implied by sectionKey and its parents). */
  readonly tagKeys: readonly string[];
  /** Byline names in order, as printed ("Lea al-Qazzi"). */
  readonly authors: readonly string[];
  readonly blogKey: string | null;
  readonly commentPolicy: CommentPolicy | null;
  /** Oldest first; the last is the current version. Never empty. */
  readonly revisions: readonly ImportedRevision[];
  /** Files the item referenced (images, attachments), as site paths ("/sites/default/files/x.jpg"). */
  readonly files: readonly string[];
  /** Drupal's tnid: the nid of the translation set's source node; null or absent when not translated. */
  readonly translationSet?: number | null;
  /** The source's own content type ("forum", "poll", "event") of a `generic` item; absent otherwise. */
  readonly sourceType?: string | null;
  /** For a landing page: the keys of the items it lists, in order. */
  readonly landingItems?: readonly string[];
  /** What the source knows it lost or guessed for this item ("its original URL is unknown"); the report lists each. */
  readonly notes?: readonly string[];
  /** The comment count an old listing showed for an item whose page was never captured (its comments were not). */
  readonly listedComments?: number;
  readonly provenance: ImportProvenance;
}

/** A correction, update or letter (the Editor's Corner), on an item or on its own. */
export interface ImportedCorrection {
  readonly type: 'correction';
  readonly key: string;
  /** The original record's id, kept so the order of the Editor's Corner survives. */
  readonly id: number | null;
  readonly nodeKey: string | null;
  readonly kind: 'correction' | 'update' | 'letter';
  readonly title: string;
  /** HTML, rendered through Full HTML on the way in. */
  readonly bodyHtml: string;
  readonly publishedAt: number;
  readonly provenance: ImportProvenance;
}

/** A user who signs in (moderators, editors, admins). */
export interface ImportedUser {
  readonly type: 'user';
  readonly name: string;
  /** Private. */
  readonly email: string | null;
  readonly role: string;
  /** Present only in exports made with --include-secrets; without it the user must be given a new password. */
  readonly passwordHash: string | null;
  readonly createdAt: number;
}

/** A comment, threaded under its node and parent. */
export interface ImportedComment {
  readonly type: 'comment';
  readonly key: string;
  readonly cid: number | null;
  readonly nodeKey: string;
  readonly parentKey: string | null;
  /** Drupal's thread vancode ("01.03/") when the source has it; the importer derives it otherwise. */
  readonly thread: string | null;
  /** Normalised: true is published, whatever the source's encoding (Drupal 6 used 0 for published). */
  readonly published: boolean;
  /** An unpublished comment a moderator marked as spam (Folio's own exports carry this). */
  readonly spam?: boolean;
  readonly name: string;
  /** Private: never shown, exported only as a private field. */
  readonly email: string | null;
  readonly homepage: string | null;
  readonly hostname: string | null;
  /** The account of a registered commenter (its id on the source site): shown without "(not verified)". Absent for anonymous ones. */
  readonly accountId?: number | null;
  readonly subject: string;
  readonly body: string;
  readonly format: ImportTextFormat;
  readonly createdAt: number;
  readonly changedAt: number;
  readonly provenance: ImportProvenance;
}

/** A path the old site answered that now points at a removed item: answers 410. */
export interface ImportedGone {
  readonly type: 'gone';
  readonly path: string;
  readonly reason: string;
  readonly provenance: ImportProvenance;
}

/** A path the old site answered with a redirect to another of its paths: it must keep redirecting. */
export interface ImportedRedirect {
  readonly type: 'redirect';
  /** Without leading slash: "node/8674", "content/old-title". */
  readonly from: string;
  readonly to: string;
  /** True when `to` is a page at a fixed route ("node", "rss.xml", "archive/2013"), not an item's path. */
  readonly fixedRoute?: boolean;
  readonly provenance: ImportProvenance;
}

/**
 * A URL the source captured with a query string ("tags/x?page=2", "content/a?page=1"): the report
 * gives its own fate, and a listing page past what the import holds leads to the listing's last page.
 */
export interface ImportedSourceUrl {
  readonly type: 'source-url';
  /** The decoded site path, then the query as captured: "tags/x?page=2". */
  readonly url: string;
  readonly provenance: ImportProvenance;
}

/** An input item the source could not read; the importer counts it and reports the reason. */
export interface ImportSkip {
  readonly type: 'skip';
  /** What was skipped: a URL, a file name, "node/123". */
  readonly ref: string;
  readonly reason: string;
}

export type ImportRecord = ImportedTerm | ImportedAuthor | ImportedBlog | ImportedNode | ImportedComment | ImportedGone | ImportedRedirect | ImportedUser | ImportedCorrection | ImportedSourceUrl | ImportSkip;

/**
 * A source adapter: reads its input and yields records. Terms, authors and blogs come before the
 * nodes that use them when the source can order them (a database can; a crawl may not, and the
 * importer then creates referenced terms from the node's own links). Comments come after their node.
 */
export type ImportSource = AsyncIterable<ImportRecord>;
