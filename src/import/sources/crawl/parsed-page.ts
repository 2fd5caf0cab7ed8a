import type { NodeKind } from '../../../domain/content.ts';
import type { ImportedPhoto } from '../../../domain/import-record.ts';
import type { MinedListing } from './mined-listing.ts';

/** What one crawled page says, before it becomes import records. */
export type ParsedPage = ParsedNodePage | ParsedListingPage | { readonly kind: 'other'; readonly reason: string };

/** A link to a term or author listing, as shown on a page. */
export interface ShownLink {
  readonly name: string;
  /** Site path: "tags/x", "section/politics/palestine", "author/x", "taxonomy/term/12". */
  readonly path: string;
}

export interface ParsedComment {
  readonly cid: number | null;
  /** Index of the parent in the page's comment list; null for a top-level comment. */
  readonly parentIndex: number | null;
  readonly name: string;
  readonly homepage: string | null;
  readonly createdAt: number | null;
  readonly subject: string;
  /** Displayed markup, which Filtered HTML maps to itself. */
  readonly body: string;
}

export interface ParsedNodePage {
  readonly kind: 'node';
  readonly nodeKind: NodeKind;
  /** Every node id the page gives away (shortlink, body class, form action, edit links). */
  readonly nid: number | null;
  /** rel=canonical or og:url, as a site path. */
  readonly canonicalPath: string | null;
  readonly title: string;
  readonly photo: ImportedPhoto | null;
  /** Byline names in order, with their listing paths when linked. */
  readonly authors: readonly ShownLink[];
  /** Null when the page shows no date line. */
  readonly publishedAt: number | null;
  readonly body: string;
  readonly credit: string | null;
  readonly tags: readonly ShownLink[];
  /** Parent first. */
  readonly sections: readonly ShownLink[];
  readonly comments: readonly ParsedComment[];
  readonly blog: { readonly name: string; readonly path: string | null; readonly uid: number | null } | null;
  readonly hasCommentForm: boolean;
  readonly promoted: boolean;
}

export interface ParsedListingPage {
  readonly kind: 'listing';
  /** Null for listings that are no term or author: the front page, /node, /blog and blogs. */
  readonly vocabulary: 'tag' | 'section' | 'author' | null;
  readonly name: string;
  readonly path: string;
  readonly tid: number | null;
  /** Its teasers and whose listing it is, for the memberships and teaser-only items. */
  readonly mined: MinedListing;
}
