import type { ImportedPhoto } from '../../../domain/import-record.ts';
import type { FileRow } from './drupal-rows.ts';

/** Drupal's default public files directory, where both versions' stored paths point. */
const PUBLIC_FILES = '/sites/default/files/';

/** A stored file location as a site path: D7 "public://a/b.jpg" and D6 "sites/default/files/a/b.jpg" → "/sites/default/files/a/b.jpg". */
export function sitePath(location: string): string {
  if (location.startsWith('public://')) return PUBLIC_FILES + location.slice('public://'.length).replace(/^\/+/, '');
  return `/${location.replace(/^\/+/, '')}`;
}

// Captions carry the photo credit at their end: "(Photo: AFP - Name)" until mid-2013, then "AFP/Name"
// (docs/original-site.md, article page item 3). Only the bracketed style is unambiguous enough to split.
const PHOTO_CREDIT = /\s*(\(Photo:[^()]*\))\s*$/i;

/**
 * The lead photo among a revision's files: the first listed image, its caption split from a
 * trailing "(Photo: …)" credit. An unlisted upload stays an attachment (its file is still copied).
 */
export function leadPhoto(files: readonly FileRow[]): ImportedPhoto | null {
  const image = files.find((f) => f.mime.startsWith('image/') && f.listed !== false);
  if (!image) return null;
  const match = PHOTO_CREDIT.exec(image.caption);
  const caption = (match ? image.caption.slice(0, match.index) : image.caption).trim();
  return { src: sitePath(image.location), caption: caption === '' ? null : caption, credit: match?.[1] ?? null };
}
