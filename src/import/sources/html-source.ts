import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { ImportRecord, ImportSource } from '../../domain/import-record.ts';
import { captureRecords, type Capture } from './crawl/capture.ts';
import { isListingUrl, withListings } from './crawl/with-listings.ts';
import { walkFiles } from './crawl/walk-files.ts';

/** Bytes searched for rel=canonical / og:url before the page is decoded. */
const HEAD_SNIFF_BYTES = 65536;

/**
 * `folio import html <dir…>`: saved pages (.html, .htm) of the original site, one file in memory at
 * a time, in two passes: the listing pages first, then every page (see `withListings`).
 */
export function htmlSource(paths: string[]): ImportSource {
  return withListings(listingCaptures(paths), captureGroups(paths), 'html');
}

/** A saved file as a capture: its URL from rel=canonical, og:url or its place in the mirror. */
interface SavedFile {
  readonly file: string;
  readonly capture?: Capture;
  readonly error?: string;
}

async function* savedFiles(paths: readonly string[], wanted: (url: string) => boolean = () => true): AsyncGenerator<SavedFile> {
  for (const path of paths) {
    try {
      for await (const { file, root } of walkFiles([path], /\.html?$/i)) {
        let bytes: Buffer;
        let mtime: number;
        try {
          [bytes, mtime] = await Promise.all([readFile(file), stat(file).then((s) => Math.floor(s.mtimeMs / 1000))]);
        } catch (error) {
          yield { file, error: `unreadable file: ${(error as Error).message}` };
          continue;
        }
        const url = pageUrl(bytes) ?? fileUrl(relative(root, file));
        // The first pass parses only listing pages.
        if (!wanted(url)) continue;
        // Saved files carry no HTTP headers: the page's own <meta> decides the encoding.
        yield { file, capture: { url, capturedAt: mtime, status: null, contentType: null, location: null, body: bytes } };
      }
    } catch (error) {
      yield { file: path, error: `unreadable folder: ${(error as Error).message}` };
    }
  }
}

async function* listingCaptures(paths: readonly string[]): AsyncGenerator<Capture> {
  for await (const saved of savedFiles(paths, isListingUrl)) if (saved.capture) yield saved.capture;
}

async function* captureGroups(paths: readonly string[]): AsyncGenerator<readonly ImportRecord[]> {
  for await (const saved of savedFiles(paths)) {
    if (saved.capture === undefined) {
      yield [{ type: 'skip', ref: saved.file, reason: saved.error ?? 'unreadable' }];
      continue;
    }
    yield captureRecords(saved.capture, 'html').map((r) => (r.type === 'skip' ? { ...r, ref: saved.file } : r));
  }
}

/** The URL a saved page names for itself: rel=canonical, else og:url. */
function pageUrl(bytes: Buffer): string | null {
  const head = bytes.subarray(0, HEAD_SNIFF_BYTES).toString('latin1');
  const m = /<link[^>]+rel=["']?canonical["']?[^>]*>/i.exec(head) ?? /<meta[^>]+property=["']?og:url["']?[^>]*>/i.exec(head);
  const href = m ? /(?:href|content)=["']?([^"'\s>]+)/i.exec(m[0])?.[1] : undefined;
  return href ?? null;
}

/** A mirror's file path as a site URL: "www.x.example/content/a.html" → "/content/a", "tags/b/index.html" → "/tags/b". */
function fileUrl(rel: string): string {
  const parts = rel.split(sep).join('/').replace(/\.html?$/i, '').replace(/(^|\/)index$/, '').split('/');
  // Mirroring tools put the host first; a first segment with a dot is a host, not a site path.
  if (parts.length > 1 && parts[0]!.includes('.')) parts.shift();
  return `/${parts.join('/')}`;
}
