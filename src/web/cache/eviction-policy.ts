import { LruSegment } from './lru-segment.ts';

/**
 * Decides which cached pages to keep within a byte budget. The cache tells it every lookup
 * (`hit` or `miss`) and every change of what it holds; the policy answers with the keys to drop.
 */
export interface EvictionPolicy {
  /** A short name for the benchmark's table. */
  readonly name: string;
  /** Bytes held by the keys the policy tracks. */
  readonly weight: number;
  /** A lookup found the key. */
  hit(key: string): void;
  /** A lookup did not find the key (frequency-aware policies count it). */
  miss(key: string): void;
  /** Starts tracking a key; returns the keys to drop, which may include this one (not admitted). */
  add(key: string, weight: number): string[];
  /** A held key's size changed (compressed variants replaced its body); returns the keys to drop. */
  resize(key: string, weight: number): string[];
  /** Stops tracking a key (deleted or invalidated by the cache itself). */
  delete(key: string): void;
}

/** First in, first out: what the cache did before issue 14, kept for the benchmark's comparison. */
export class FifoPolicy implements EvictionPolicy {
  readonly name: string = 'FIFO';
  protected readonly keys = new LruSegment();

  constructor(protected readonly maxWeight: number) {}

  get weight(): number {
    return this.keys.weight;
  }

  hit(_key: string): void {}

  miss(_key: string): void {}

  add(key: string, weight: number): string[] {
    this.keys.add(key, weight);
    return this.shrink();
  }

  resize(key: string, weight: number): string[] {
    this.keys.resize(key, weight);
    return this.shrink();
  }

  delete(key: string): void {
    this.keys.delete(key);
  }

  private shrink(): string[] {
    const dropped: string[] = [];
    for (const [key] of this.keys.oldest()) {
      if (this.keys.weight <= this.maxWeight) break;
      this.keys.delete(key);
      dropped.push(key);
    }
    return dropped;
  }
}

/** Least recently used: FIFO plus a move to the back on every hit. */
export class LruPolicy extends FifoPolicy {
  override readonly name: string = 'LRU';

  override hit(key: string): void {
    this.keys.touch(key);
  }
}
