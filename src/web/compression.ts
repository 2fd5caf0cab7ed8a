import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** The content codings Folio sends (RFC 9110 §8.4.1); identity is `null`. */
export type ContentCoding = 'br' | 'gzip';

/**
 * Below this a response fits one TCP segment either way, and the coding's own framing eats
 * most of what it would save (301s, tiny feeds, the health check).
 */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * Levels for a response compressed while its reader waits (a page-cache miss). A 17 KB article
 * page measured here: brotli 2 takes ~0.09 ms for 28% of the bytes, brotli 5 ~0.25 ms for 24%;
 * gzip 1 ~0.1 ms for 29%, gzip 6 ~0.15 ms. An earlier attempt at gzip's default level cost 40% of
 * miss throughput (issue 14), so misses get the fast levels and the page cache makes its kept copy
 * at the `kept` levels below, off the request path.
 */
export const MISS_BROTLI_QUALITY = 2;
export const MISS_GZIP_LEVEL = 1;

/** Media types worth compressing: text of every kind, and the XML and JSON Folio serves. */
export function isCompressible(contentType: string): boolean {
  return /^text\/|\+xml\b|\/xml\b|\/json\b|\+json\b|^application\/link-format\b|^image\/svg\+xml\b|^application\/javascript\b/i.test(contentType);
}

/**
 * The coding to send for an Accept-Encoding header: brotli, then gzip, whichever the client
 * accepts with a non-zero weight (`br;q=0` refuses brotli; `*` accepts anything not named).
 */
export function preferredCoding(acceptEncoding: string | undefined, available: { br: boolean; gzip: boolean } = { br: true, gzip: true }): ContentCoding | null {
  if (!acceptEncoding) return null;
  // The common headers ("gzip, deflate, br, zstd") carry no weights: a substring test suffices.
  if (!acceptEncoding.includes(';')) {
    if (available.br && acceptEncoding.includes('br')) return 'br';
    if (available.gzip && acceptEncoding.includes('gzip')) return 'gzip';
    if (acceptEncoding.includes('*')) return available.br ? 'br' : available.gzip ? 'gzip' : null;
    return null;
  }
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (available.br && weight('br') > 0) return 'br';
  if (available.gzip && weight('gzip') > 0) return 'gzip';
  return null;
}

/** Compresses a response body at the miss path's fast level. */
export function compressFast(body: Buffer, coding: ContentCoding): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: MISS_BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: MISS_GZIP_LEVEL });
}

/**
 * Levels for the copy the page cache keeps, made once per page after its first response: brotli 5
 * is the knee of its size/time curve for 30 KB pages, gzip 6 zlib's default.
 */
export const KEPT_BROTLI_QUALITY = 5;
export const KEPT_GZIP_LEVEL = 6;

/** How hard to compress: `first` while a reader waits (a miss), `kept` for the page cache's copy. */
export type CompressionEffort = 'first' | 'kept';

/** Compresses a response body at the effort's levels. */
export function compressAt(body: Buffer, coding: ContentCoding, effort: CompressionEffort): Buffer {
  if (effort === 'first') return compressFast(body, coding);
  return coding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: KEPT_BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: KEPT_GZIP_LEVEL });
}

/** Compresses a file once, as small as the codings go (static assets: done at start-up, served for a year). */
export function compressBest(body: Buffer, coding: ContentCoding): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}
