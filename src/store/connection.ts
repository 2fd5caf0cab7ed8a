import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { PoolUse, ReadConsistency, ReplicaState } from '../domain/read-consistency.ts';
import type { SearchRanking } from './types/search-store.ts';

/** Which SQL engine is behind a connection. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database. Only main.ts (and test support) choose which kind to open. */
export interface Connection {
  /** The primary: writes, and reads that must see them. */
  readonly db: Kysely<Database>;
  /** Reads that may be served by a streaming replica (the same handle as `db` without one). */
  readonly readDb: Kysely<Database>;
  /** Where reads go, and read-your-writes across requests (see postgres/replica-router.ts). */
  readonly consistency: ReadConsistency;
  /** The read replica's state; null without one. */
  readonly replica: ReplicaState | null;
  /** Connections in use per pool (none for SQLite, which has no pool). */
  poolUse(): PoolUse[];
  readonly dialect: Dialect;
  /** The location without any password, safe to print. */
  readonly describe: string;
  /** The SQLite file, so a second connection (the comment writer thread) can open it; null otherwise. */
  readonly sqliteFile?: string | null;
  /** How SQLite search ranks (whether the ranking extension loaded); absent for PostgreSQL. */
  readonly searchRanking?: SearchRanking;
  /** Resolves when the database answers; rejects with an Unavailable error that names it and says how to fix it. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
