import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { preferredCoding } from './compression.ts';

/** A rendered response kept in memory with its precompressed variants. */
export interface CachedPage {
  readonly edition: string;
  readonly generation: number;
  readonly status: number;
  /** Every header of the response (security headers included) except the per-encoding ones. */
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
  /** The uncompressed body; dropped once compressed (rebuilt from gzip for the rare client without it). */
  body: Buffer | null;
  gzip: Buffer | null;
  br: Buffer | null;
  size: number;
}

/** Brotli quality 5 is the knee of its size/time curve for 30 KB pages: a few ms, done once per page. */
const BROTLI_QUALITY = 5;

/** Strong ETag from the body: identical bytes, identical tag (and a per-encoding suffix). */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * RFC 9530 Repr-Digest of the bytes sent: the representation as content-coded, so each encoding
 * of a cached page carries its own. A client, crawler or WARC replay can check what it received;
 * the content's own fixity (what the archive vouches for) is checked by `folio verify`.
 */
export function reprDigestOf(body: Buffer): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** The uncompressed bytes of a cached page. */
export function identityBody(page: CachedPage): Buffer {
  return page.body ?? gunzipSync(page.gzip!);
}

/**
 * Rendered pages keyed by host and URL, bounded by bytes. Rendering costs ~0.2 ms and gzip
 * another ~0.4 ms, so hits are served from memory, compressed once off the request path. A
 * write to an edition bumps its generation, which retires all of its pages at once.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly generations = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The live entry for a key. */
  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation(entry.edition)) {
      this.remove(key, entry);
      return undefined;
    }
    return entry;
  }

  /**
   * Stores a page and compresses its variants after the current response has gone out. A variant
   * already made for the first reader (the miss path's fast level) is kept as it is, so the bytes
   * behind a coding's ETag never change and no page is compressed twice in the same coding; the
   * cost is a few percent more bytes for that coding than the cache's own level would give.
   */
  set(key: string, page: Omit<CachedPage, 'generation' | 'gzip' | 'br' | 'size'> & { body: Buffer }, ready?: { readonly coding: 'br' | 'gzip'; readonly bytes: Buffer }): CachedPage {
    const entry: CachedPage = {
      ...page, generation: this.generation(page.edition), gzip: ready?.coding === 'gzip' ? ready.bytes : null, br: ready?.coding === 'br' ? ready.bytes : null, size: page.body.length + (ready?.bytes.length ?? 0),
    };
    if (this.maxBytes === 0 || entry.size > this.maxBytes / 16) return entry;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    this.evict();
    if (entry.body!.length > 512) setImmediate(() => this.compress(key, entry));
    return entry;
  }

  /** Drops one page (one that could not be written to a socket). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  /** Retires every cached page of an edition (after a comment, an import, a publish). */
  invalidate(edition: string): void {
    this.generations.set(edition, this.generation(edition) + 1);
  }

  /** Number of live entries, for tests and the benchmark. */
  get size(): number {
    return this.entries.size;
  }

  private generation(edition: string): number {
    return this.generations.get(edition) ?? 0;
  }

  private remove(key: string, entry: CachedPage): void {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  /** Oldest first: Map keeps insertion order, and a FIFO costs nothing on the hit path. */
  private evict(): void {
    while (this.bytes > this.maxBytes) {
      const [key, entry] = this.entries.entries().next().value as [string, CachedPage];
      this.remove(key, entry);
    }
  }

  private compress(key: string, entry: CachedPage): void {
    if (this.entries.get(key) !== entry || !entry.body) return;
    const body = entry.body;
    entry.gzip ??= gzipSync(body, { level: 6 });
    entry.br ??= brotliCompressSync(body, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    entry.body = null;
    const size = entry.gzip.length + entry.br.length;
    this.bytes += size - entry.size;
    entry.size = size;
  }
}

/** Picks the best encoding the client accepts among those we have ready. */
export function chooseEncoding(acceptEncoding: string | undefined, page: CachedPage): 'br' | 'gzip' | null {
  return preferredCoding(acceptEncoding, { br: page.br !== null, gzip: page.gzip !== null });
}
