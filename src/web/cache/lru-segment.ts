/** Keys in recency order with their weights: a Map keeps insertion order, so re-inserting moves a key to the end. */
export class LruSegment {
  private readonly weights = new Map<string, number>();
  private total = 0;

  /** Bytes held by this segment's keys. */
  get weight(): number {
    return this.total;
  }

  /** Number of keys. */
  get size(): number {
    return this.weights.size;
  }

  has(key: string): boolean {
    return this.weights.has(key);
  }

  /** Adds a key as the most recently used. */
  add(key: string, weight: number): void {
    this.delete(key);
    this.weights.set(key, weight);
    this.total += weight;
  }

  /** Marks a key as the most recently used. */
  touch(key: string): void {
    const weight = this.weights.get(key);
    if (weight === undefined) return;
    this.weights.delete(key);
    this.weights.set(key, weight);
  }

  /** Changes a key's weight in place (its recency is kept). */
  resize(key: string, weight: number): void {
    const old = this.weights.get(key);
    if (old === undefined) return;
    this.weights.set(key, weight);
    this.total += weight - old;
  }

  /** Removes a key; its weight, or undefined when it was not here. */
  delete(key: string): number | undefined {
    const weight = this.weights.get(key);
    if (weight === undefined) return undefined;
    this.weights.delete(key);
    this.total -= weight;
    return weight;
  }

  /** The least recently used keys, oldest first. */
  oldest(): IterableIterator<[string, number]> {
    return this.weights.entries();
  }
}
