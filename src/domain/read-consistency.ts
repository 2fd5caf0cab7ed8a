/**
 * Where reads go when a streaming replica serves them: the store implements this, the web layer
 * carries a writer's position from one request to the next (a cookie), and the runtime uses it
 * to keep caches honest. Without a replica every method is a no-op: all reads are on the primary.
 *
 * A position is PostgreSQL's WAL location as text ("16/B374D848"); treat it as opaque.
 */
export interface ReadConsistency {
  /** Whether reads may be served by a replica at all (false: one database for everything). */
  readonly replicated: boolean;
  /**
   * Runs `fn` with every read in it (and in what it awaits) at least as fresh as `position`:
   * on the replica once it has replayed that far, on the primary before. null: any replica will do.
   */
  readAfter<T>(position: string | null, fn: () => T): T;
  /** Runs `fn` with every read in it on the primary (values that must never be stale). */
  onPrimary<T>(fn: () => T): T;
  /** The primary's current position: a writer's next reads wait for it. null without a replica. */
  writePosition(): Promise<string | null>;
  /**
   * Calls `callback` once the replica has replayed everything the primary has written by now
   * (at once without a replica, or while the replica is down and reads are on the primary).
   */
  afterReplay(callback: () => void): void;
  /** Whether a position is a well-formed one (cookies come from clients). */
  isPosition(text: string): boolean;
}

/** A read replica's state, for readiness and metrics. */
export interface ReplicaState {
  /** Resolves when the replica answers and is not too far behind; rejects with what is wrong. */
  probe(): Promise<void>;
  /** Seconds it is behind the primary (0: it has replayed everything); null while it is down. */
  lagSeconds(): number | null;
}

/** Database connections in use, as metrics report them. */
export interface PoolUse {
  /** "primary" or "replica". */
  readonly pool: string;
  /** Connections open (idle and busy). */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
}
