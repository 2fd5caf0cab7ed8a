/**
 * What one cached page costs beyond its bytes: the entry object, its headers object, two Map
 * entries (the cache's and the policy's) and the per-encoding header lists send-page.ts builds
 * for it. Measured by bench/cache-bench.ts (heap growth per entry over the counted bytes).
 */
export const ENTRY_OVERHEAD_BYTES = 1024;

/** Bytes V8 holds for a string's characters: one per character when all are Latin-1, else two. */
export function stringBytes(s: string): number {
  // eslint-style note: a regex test is faster here than a loop over char codes for short strings.
  return /[^\u0000-\u00ff]/.test(s) ? s.length * 2 : s.length;
}

/**
 * The same bytes in a buffer of their own. zlib's sync calls return a view of a 16 KiB output
 * chunk and small Buffer.from results share an 8 KiB pool slab: keeping such a view keeps the
 * whole chunk, so a cache counting `length` held several times what it counted.
 */
export function exactBuffer(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length) return buffer;
  const own = Buffer.allocUnsafeSlow(buffer.length);
  buffer.copy(own);
  return own;
}
