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
  /**
   * Reads under way, by key: a burst's requests for the same key wait for the one read (with the
   * store on another thread, fifty concurrent posts would otherwise queue fifty copies of it).
   */
  private readonly loading = new Map<K, Promise<V>>();
  /** Bumped by clear: a read that began before a change answers its callers but is not kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    // The time before the read: an entry is never kept longer than ttlMs after the value was read.
    const now = this.clock();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.ttlMs) return Promise.resolve(kept.value);
    const under = this.loading.get(key);
    if (under) return under;
    const generation = this.generation;
    const read = load().then((value) => {
      if (generation === this.generation) this.keep(key, value, now);
      return value;
    });
    this.loading.set(key, read);
    // Done either way: later callers read again (a failure is not kept). After a clear() the key
    // may already name a newer read, which stays.
    const done = () => {
      if (this.loading.get(key) === read) this.loading.delete(key);
    };
    read.then(done, done);
    return read;
  }

  private keep(key: K, value: V, at: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, at });
  }

  /** Forgets every kept value, and keeps none of the reads under way (they may predate the change). */
  clear(): void {
    this.entries.clear();
    this.loading.clear();
    this.generation++;
  }
}
