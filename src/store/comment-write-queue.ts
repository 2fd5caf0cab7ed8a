import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

interface Pending<T> {
  readonly work: (trx: Transaction<Database>) => Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (err: unknown) => void;
}

/** Most writes one commit carries: bounds the time other queries wait behind a batch. */
const MAX_BATCH = 256;

/**
 * Group commit. Comments must be durable when acknowledged (one fsync per commit, ~130 µs on
 * SQLite with synchronous=FULL), so the writes that arrive while a commit is running are
 * gathered and committed together: one fsync for the batch instead of one per comment.
 */
export class GroupCommitQueue {
  private queue: Pending<unknown>[] = [];
  private running = false;
  private inFlight = 0;

  constructor(private readonly db: Kysely<Database>) {}

  /** Writes waiting for their commit: queued, and in the batch being committed. */
  get depth(): number {
    return this.queue.length + this.inFlight;
  }

  /** Runs `work` inside a shared transaction; resolves after that transaction has committed. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>);
      if (!this.running) setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        this.inFlight = batch.length;
        await this.commit(batch);
      }
    } finally {
      this.inFlight = 0;
      this.running = false;
    }
  }

  private async commit(batch: Pending<unknown>[]): Promise<void> {
    const results: unknown[] = [];
    try {
      await whenNotBusy(() => this.db.transaction().execute(async (trx) => {
        results.length = 0;
        for (const item of batch) results.push(await item.work(trx));
      }));
      // Counted out before anyone is told, so a caller that awaited its write sees it gone.
      this.inFlight = 0;
      batch.forEach((item, i) => item.resolve(results[i]));
    } catch {
      // One bad write must not fail its neighbours: retry each on its own, so only it fails.
      for (const item of batch) {
        try {
          const result = await whenNotBusy(() => this.db.transaction().execute((trx) => item.work(trx)));
          this.inFlight--;
          item.resolve(result);
        } catch (err) {
          this.inFlight--;
          item.reject(err);
        }
      }
    }
  }
}

/** Attempts of a transaction that met a busy database, with backoff: about a second in all. */
const BUSY_ATTEMPTS = 8;

/**
 * SQLite answers SQLITE_BUSY at once, without its busy timeout, when a transaction that began
 * by reading must upgrade to writing and another connection (the main thread's stamps, a backup,
 * an import) wrote in between: its snapshot is stale. Starting the transaction again, on a fresh
 * snapshot, succeeds. Nothing was committed by the failed attempt, so a retry never doubles a write.
 */
async function whenNotBusy<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= BUSY_ATTEMPTS || !isBusy(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** i));
    }
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || (err instanceof Error && /database is locked/.test(err.message));
}
