import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** A rendered response kept in memory with its precompressed variants. */
export interface CachedPage {
  readonly edition: string;
  readonly generation: number;
  readonly status: number;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly location: string | null;
  readonly etag: string;
  readonly body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

/** Brotli quality 5 is the knee of its size/time curve for 30 KB pages: a few ms, done once per page. */
const BROTLI_QUALITY = 5;

/** Strong ETag from the body: identical bytes, identical tag (and a per-encoding suffix). */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * Rendered pages keyed by host and URL. Rendering costs ~0.2 ms and gzip another ~0.4 ms, so
 * hits are served from memory, compressed once off the request path. A write to an edition
 * bumps its generation, which retires all of its pages at once.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly maxEntries: number) {}

  /** The live entry for a key, refreshed as most recently used. */
  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation(entry.edition)) {
      this.entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order; re-inserting makes this the newest for LRU eviction.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores a page and compresses its variants after the current response has gone out. */
  set(key: string, page: Omit<CachedPage, 'generation' | 'gzip' | 'br'>): CachedPage {
    const entry: CachedPage = { ...page, generation: this.generation(page.edition), gzip: null, br: null };
    if (this.maxEntries === 0) return entry;
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    if (entry.body.length > 512) setImmediate(() => PageCache.compress(entry));
    return entry;
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

  private static compress(entry: CachedPage): void {
    entry.gzip = gzipSync(entry.body, { level: 6 });
    entry.br = brotliCompressSync(entry.body, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
    });
  }
}

/** Picks the best encoding the client accepts among those we have ready. */
export function chooseEncoding(acceptEncoding: string | undefined, page: CachedPage): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  if (page.br && /\bbr\b/.test(acceptEncoding)) return 'br';
  if (page.gzip && /\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return null;
}
