/**
 * Store reads kept for a moment: for the reads a burst repeats many times a second with the same
 * key (a comment flood asks for the same article and the same commenter name again and again,
 * and on SQLite each read after the writer's commit re-reads its pages, 30-80 µs on the main
 * thread). Entries live `ttlMs` at most, so a change made where no one tells this process (another
 * process, the command line) shows within that time; `clear` drops everything at once for the
 * changes this process hears of. At most `maxEntries`, the oldest dropped first.
 */
export class BriefMemo<K, V> {
  private readonly entries = new Map<K, { readonly value: V; readonly at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    // The time before the read: an entry is never kept longer than ttlMs after the value was read.
    const now = this.clock();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.ttlMs) return kept.value;
    const value = await load();
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, at: now });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
