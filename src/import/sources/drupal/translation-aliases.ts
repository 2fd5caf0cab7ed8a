import type { ImportedRedirect } from '../../../domain/import-record.ts';
import type { AliasRow, DrupalVersion } from './drupal-rows.ts';
import { aliasPath } from './alias-paths.ts';

/**
 * The aliases a node imported here has in another edition's language (Drupal 7 Entity Translation:
 * "content/et-story-ar" in Arabic for an English node), as redirects from this edition's root to
 * that edition's copy. On the old site the alias was the translation's address: under /ar/ with
 * path-prefix language negotiation, and at the root itself on sites that negotiated by session,
 * browser or domain, or for a reader who typed it there. Folio serves the translation in the other
 * edition, so the root alias answers 301 there rather than 404. An alias this edition also has (a
 * translation sharing its original's alias) stays this edition's page.
 */
export function translationAliasRedirects(
  aliases: readonly AliasRow[],
  editionOf: (language: string | undefined) => string | undefined,
  prefixOf: (edition: string) => string,
  importedHere: (source: string) => boolean,
  version: DrupalVersion,
): ImportedRedirect[] {
  const own = new Set(aliases.filter((a) => editionOf(a.language) === undefined).map((a) => aliasPath(a.alias).toLowerCase()));
  const out: ImportedRedirect[] = [];
  for (const a of aliases) {
    const edition = editionOf(a.language);
    const path = aliasPath(a.alias);
    if (edition === undefined || path === '' || own.has(path.toLowerCase()) || !importedHere(a.source)) continue;
    own.add(path.toLowerCase());
    out.push({
      type: 'redirect', from: path, to: `${prefixOf(edition).replace(/^\/+|\/+$/g, '')}/${path}`, fixedRoute: true,
      provenance: { source: 'drupal', originalUrl: `drupal${version}:${a.source}`, capturedAt: null },
    });
  }
  return out;
}
