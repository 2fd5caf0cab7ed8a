import { randomBytes } from 'node:crypto';

/** The store's small key-value table, which every process sharing the database sees. */
export interface MetaTable {
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
}

/**
 * Carries "this edition changed" between processes that share a database: a CLI correction or
 * import, or another app instance, must reach a running server's page cache. A change writes a
 * stamp (at most one write per edition per `delayMs`, so a burst of comments costs one write);
 * a server polls the stamps and drops its caches when one moved that it did not write.
 */
export class ChangeStamps {
  private readonly seen = new Map<string, string>();
  private readonly due = new Map<string, NodeJS.Timeout>();
  private readonly dirty = new Set<string>();
  /**
   * This process's latest stamp per edition, until its write has completed: while the write is in
   * flight the table still holds the stamp before, and a poll must not take that for news.
   */
  private readonly mine = new Map<string, string>();
  private readonly writes = new Set<Promise<void>>();
  private count = 0;
  private primed = false;

  constructor(
    private readonly meta: MetaTable,
    private readonly editions: readonly string[],
    private readonly onForeignChange: (edition: string) => void,
    private readonly delayMs = 500,
    /** Told each stamp this process writes (the Redis channel sends it on at once). */
    private readonly announce: (edition: string, stamp: string) => void = () => undefined,
  ) {}

  /**
   * A stamp another process announced (through Redis) before the poll could see it: reported
   * now, and remembered, so the poll does not report the same change a second time.
   */
  receive(edition: string, stamp: string): void {
    if (!this.editions.includes(edition) || this.seen.get(edition) === stamp) return;
    this.seen.set(edition, stamp);
    this.onForeignChange(edition);
  }

  /**
   * The edition's current stamp: what another process last wrote, or this process's own latest
   * change (taken at once, before its write). The page cache's disk tier keeps it with each page
   * it writes, and a page whose stamp is no longer current is stale.
   */
  current(edition: string): string {
    return this.seen.get(edition) ?? '';
  }

  /**
   * Records a change made by this process. It takes a new stamp at once (so a page made before
   * this change never carries the stamp current after it). The first change is written (and
   * announced) at once, so other instances hear of it in milliseconds; changes in the next
   * `delayMs` are gathered into one more write at the end of that window, so a burst of comments
   * costs two writes. (Writing only at the end of the window made every change wait `delayMs`:
   * the cluster benchmark measured 690 ms p50 before another instance showed a comment.)
   */
  noteLocal(edition: string): void {
    const stamp = this.newStamp();
    this.mine.set(edition, stamp);
    this.seen.set(edition, stamp);
    if (this.due.has(edition)) {
      this.dirty.add(edition);
      return;
    }
    this.write(edition);
    this.hold(edition);
  }

  /** Opens the window in which further changes of `edition` wait for one write at its end. */
  private hold(edition: string): void {
    const timer = setTimeout(() => {
      this.due.delete(edition);
      if (this.dirty.delete(edition)) {
        this.write(edition);
        this.hold(edition);
      }
    }, this.delayMs);
    timer.unref();
    this.due.set(edition, timer);
  }

  /**
   * Reads every edition's stamp; a stamp that moved since the last poll was another process's
   * change. The first poll only learns where the stamps stand.
   */
  async poll(): Promise<void> {
    for (const edition of this.editions) {
      // While this process's own stamp waits to be written, the table still holds the one before.
      if (this.mine.has(edition)) continue;
      const stamp = (await this.meta.getMeta(stampKey(edition))) ?? '';
      if (this.mine.has(edition)) continue;
      const before = this.seen.get(edition) ?? '';
      this.seen.set(edition, stamp);
      if (this.primed && before !== stamp) this.onForeignChange(edition);
    }
    this.primed = true;
  }

  /** Writes pending stamps now (before a process exits). */
  async flush(): Promise<void> {
    for (const [edition, timer] of this.due) {
      clearTimeout(timer);
      if (this.dirty.delete(edition)) this.write(edition);
    }
    this.due.clear();
    await Promise.all(this.writes);
  }

  // Random, so two instances (on two machines sharing PostgreSQL) never write the same stamp.
  private newStamp(): string {
    return `${Date.now()}-${++this.count}-${randomBytes(6).toString('hex')}`;
  }

  /** Writes this process's latest stamp of the edition. */
  private write(edition: string): void {
    const stamp = this.mine.get(edition) ?? this.newStamp();
    this.mine.set(edition, stamp);
    this.seen.set(edition, stamp);
    this.announce(edition, stamp);
    const done: Promise<void> = this.meta.setMeta(stampKey(edition), stamp).catch(() => undefined).then(() => {
      this.writes.delete(done);
      // A later change took a newer stamp meanwhile: it stays "mine" until its own write completes.
      if (this.mine.get(edition) === stamp) this.mine.delete(edition);
    });
    this.writes.add(done);
  }
}

function stampKey(edition: string): string {
  return `changed:${edition}`;
}
