import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { DiskPageTier } from './cache/disk-page-tier.ts';
import type { EvictionPolicy } from './cache/eviction-policy.ts';
import { ENTRY_OVERHEAD_BYTES, exactBuffer, stringBytes } from './cache/page-bytes.ts';
import { TinyLfuPolicy } from './cache/tiny-lfu-policy.ts';
import { compressAt, preferredCoding, type CompressionEffort, type ContentCoding } from './compression.ts';

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

/** Options of a page cache. */
export interface PageCacheOptions {
  /** The on-disk second tier (FOLIO_PAGE_CACHE_DIR), or none. */
  readonly disk?: DiskPageTier | null;
  /** The eviction policy for a byte budget; W-TinyLFU unless a benchmark compares others. */
  readonly policy?: (maxBytes: number) => EvictionPolicy;
  /** What compresses misses' first responses and the kept copies (a thread of its own in the server); in place when absent. */
  readonly compressor?: Compressor;
}

/** Compresses response bodies: a miss's first response, and the copies the cache keeps. */
export interface Compressor {
  compress(body: Buffer, coding: ContentCoding, effort: CompressionEffort): Promise<Buffer>;
  close(): Promise<void>;
}

/** Compresses on the calling thread (tests, the static export's renders). */
const IN_PLACE: Compressor = { compress: async (body, coding, effort) => compressAt(body, coding, effort), close: async () => undefined };

