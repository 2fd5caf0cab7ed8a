/**
 * A count-min sketch of how often keys were asked for, with periodic halving so that popularity
 * fades (TinyLFU, Einziger, Friedman & Manes, "TinyLFU: A Highly Efficient Cache Admission Policy",
 * ACM ToS 2017, https://arxiv.org/abs/1512.00727). Four rows of byte counters capped at 15, as the
 * paper's 4-bit counters: a page asked for more than 15 times per sample period is simply "popular".
 */
export class FrequencySketch {
  private readonly table: Uint8Array;
  private readonly mask: number;
  private additions = 0;
  private readonly samplePeriod: number;

  /** `expectedKeys`: about how many keys the cache holds; the sketch is sized from it. */
  constructor(expectedKeys: number) {
    let width = 64;
    while (width < expectedKeys && width < 1 << 24) width <<= 1;
    this.table = new Uint8Array(width * ROWS);
    this.mask = width - 1;
    // The paper's W = 10 × cache size: a key must keep being asked for to keep its count.
    this.samplePeriod = 10 * width;
  }

  /** Bytes the sketch holds, counted in the cache's memory bound. */
  get byteLength(): number {
    return this.table.byteLength;
  }

  /** The estimated number of requests for a key in the recent sample period. */
  frequency(hash: number): number {
    let min = MAX_COUNT;
    for (let row = 0; row < ROWS; row++) min = Math.min(min, this.table[this.index(hash, row)]!);
    return min;
  }

  /** Counts one request (conservative update: only the smallest counters grow). */
  increment(hash: number): void {
    const current = this.frequency(hash);
    if (current >= MAX_COUNT) return;
    for (let row = 0; row < ROWS; row++) {
      const i = this.index(hash, row);
      if (this.table[i] === current) this.table[i] = current + 1;
    }
    if (++this.additions >= this.samplePeriod) this.halve();
  }

  private halve(): void {
    for (let i = 0; i < this.table.length; i++) this.table[i]! >>= 1;
    this.additions = Math.floor(this.additions / 2);
  }

  private index(hash: number, row: number): number {
    // A different odd multiplier per row spreads one 32-bit hash into four independent slots.
    const h = Math.imul(hash ^ SEEDS[row]!, 0x9e3779b1);
    return row * (this.mask + 1) + ((h ^ (h >>> 15)) & this.mask);
  }
}

const ROWS = 4;
const MAX_COUNT = 15;
const SEEDS = [0x97cb3127, 0x2f0f7e8d, 0x5bd1e995, 0x7feb352d] as const;

/** FNV-1a over a string's UTF-16 code units: fast, and good enough to spread cache keys. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
