/**
 * A Map that forgets its oldest entries past a size, so a run over millions of items keeps
 * constant memory; what it forgot is looked up in the store again. Runs that write clear them
 * after every batch (the store then knows everything); a dry run relies on the bound.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }
}
