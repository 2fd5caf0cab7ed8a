import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { siteFilePath, type FileStore } from '../services/file-store.ts';

/** What became of one referenced file. */
export interface FileCopyResult {
  /** Its site path, decoded, without leading slash: "sites/default/files/a b.jpg". */
  readonly path: string;
  /** `copied` (or, in a dry run, would be), `unchanged` (Folio has these bytes already), `missing` from the copy of the files folder. */
  readonly outcome: 'copied' | 'unchanged' | 'missing';
}

/**
 * Copies the file a page referenced (a URL or a site path: "/sites/default/files/x.jpg",
 * "http://old.site/files/a%20b.pdf?itok=1") into Folio's files; null when the reference is not
 * one of the old site's files. Any import source can call it: the Drupal importer for its file
 * tables, a crawl for the images its pages showed.
 */
export type FileCopier = (ref: string) => Promise<FileCopyResult | null>;

/** "sites/default/files/x" or "files/x" → "x": where a file sits inside the old files folder. */
const IN_FILES_FOLDER = /^(?:sites\/[^/]+\/)?files\/(.+)$/;
/** Drupal 7 image style derivatives, made on demand from the original: styles/<style>/public/<original>. */
const STYLE_DERIVATIVE = /^styles\/[^/]+\/public\/(.+)$/;

/** A reference's path on the old site, decoded, without query or fragment; null when it has none. */
export function referencePath(ref: string): string | null {
  const raw = ref.trim().replace(/&amp;/g, '&');
  let path: string;
  if (/^https?:\/\//i.test(raw)) {
    try {
      path = new URL(raw).pathname;
    } catch {
      return null;
    }
  } else path = raw.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path).replace(/^\/+/, '');
  } catch {
    // A stray "%" in a file name ("100% report.pdf"): the name as it was written.
    return path.replace(/^\/+/, '');
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * A copier from `from`, a copy of the old site's files folder (what /sites/default/files/ or
 * /files/ served), into `store`. A dry run only looks: nothing is written. A missing image style
 * derivative is served from its original, as Drupal would have regenerated it from there.
 */
export function siteFileCopier(from: string, store: FileStore, dryRun: boolean): FileCopier {
  return async (ref) => {
    const decoded = referencePath(ref);
    const path = decoded === null ? null : siteFilePath(decoded);
    if (path === null) return null;
    const inside = IN_FILES_FOLDER.exec(path)![1]!;
    const derivative = STYLE_DERIVATIVE.exec(inside)?.[1];
    const candidates = [inside, ...(derivative === undefined ? [] : [derivative])].map((p) => join(from, ...p.split('/')));
    for (const source of candidates) {
      if (!(await isFile(source))) continue;
      return { path, outcome: dryRun ? 'copied' : await store.put(path, source) };
    }
    return { path, outcome: 'missing' };
  };
}
