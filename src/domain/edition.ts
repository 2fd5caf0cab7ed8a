import type { Lang } from './errors.ts';

/** An edition is either a frozen archive or a live edition that takes new content. */
export type EditionMode = 'archive' | 'live';

/**
 * What comment policy applies when an article does not set its own. `hidden` is an item's own
 * setting only (Drupal's comment setting 0): its comments are neither shown nor taken.
 */
export type CommentPolicy = 'open' | 'moderated' | 'closed' | 'hidden';

/** True when the policy takes no new comments (Drupal's settings 1, read only, and 0, hidden). */
export function refusesComments(policy: CommentPolicy): boolean {
  return policy === 'closed' || policy === 'hidden';
}

/** Which digits an edition prints in its visible text: ٠١٢٣ (Arabic-Indic) or 0123 (Western). */
export type Digits = 'arabic-indic' | 'western';

/** The archival notice printed after the title on every page of an archive edition. */
export interface ArchiveNotice {
  readonly text: string;
  readonly linkText: string;
  readonly linkUrl: string;
  readonly signature: string;
}

/** One edition of the newspaper, as validated configuration. */
export interface Edition {
  readonly code: string;
  readonly lang: Lang;
  readonly mode: EditionMode;
  readonly siteName: string;
  readonly tagline: string;
  /** '' for the edition served at the root of the host, '/ar' style otherwise. */
  readonly pathPrefix: string;
  /** Host names that serve this edition at their root (e.g. "english.example.com"). */
  readonly hosts: readonly string[];
  readonly timeZone: string;
  readonly notice: ArchiveNotice | null;
  readonly commentPolicy: CommentPolicy;
  /** Digits of every number the edition's pages show; machine-readable values stay Western. */
  readonly digits: Digits;
}

/** True when the edition's content is frozen. */
export function isArchive(edition: Edition): boolean {
  return edition.mode === 'archive';
}
