import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { PoolUse, ReadConsistency } from '../../domain/read-consistency.ts';
import { isConnectionFailure } from './connection-failure.ts';
import { ReplicaLag } from './replica-lag.ts';

/** How often the replica's replay position is read (and a dead replica noticed, or a revived one). */
const MONITOR_INTERVAL_MS = 500;
/**
 * A replica further behind than this serves no reads: every reader would see a site that long
 * out of date (a stuck replay, a broken WAL stream). Streaming replicas normally lag by
 * milliseconds; 30 s is well past any healthy hiccup and short for a newspaper's front page.
 */
const MAX_LAG_SECONDS = 30;
/** Callbacks kept waiting for replay at most (one per change; a stuck replica would pile them up). */
const MAX_WAITING = 1_000;
/** How long a read waits to connect to the replica before it is called down and the primary used. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/** "16/B374D848" → a number that orders positions; null when the text is not a WAL position. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

/** What a request asked of its reads: a floor position, or the primary only. */
type ReadScope = { readonly floor: bigint | null } | { readonly primaryOnly: true };

/** SQLSTATE 40001 on a hot standby: a query cancelled because replay needed its rows. */
function isRecoveryConflict(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '40001' && /conflict with recovery/i.test(String((err as Error).message));
}

/**
 * Sends reads to a streaming replica and keeps the writer's reads honest.
 *
 * Read-your-writes is by WAL position, not by a fixed time window: after a write the web layer
 * asks for the primary's position (pg_current_wal_lsn(), taken after the commit, so at or past
 * it) and hands it to that client in a short-lived cookie. Reads made "after" a position go to
 * the replica only once its replayed position (pg_last_wal_replay_lsn(), read every
 * MONITOR_INTERVAL_MS) has reached it, and to the primary until then. A fixed window would be
 * wrong both ways: too long when the replica is milliseconds behind (needless primary load),
 * too short when it lags more than the window (the writer would see its comment vanish).
 *
 * A replica that does not answer is called down at once, its failed read is run again on the
 * primary (reads are idempotent), and every read goes to the primary until the monitor finds it
 * back and has replayed what the primary had when it answered again. A replica more than
 * MAX_LAG_SECONDS behind serves no reads either. So a dead or stuck replica costs capacity, never
 * pages.
 */
export class ReplicaRouter implements ReadConsistency {
  readonly replicated = true;
  private readonly replica: pg.Pool;
  private readonly scope = new AsyncLocalStorage<ReadScope>();
  private replayed: bigint | null = null;
  private up = false;
  private problem = 'not checked yet';
  private checking: Promise<void> | null = null;
  private monitor: NodeJS.Timeout | null = null;
  private waiting: { target: bigint; callback: () => void }[] = [];
  private readonly lag = new ReplicaLag(2 * MAX_LAG_SECONDS * 1000);
  private lagSeconds = 0;
  /** While the replica is not serving: the position it must replay before it does again. */
  private catchUpTo: bigint | null = null;
  /** Whether its outage was logged (its return then is too): one line each way. */
  private reportedDown = false;

  constructor(
    private readonly primary: pg.Pool,
    private readonly primaryPool: PostgresPool,
    replicaUrl: string,
    poolSize: number,
    private readonly warn: (message: string) => void = (m) => void process.emitWarning(m),
    private readonly maxLagSeconds = MAX_LAG_SECONDS,
    private readonly clock: () => number = Date.now,
  ) {
    this.replica = new pg.Pool({ connectionString: replicaUrl, max: poolSize, connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS });
    this.replica.on('error', () => undefined); // an idle connection cut: the pool replaces it; the monitor reports the outage
  }

  /** Starts watching the replica (after the first check, so the first reads already use it). */
  async start(): Promise<void> {
    await this.check();
    if (this.monitor) return;
    this.monitor = setInterval(() => void this.check(), MONITOR_INTERVAL_MS);
    this.monitor.unref();
  }

  readAfter<T>(position: string | null, fn: () => T): T {
    return this.scope.run({ floor: parseLsn(position) }, fn);
  }

  onPrimary<T>(fn: () => T): T {
    return this.scope.run({ primaryOnly: true }, fn);
  }

  async writePosition(): Promise<string | null> {
    const result = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return result.rows[0]?.lsn ?? null;
  }

  afterReplay(callback: () => void): void {
    if (!this.up) return callback();
    this.writePosition().then(
      (position) => {
        const target = parseLsn(position);
        if (target === null || !this.up || (this.replayed !== null && this.replayed >= target)) callback();
        else {
          this.waiting.push({ target, callback });
          // A replica that never catches up must not hold callbacks forever: the oldest run now.
          if (this.waiting.length > MAX_WAITING) this.waiting.shift()!.callback();
        }
      },
      () => callback(),
    );
  }

  isPosition(text: string): boolean {
    return parseLsn(text) !== null;
  }

  /** Resolves when the replica answers as a hot standby and is not too far behind; rejects with what is wrong (readiness). */
  async probe(): Promise<void> {
    await this.check();
    if (!this.up) throw new Error(`${this.problem}: reads are served by the primary`);
    if (this.tooFarBehind()) throw new Error(`PostgreSQL replica ${this.lagSeconds.toFixed(1)} s behind the primary (more than ${this.maxLagSeconds} s): reads are served by the primary`);
  }

