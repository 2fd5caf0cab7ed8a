import type { EvictionPolicy } from './eviction-policy.ts';
import { FrequencySketch, hashKey } from './frequency-sketch.ts';
import { LruSegment } from './lru-segment.ts';

/**
 * Share of the budget for the admission window: new pages wait there (plain LRU) before they
 * compete for the main space. Caffeine starts at 1%. bench/cache-bench.ts's stream (100,000
 * pages, Zipf 0.9, 48 MB) gave hit ratios 0.545 / 0.542 / 0.536 for 1% / 5% / 20% without
 * crawlers, and 0.434 / 0.433 / 0.426 with a 20% crawler share (LRU: 0.454 and 0.346).
 */
const WINDOW_SHARE = 0.01;

/** Share of the main space for pages asked for at least twice since they entered it (segmented LRU). */
const PROTECTED_SHARE = 0.8;

/** Assumed size of one page, to size the frequency sketch: about a compressed article's gzip plus brotli. */
const TYPICAL_PAGE_BYTES = 16 * 1024;

/**
 * W-TinyLFU (Einziger, Friedman & Manes 2017; the policy of Caffeine and Ristretto), weighted by
 * bytes: a small LRU window takes every new page; a page leaving it enters the main space only
 * if it was asked for more often than the pages it would push out, by a frequency sketch that
 * also remembers pages no longer held. Chosen over LRU by bench/cache-bench.ts, which replays a
 * Zipf-popular stream with a uniform crawler share: LRU lets the crawl flush the popular pages.
 */
export class TinyLfuPolicy implements EvictionPolicy {
  readonly name = 'W-TinyLFU';
  private readonly window = new LruSegment();
  private readonly probation = new LruSegment();
  private readonly protected = new LruSegment();
  private readonly sketch: FrequencySketch;
  private readonly windowMax: number;
  private readonly mainMax: number;
  private readonly protectedMax: number;

  constructor(maxWeight: number, typicalWeight = TYPICAL_PAGE_BYTES, windowShare = WINDOW_SHARE) {
    this.sketch = new FrequencySketch(Math.max(1, Math.ceil(maxWeight / typicalWeight)));
    const budget = Math.max(0, maxWeight - this.sketch.byteLength);
    this.windowMax = Math.floor(budget * windowShare);
    this.mainMax = budget - this.windowMax;
    this.protectedMax = Math.floor(this.mainMax * PROTECTED_SHARE);
  }

  /** Bytes held by tracked keys plus the sketch itself (which the budget includes). */
  get weight(): number {
    return this.window.weight + this.probation.weight + this.protected.weight + this.sketch.byteLength;
  }

  hit(key: string): void {
    this.sketch.increment(hashKey(key));
    if (this.window.has(key)) this.window.touch(key);
    else if (this.protected.has(key)) this.protected.touch(key);
    else {
      const weight = this.probation.delete(key);
      if (weight === undefined) return;
      // Asked for again while on probation: promoted, and the protected LRU demotes its oldest.
      this.protected.add(key, weight);
      for (const [old, w] of this.protected.oldest()) {
        if (this.protected.weight <= this.protectedMax) break;
        this.protected.delete(old);
        this.probation.add(old, w);
      }
    }
  }

  miss(key: string): void {
    this.sketch.increment(hashKey(key));
  }

  add(key: string, weight: number): string[] {
    this.delete(key);
    this.window.add(key, weight);
    return this.drainWindow();
  }

  resize(key: string, weight: number): string[] {
    if (this.window.has(key)) {
      this.window.resize(key, weight);
      return this.drainWindow();
    }
    const segment = this.protected.has(key) ? this.protected : this.probation;
    segment.resize(key, weight);
    const dropped: string[] = [];
    for (const [victim] of this.victims()) {
      if (this.probation.weight + this.protected.weight <= this.mainMax) break;
      this.deleteMain(victim);
      dropped.push(victim);
    }
    return dropped;
  }

  delete(key: string): void {
    if (this.window.delete(key) === undefined) this.deleteMain(key);
  }

  /** Moves pages out of the window: each is admitted to the main space or dropped. */
  private drainWindow(): string[] {
    const dropped: string[] = [];
    for (const [candidate, weight] of this.window.oldest()) {
      if (this.window.weight <= this.windowMax) break;
      this.window.delete(candidate);
      if (this.admit(candidate, weight, dropped)) this.probation.add(candidate, weight);
      else dropped.push(candidate);
    }
    return dropped;
  }

  /**
   * Makes room for a candidate if it is asked for more often than every page it would displace
   * (probation's oldest first, then protected's); otherwise displaces nothing.
   */
  private admit(candidate: string, weight: number, dropped: string[]): boolean {
    if (weight > this.mainMax) return false;
    let needed = this.probation.weight + this.protected.weight + weight - this.mainMax;
    if (needed <= 0) return true;
    const frequency = this.sketch.frequency(hashKey(candidate));
    const victims: string[] = [];
    for (const [victim, w] of this.victims()) {
      if (this.sketch.frequency(hashKey(victim)) >= frequency) return false;
      victims.push(victim);
      needed -= w;
      if (needed <= 0) break;
    }
    for (const victim of victims) {
      this.deleteMain(victim);
      dropped.push(victim);
    }
    return true;
  }

  private *victims(): Generator<[string, number]> {
    yield* this.probation.oldest();
    yield* this.protected.oldest();
  }

  private deleteMain(key: string): void {
    if (this.probation.delete(key) === undefined) this.protected.delete(key);
  }
}
