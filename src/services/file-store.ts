import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

/**
 * The old site's public files: Drupal served them from its files folder at /sites/<site>/files/…
 * (or /files/… on sites set up before Drupal 6's default), outside any alias.
 */
const SITE_FILE_PATH = /^(?:sites\/[^/]+\/files|files)\/./;

/** ETags remembered before the memo starts again: one hash per file served, bounded. */
const MEMO_LIMIT = 10_000;

/** A stored file, ready to be served. */
export interface StoredFile {
  /** Absolute path on disk. */
  readonly file: string;
  readonly size: number;
  readonly modifiedAt: number;
  /** A strong ETag: the SHA-256 of the bytes (files are immutable copies, so the hash names them). */
  readonly etag: string;
}

/** What storing one file did. */
export type StoreOutcome = 'copied' | 'unchanged';

/** The site path of a file URL's path ("sites/default/files/a b.jpg", decoded), or null when it is not one of the site's files or is unsafe. */
export function siteFilePath(path: string): string | null {
  const clean = path.replace(/^\/+/, '');
  if (!SITE_FILE_PATH.test(clean)) return null;
  const segments = clean.split('/');
  // No way out of the folder, and nothing a file system would read another way.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\u0000'))) return null;
  return clean;
}

/** The SHA-256 of a file's bytes, streamed, as base64url. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64url');
}

/**
 * Folio's copy of the old site's files, one file per old URL: stored under `root` at the URL's
 * decoded path (FOLIO_FILES_DIR/sites/default/files/photos/a b.jpg), so the copy is readable
 * as it is and the web layer serves each at its old address. The importer fills it
 * (`folio import --files`), the web app and the static export read it.
 */
export class FileStore {
  private readonly etags = new Map<string, string>();

  constructor(readonly root: string) {}

  /** Where a site path is kept on disk; null for a path that is not a site file. */
  location(path: string): string | null {
    const site = siteFilePath(path);
    return site === null ? null : join(this.root, ...site.split('/'));
  }

  /** Copies `source` in as the file at `path`; a file already there with the same bytes is left alone. */
  async put(path: string, source: string): Promise<StoreOutcome> {
    const target = this.location(path);
    if (target === null) throw new Error(`not a site file path: ${path}`);
    const existing = await stat(target).catch(() => null);
    if (existing?.isFile()) {
      const incoming = await stat(source);
      if (incoming.size === existing.size && (await hashFile(source)) === (await hashFile(target))) return 'unchanged';
    }
    await mkdir(dirname(target), { recursive: true });
    // Written beside the target and renamed, so a reader never sees half a file.
    const partial = `${target}.folio-partial`;
    await copyFile(source, partial);
    await rename(partial, target);
    return 'copied';
  }

  /** The stored file at a site path, or undefined when there is none. */
  async open(path: string): Promise<StoredFile | undefined> {
    const file = this.location(path);
    if (file === null) return undefined;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return undefined;
    const key = `${file}\u0000${info.size}\u0000${info.mtimeMs}`;
    let etag = this.etags.get(key);
    if (etag === undefined) {
      etag = `"${await hashFile(file)}"`;
      if (this.etags.size >= MEMO_LIMIT) this.etags.clear();
      this.etags.set(key, etag);
    }
    return { file, size: info.size, modifiedAt: info.mtimeMs, etag };
  }

  /** Every stored file's site path ("sites/default/files/a b.jpg"), sorted. */
  async list(): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile() && !e.name.endsWith('.folio-partial'))
      .map((e) => join(e.parentPath, e.name).slice(this.root.length + 1).split(sep).join('/'))
      .filter((p) => siteFilePath(p) !== null)
      .sort();
  }
}
