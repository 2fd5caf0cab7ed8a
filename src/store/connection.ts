import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Which SQL engine is behind a connection. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database. Only main.ts (and test support) choose which kind to open. */
export interface Connection {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The location without any password, safe to print. */
  readonly describe: string;
  /** The SQLite file, so a second connection (the comment writer thread) can open it; null otherwise. */
  readonly sqliteFile?: string | null;
  /** Resolves when the database answers; rejects with an Unavailable error that names it and says how to fix it. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
