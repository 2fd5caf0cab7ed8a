import type { ContentReader, StoreStats } from '../store/types.ts';
import type { PoolUse } from '../domain/read-consistency.ts';

/** One dependency's state, as /readyz reports it. */
export interface DependencyState {
  readonly name: string;
  readonly ok: boolean;
  /** What failed, for the operator (never shown with secrets: only the error's message). */
  readonly detail?: string;
  /** A dependency the instance can serve without (the read replica: reads fall back to the primary). */
  readonly optional?: boolean;
}

/** How long a readiness check waits for the database before calling it down. */
const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Whether this instance can serve: the database answers a read of one row of meta (migrations
 * ran when the store opened, before the server listened). The web layer adds what it holds
 * itself, such as Redis. Load balancers send traffic only to instances that answer ready.
 */
export class HealthService {
  /** `content` should read from the primary: readiness is about the database writes go to. */
  constructor(
    private readonly content: Pick<ContentReader, 'getMeta'>,
    private readonly stats: StoreStats = { commentQueueDepth: () => 0, poolUse: () => [], replica: null },
  ) {}

  /** The database's state. */
  database(): Promise<DependencyState> {
    return this.probe('database', () => this.content.getMeta('site_secret'));
  }

  /** The read replica's state (optional: while it is down, reads use the primary); null without one. */
  async replica(): Promise<DependencyState | null> {
    const replica = this.stats.replica;
    if (replica === null) return null;
    return { ...(await this.probe('replica', () => replica.probe())), optional: true };
  }

  /** Comments accepted and not yet committed. */
  commentQueueDepth(): number {
    return this.stats.commentQueueDepth();
  }

  /** Seconds the read replica is behind the primary; null without one or while it is down. */
  replicaLagSeconds(): number | null {
    return this.stats.replica?.lagSeconds() ?? null;
  }

  /** Database connections in use, per pool. */
  poolUse(): PoolUse[] {
    return this.stats.poolUse();
  }

  /** Any dependency's state: up when `check` answers within CHECK_TIMEOUT_MS (used for Redis too). */
  async probe(name: string, check: () => Promise<unknown>): Promise<DependencyState> {
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS);
      return { name, ok: true };
    } catch (err) {
      return { name, ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }
}
