import type { AliasRow } from './drupal-rows.ts';

/** One source's paths: the canonical alias and the older ones that must keep redirecting. */
export interface SourcePaths {
  readonly path: string | null;
  readonly legacyPaths: readonly string[];
}

const NO_ALIAS: SourcePaths = { path: null, legacyPaths: [] };

/**
 * Groups url_alias rows by source. Drupal's path lookup picks the highest pid for a source, so
 * that is the canonical path; the others are older aliases (pathauto's "create a new alias, keep
 * the old one" setting) and are kept newest first.
 */
export function groupAliases(rows: readonly AliasRow[]): Map<string, SourcePaths> {
  const bySource = new Map<string, AliasRow[]>();
  for (const row of rows) {
    const list = bySource.get(row.source) ?? [];
    list.push(row);
    bySource.set(row.source, list);
  }
  const out = new Map<string, SourcePaths>();
  for (const [source, list] of bySource) {
    const paths = [...new Set(list.sort((a, b) => Number(b.pid) - Number(a.pid)).map((r) => aliasPath(r.alias)))].filter((p) => p !== '');
    out.set(source, { path: paths[0] ?? null, legacyPaths: paths.slice(1) });
  }
  return out;
}

/** The paths of one source, or none. */
export function pathsOf(grouped: ReadonlyMap<string, SourcePaths>, source: string): SourcePaths {
  return grouped.get(source) ?? NO_ALIAS;
}

/** An alias as Folio stores paths: no leading or trailing slash. */
export function aliasPath(alias: string): string {
  return String(alias).trim().replace(/^\/+|\/+$/g, '');
}