/**
 * Rendered pages keyed by host and URL, bounded by the bytes actually held (bodies in each
 * encoding, headers, key, and a fixed overhead per entry; see cache/page-bytes.ts). Rendering
 * costs ~1 ms and gzip plus brotli a few more, so hits are served from memory, compressed once
 * off the request path. Which pages stay is the eviction policy's choice (W-TinyLFU: an archive's
 * crawlers would flush an LRU; bench/cache-bench.ts measures it). A write to an edition bumps its
 * generation, which retires all of its pages at once. With a disk tier, every compressed page is
 * also written to disk, and a memory miss looks there before the page is rendered.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly generations = new Map<string, number>();
  private readonly policy: EvictionPolicy;
  private readonly disk: DiskPageTier | null;
  /** Compresses first responses (send-page.ts sendFresh) and the kept copies. */
  readonly compressor: Compressor;

  constructor(private readonly maxBytes: number, options: PageCacheOptions = {}) {
    this.policy = (options.policy ?? ((max) => new TinyLfuPolicy(max)))(maxBytes);
    this.disk = maxBytes > 0 ? options.disk ?? null : null;
    this.compressor = options.compressor ?? IN_PLACE;
  }

  /** The live entry for a key: from memory, else from the disk tier (then kept in memory if admitted). */
  get(key: string): CachedPage | undefined {
    if (this.maxBytes === 0) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.generation === this.generation(entry.edition)) {
        this.policy.hit(key);
        return entry;
      }
      this.remove(key);
    }
    this.policy.miss(key);
    const stored = this.disk?.get(key);
    if (!stored) return undefined;
    const page: CachedPage = { ...stored, generation: this.generation(stored.edition), body: null, size: 0 };
    page.size = sizeOf(key, page);
    this.hold(key, page);
    return page;
  }

  /**
   * Stores a page and compresses its variants after the current response has gone out. A variant
   * already made for the first reader (the miss path's fast level) is kept as it is, so the bytes
   * behind a coding's ETag never change and no page is compressed twice in the same coding; the
   * cost is a few percent more bytes for that coding than the cache's own level would give.
   */
  set(key: string, page: Omit<CachedPage, 'generation' | 'gzip' | 'br' | 'size'> & { body: Buffer }, ready?: { readonly coding: 'br' | 'gzip'; readonly bytes: Buffer }): CachedPage {
    const made = ready ? exactBuffer(ready.bytes) : null;
    const entry: CachedPage = {
      ...page, body: exactBuffer(page.body), generation: this.generation(page.edition), gzip: ready?.coding === 'gzip' ? made : null, br: ready?.coding === 'br' ? made : null, size: 0,
    };
    entry.size = sizeOf(key, entry);
    if (this.maxBytes === 0 || entry.size > this.maxBytes / 16) return entry;
    const held = this.hold(key, entry);
    if (entry.body!.length > 512 && (held || this.disk)) setImmediate(() => this.compress(key, entry));
    return entry;
  }

  /** Drops one page (one that could not be written to a socket). */
  delete(key: string): void {
    if (this.entries.has(key)) this.remove(key);
  }

  /** Retires every cached page of an edition (after a comment, an import, a publish). */
  invalidate(edition: string): void {
    this.generations.set(edition, this.generation(edition) + 1);
    this.disk?.retire(edition);
    // Retired pages give their bytes back at once rather than when next asked for.
    for (const [key, entry] of this.entries) if (entry.edition === edition) this.remove(key);
  }

  /** Number of live entries, for tests and the benchmark. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, as counted against the bound (the policy's sketch included). */
  get bytes(): number {
    return this.policy.weight;
  }

  /** Waits for the disk tier's writes under way (tests, and before exit). */
  async flush(): Promise<void> {
    await this.disk?.flush();
  }

  private generation(edition: string): number {
    return this.generations.get(edition) ?? 0;
  }

  /** Puts an entry in memory if the policy admits it; true when it is held. */
  private hold(key: string, entry: CachedPage): boolean {
    if (this.entries.has(key)) this.remove(key);
    this.entries.set(key, entry);
    let held = true;
    for (const dropped of this.policy.add(key, entry.size)) {
      if (dropped === key) held = false;
      this.entries.delete(dropped);
    }
    return held;
  }

  private remove(key: string): void {
    this.entries.delete(key);
    this.policy.delete(key);
  }

  /**
   * Makes the kept variants (compression.ts's `kept` levels) through the compressor, a thread of
   * its own in the server: brotli 5 and gzip 6 of a page cost the loop more than its render did.
   * The entry is settled when they are back, if it is still held (or the disk tier wants it).
   */
  private compress(key: string, entry: CachedPage): void {
    if (!entry.body || (this.entries.get(key) !== entry && !this.disk)) return;
    const body = entry.body;
    Promise.all([entry.gzip ?? this.compressor.compress(body, 'gzip', 'kept'), entry.br ?? this.compressor.compress(body, 'br', 'kept')])
      .then(([gzip, br]) => this.compressed(key, entry, gzip, br))
      // A body that could not be compressed is served as it is, and rendered again once evicted.
      .catch(() => undefined);
  }

  private compressed(key: string, entry: CachedPage, gzip: Buffer, br: Buffer): void {
    const held = this.entries.get(key) === entry;
    if (!held && !this.disk) return;
    entry.gzip ??= exactBuffer(gzip);
    entry.br ??= exactBuffer(br);
    entry.body = null;
    entry.size = sizeOf(key, entry);
    if (held) for (const dropped of this.policy.resize(key, entry.size)) this.entries.delete(dropped);
    if (this.disk && entry.generation === this.generation(entry.edition)) {
      this.disk.put(key, { edition: entry.edition, status: entry.status, headers: entry.headers, etag: entry.etag, gzip: entry.gzip, br: entry.br });
    }
  }
}

/** The bytes an entry holds, as the bound counts them. */
function sizeOf(key: string, page: CachedPage): number {
  let bytes = ENTRY_OVERHEAD_BYTES + stringBytes(key) + stringBytes(page.edition) + stringBytes(page.etag);
  for (const name in page.headers) bytes += stringBytes(name) + stringBytes(page.headers[name]!);
  return bytes + (page.body?.length ?? 0) + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
}

/** Picks the best encoding the client accepts among those we have ready. */
export function chooseEncoding(acceptEncoding: string | undefined, page: CachedPage): 'br' | 'gzip' | null {
  return preferredCoding(acceptEncoding, { br: page.br !== null, gzip: page.gzip !== null });
}
