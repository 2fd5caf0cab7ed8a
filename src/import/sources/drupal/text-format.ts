import type { ImportTextFormat } from '../../../domain/import-record.ts';

/**
 * Unknown, missing or site-specific formats (a deleted format id, "php_code", a custom "Editor
 * HTML") fall back to filtered_html: the text is kept and still goes through the HTML filter,
 * where trusting it as full_html could let stored markup through unfiltered.
 */
export const FALLBACK_FORMAT: ImportTextFormat = 'filtered_html';

const KNOWN: ReadonlyMap<string, ImportTextFormat> = new Map([
  ['filtered_html', 'filtered_html'],
  ['full_html', 'full_html'],
  ['plain_text', 'plain_text'],
]);

/** Drupal 6 format names ("Filtered HTML") and Drupal 7 machine names ("filtered_html") → Folio's format, or null if unknown. */
export function knownTextFormat(name: string | null): ImportTextFormat | null {
  if (name === null) return null;
  return KNOWN.get(name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_')) ?? null;
}

/** Like knownTextFormat, with the fallback applied. */
export function importTextFormat(name: string | null): ImportTextFormat {
  return knownTextFormat(name) ?? FALLBACK_FORMAT;
}
