/**
 * A Map that forgets its oldest entries past a size, so a run over millions of items keeps
 * constant memory; what it forgot is looked up in the store again. Runs that write clear them
 * after every batch (the store then knows everything); a dry run relies on the bound.
 *
 * It forgets a generation at a time: entries go into a young Map, which becomes the old one when
 * it holds half the limit, and the old one is dropped whole. Evicting one entry per `set` through
 * `keys().next()` cost time in proportion to the entries deleted before it (a JS Map keeps them
 * as holes until it rehashes): at 300,000 comments past a full 100,000-entry map, that loop took
 * 150 s of a 100,000-node Drupal import (issue 14), and nothing below 100,000 items showed it.
 * It always remembers at least the `limit / 2` most recent keys, and never more than `limit`.
 */
export class BoundedMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(limit: number) {
    this.generation = Math.max(1, Math.ceil(limit / 2));
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    return value !== undefined || this.young.has(key) ? value : this.old.get(key);
  }

  /** Entries remembered now. */
  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  set(key: K, value: V): void {
    // One copy of a key at most, in the young generation, so the size bound holds.
    this.old.delete(key);
    this.young.set(key, value);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
