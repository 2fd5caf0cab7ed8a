import type { CommentPolicy } from './edition.ts';
import type { PhotoRendition } from './media.ts';
import type { SafeHtml } from './safe-html.ts';

/**
 * The kinds of content item the original site had. `generic` is an imported item of a type Folio
 * has no kind for (a forum topic, a poll, a site's own type): shown as a plain page with its title,
 * body, date and comments, so its old URLs keep answering (issue 11).
 */
export type NodeKind = 'article' | 'blog_post' | 'page' | 'landing' | 'newsletter' | 'corrections' | 'generic';

/** Taxonomy vocabularies: sections form a two-level tree, tags are free. */
export type Vocabulary = 'section' | 'tag';

/** A lead photo with its caption and credit. */
export interface Photo {
  readonly src: string;
  readonly caption: string | null;
  readonly credit: string | null;
  /** When the photo is in the media library: its derivatives, real size and alt text (domain/media.ts). */
  readonly rendition?: PhotoRendition | null;
}

/** A byline name with its listing path. */
export interface AuthorRef {
  readonly aid: number;
  readonly name: string;
  readonly slug: string;
}

/** A taxonomy term as linked from pages. */
export interface TermRef {
  readonly tid: number;
  readonly vocabulary: Vocabulary;
  readonly name: string;
  /** Canonical path without leading slash, e.g. "tags/islamic-state"; null when only /taxonomy/term/<tid> reaches it. */
  readonly path: string | null;
  readonly parentTid: number | null;
}

/** A blog (one blogger's column). */
export interface Blog {
  readonly bid: number;
  readonly uid: number;
  readonly edition: string;
  readonly title: string;
  readonly slug: string;
  readonly ownerName: string;
}

/** What listings show of a node. */
export interface NodeSummary {
  readonly nid: number;
  readonly edition: string;
  readonly kind: NodeKind;
  readonly title: string;
  /** Canonical alias without leading slash, or null for /node/<nid>-only items. */
  readonly path: string | null;
  /** Editor's summary or the body cut near 150 characters, as plain text. */
  readonly teaser: string;
  /** The body's first paragraph, as HTML produced by Folio (stored filtered, so SafeHtml). */
  readonly leadHtml: SafeHtml;
  readonly publishedAt: number;
  readonly showDate: boolean;
  readonly authors: readonly AuthorRef[];
  readonly commentCount: number;
  readonly photo: Photo | null;
  readonly blog: Blog | null;
}

/** What a link to a node needs: its id, its path and its title. */
export type NodeLink = Pick<NodeSummary, 'nid' | 'path' | 'title'>;

/** A whole node as its page shows it. */
export interface NodeDetail extends NodeSummary {
  readonly bodyHtml: SafeHtml;
  readonly summary: string | null;
  readonly credit: string | null;
  readonly updatedAt: number;
  readonly section: TermRef | null;
  readonly terms: readonly TermRef[];
  readonly commentPolicy: CommentPolicy | null;
  readonly promoted: boolean;
}

/** Another edition's version of a node: a member of the same translation set. */
export interface TranslationRef {
  readonly nid: number;
  readonly edition: string;
  /** Canonical alias without leading slash, or null for /node/<nid>-only items. */
  readonly path: string | null;
}

/** A published comment as pages show it; the e-mail never leaves the store on this type. */
export interface PublicComment {
  readonly cid: number;
  readonly nid: number;
  readonly pid: number | null;
  readonly thread: string;
  readonly name: string;
  readonly homepage: string | null;
  readonly subject: string;
  /** The filter's output, stored when the comment was posted (or imported). */
  readonly bodyHtml: SafeHtml;
  readonly createdAt: number;
  readonly verified: boolean;
}

/**
 * The kinds of corrections entry that change what an article says, and so belong on its page and
 * in its history; a letter is published on its own.
 */
export const ARTICLE_CORRECTION_KINDS = ['correction', 'update'] as const;

/** A correction, update or letter to store: its body is HTML Folio made or imported as filtered. */
export interface CorrectionInput {
  readonly nid: number | null;
  readonly kind: 'correction' | 'update' | 'letter';
  readonly title: string;
  readonly bodyHtml: string;
  readonly publishedAt: number;
}

/** An entry on the Editor's Corner page, as the store returns it. */
export interface CorrectionEntry extends Omit<CorrectionInput, 'bodyHtml'> {
  readonly id: number;
  readonly bodyHtml: SafeHtml;
}