  /** Seconds the replica is behind the primary (0 when it has replayed everything); null while it is down. */
  replicaLagSeconds(): number | null {
    return this.up ? this.lagSeconds : null;
  }

  /** Connections in use in each pool. */
  poolUse(): PoolUse[] {
    return [this.replica].map((p) => ({ pool: 'replica', total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount }));
  }

  /** The pool Kysely's read handle uses: the replica or the primary, per read (see the class comment). */
  readPool(): PostgresPool {
    return {
      connect: async () => {
        if (this.useReplica()) {
          try {
            return this.wrap(await this.replica.connect());
          } catch (err) {
            this.wentDown(err);
          }
        }
        return this.primaryPool.connect();
      },
      // The primary pool is closed by the primary's own Kysely instance.
      end: () => this.close(),
    };
  }

  /** Stops the monitor and closes the replica's connections. */
  async close(): Promise<void> {
    if (this.monitor) clearInterval(this.monitor);
    this.monitor = null;
    for (const w of this.waiting.splice(0)) w.callback();
    await this.replica.end();
  }

  private useReplica(): boolean {
    const scope = this.scope.getStore();
    if (!this.up || this.replayed === null || this.tooFarBehind()) return false;
    if (scope === undefined) return true;
    if ('primaryOnly' in scope) return false;
    return scope.floor === null || this.replayed >= scope.floor;
  }

  private tooFarBehind(): boolean {
    return this.lagSeconds > this.maxLagSeconds;
  }

  /** A replica connection whose reads are run again on the primary if the replica fails under them. */
  private wrap(client: pg.PoolClient): PostgresPoolClient {
    let fallback: PostgresPoolClient | null = null;
    let broken = false;
    // A replica that goes away while this connection is checked out makes pg emit 'error' on it,
    // which nobody else listens to then: the failed query (or the next connect) reports it.
    const ignore = () => undefined;
    client.on('error', ignore);
    const query = ((...args: unknown[]) => {
      if (fallback) return (fallback.query as (...a: unknown[]) => unknown)(...args);
      const result = (client.query as (...a: unknown[]) => unknown)(...args);
      // A cursor (Kysely's streams) is returned as it is.
      if (!(result instanceof Promise)) return result;
      return result.catch(async (err: unknown) => {
        const down = isConnectionFailure(err);
        if (!down && !isRecoveryConflict(err)) throw err;
        if (down) {
          broken = true;
          this.wentDown(err);
        }
        fallback = await this.primaryPool.connect();
        return (fallback.query as (...a: unknown[]) => unknown)(...args);
      });
    }) as PostgresPoolClient['query'];
    return {
      query,
      release: () => {
        client.off('error', ignore);
        client.release(broken);
        fallback?.release();
      },
    };
  }

  private check(): Promise<void> {
    this.checking ??= this.readReplay().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async readReplay(): Promise<void> {
    // The primary's position first, so a replica that replays it in between is not called behind.
    let primaryAt: bigint | null = null;
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      primaryAt = parseLsn(rows[0]?.lsn);
      if (primaryAt !== null) this.lag.notePrimary(this.clock(), primaryAt);
    } catch {
      // The primary's own outage is reported by the primary's readiness check, not here.
    }
    try {
      const { rows } = await this.replica.query<{ recovering: boolean; lsn: string | null }>('select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as lsn');
      const replayed = parseLsn(rows[0]?.lsn);
      if (!rows[0]?.recovering || replayed === null) {
        this.wentDown(new Error('the replica is not a streaming standby (not in recovery)'));
        return;
      }
      this.replayed = replayed;
      const wasBehind = this.tooFarBehind();
      this.lagSeconds = this.lag.seconds(replayed, this.clock());
      if (this.tooFarBehind() !== wasBehind) {
        this.warn(wasBehind ? 'PostgreSQL replica has caught up: reads go to it again' : `PostgreSQL replica is ${this.lagSeconds.toFixed(1)} s behind the primary: reads go to the primary until it catches up`);
      }
      if (!this.up) {
        // Back (or first seen): it serves reads once it has replayed what the primary had when it
        // answered again. Pages rendered from it meanwhile would be stale and, cached, stay so.
        this.catchUpTo ??= primaryAt ?? replayed;
        if (replayed < this.catchUpTo) {
          this.problem = 'PostgreSQL replica is catching up with the primary';
          return;
        }
        this.catchUpTo = null;
        if (this.reportedDown) this.warn('PostgreSQL replica is back: reads go to it again');
        this.up = true;
        this.reportedDown = false;
        this.problem = '';
      }
      this.release((target) => target <= replayed);
    } catch (err) {
      this.wentDown(err);
    }
  }

  private wentDown(err: unknown): void {
    const problem = `PostgreSQL replica unreachable (${err instanceof Error ? err.message : String(err)})`;
    if (!this.reportedDown) this.warn(`${problem}: reads go to the primary until it is back`);
    this.reportedDown = true;
    this.up = false;
    this.catchUpTo = null;
    this.problem = problem;
    // Reads are on the primary now, so whoever waited for the replica may go on.
    this.release(() => true);
  }

  private release(done: (target: bigint) => boolean): void {
    const ready = this.waiting.filter((w) => done(w.target));
    if (ready.length === 0) return;
    this.waiting = this.waiting.filter((w) => !done(w.target));
    for (const w of ready) w.callback();
  }
}
