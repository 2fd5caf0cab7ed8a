import type SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import type { Database } from '../schema.ts';
import type { Connection } from '../connection.ts';
import { SINGLE_DATABASE } from '../single-database.ts';
import { diskFullAsStorageFull } from './disk-full.ts';
import { loadRankExtension, RANK_EXTENSION_FILE } from './rank-extension.ts';
import { SqliteReadThread } from './read-thread-client.ts';
import { DEFAULT_CACHE_MEGABYTES, openSqlite, statementCache } from './open-sqlite.ts';

/**
 * Kysely prepares every query afresh; reusing the prepared statement for the same SQL text halves
 * the cost of a typical page's queries.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, file: string): SqliteDialectDatabase {
  const prepare = statementCache((sql) => (sql === 'rollback' ? rollbackIfOpen(sqlite, file) : fullDiskExplained(sqlite.prepare(sql), file)));
  return { close: () => sqlite.close(), prepare };
}

/**
 * A statement whose "disk is full" failure becomes StorageFull (a 507 page, a one-line CLI
 * message). A try around the call costs nothing measurable on the page-read path.
 */
function fullDiskExplained(statement: SqliteDatabase.Statement, file: string): ReturnType<SqliteDialectDatabase['prepare']> {
  return {
    reader: statement.reader,
    all(parameters) {
      try {
        return statement.all(parameters);
      } catch (err) {
        throw diskFullAsStorageFull(err, file);
      }
    },
    run(parameters) {
      try {
        return statement.run(parameters);
      } catch (err) {
        throw diskFullAsStorageFull(err, file);
      }
    },
    iterate(parameters) {
      return statement.iterate(parameters) as IterableIterator<unknown>;
    },
  };
}

/**
 * Kysely's ROLLBACK after a failed transaction. After some errors (a full disk, an I/O error)
 * SQLite has already rolled the transaction back itself, and a second ROLLBACK fails with "no
 * transaction is active", an error that replaced the real one (a full disk answered a bare 500).
 * Rolling back only a transaction that is still open lets the real error through.
 */
function rollbackIfOpen(sqlite: SqliteDatabase.Database, file: string): ReturnType<SqliteDialectDatabase['prepare']> {
  const rollback = fullDiskExplained(sqlite.prepare('rollback'), file);
  return {
    reader: false,
    all: (parameters) => (sqlite.inTransaction ? rollback.all(parameters) : []),
    run: (parameters) => (sqlite.inTransaction ? rollback.run(parameters) : { changes: 0, lastInsertRowid: 0 }),
    iterate: (parameters) => rollback.iterate(parameters),
  };
}

function kyselyOver(sqlite: SqliteDatabase.Database, file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, file) }) });
}

/** A SQLite file opened with Folio's settings, wrapped for Kysely; an unusable file throws Unavailable naming it. */
export function openSqliteKysely(file: string, cacheMegabytes = DEFAULT_CACHE_MEGABYTES): Kysely<Database> {
  return kyselyOver(openSqlite(file, cacheMegabytes), file);
}

/** How a SQLite connection is opened, beyond its file and cache. */
export interface SqliteOptions {
  /** The search ranking extension to load (null: none, so search ranks with FTS5's bm25()). */
  readonly rankExtension?: string | null;
  /**
   * Serve readDb from a second connection on a thread of its own (read-thread-client.ts): the
   * server asks for it, as it asks PostgreSQL for its replica; commands and tests read in place.
   */
  readonly readThread?: boolean;
}

/** Opens (creating if needed) a SQLite database file, or ':memory:' (which has no read thread: nothing else can open it). */
export function connectSqlite(file: string, cacheMegabytes = DEFAULT_CACHE_MEGABYTES, options: SqliteOptions = {}): Connection {
  const sqlite = openSqlite(file, cacheMegabytes);
  const searchRanking = loadRankExtension(sqlite, options.rankExtension === undefined ? RANK_EXTENSION_FILE : options.rankExtension);
  const db = kyselyOver(sqlite, file);
  const reads = options.readThread && file !== ':memory:' ? new SqliteReadThread(file, cacheMegabytes) : null;
  return {
    db,
    searchRanking,
    readDb: reads?.kysely() ?? db,
    dialect: 'sqlite',
    describe: `sqlite:${file}`,
    consistency: SINGLE_DATABASE,
    replica: null,
    // No pool to report: better-sqlite3 is one synchronous connection (plus the comment writer
    // thread's and the read thread's), so "idle" and "waiting" have no meaning; the write queue's depth says more.
    poolUse: () => [],
    sqliteFile: file === ':memory:' ? null : file,
    // Opening the file above already proved it usable.
    ready: async () => undefined,
    async close() {
      await reads?.close();
      await db.destroy();
    },
  };
}
