import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import type { Database } from '../schema.ts';
import type { Connection } from '../connection.ts';
import { Unavailable } from '../../domain/errors.ts';
import { SINGLE_DATABASE } from '../single-database.ts';
import { diskFullAsStorageFull } from './disk-full.ts';
import { loadRankExtension, RANK_EXTENSION_FILE } from './rank-extension.ts';

/** Prepared statements kept per SQL text; Folio's queries are a few hundred distinct texts. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query afresh, which costs more than running most of ours. Reusing the
 * prepared statement for the same SQL text halves the cost of a typical page's queries.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, file: string): SqliteDialectDatabase {
  const cache = new Map<string, ReturnType<SqliteDialectDatabase['prepare']>>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sql === 'rollback' ? rollbackIfOpen(sqlite, file) : fullDiskExplained(sqlite.prepare(sql), file);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
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

/** Why a SQLite file could not be opened, in words an operator can act on. */
function openFailure(file: string, err: unknown): Unavailable {
  const e = err as { code?: string; message?: string; syscall?: string; path?: string };
  let reason = e.message ?? String(err);
  if (e.syscall === 'mkdir') reason = `cannot create its folder ${e.path ?? dirname(file)} (${e.code}: ${e.code === 'EEXIST' || e.code === 'ENOTDIR' ? 'a file is in the way' : 'permission or path problem'})`;
  else if (e.code === 'SQLITE_CANTOPEN') reason = 'unable to open the file (is the path a folder, or is its folder not writable?)';
  else if (e.code === 'SQLITE_NOTADB') reason = 'the file is not a SQLite database';
  return new Unavailable(`cannot open SQLite database ${file}: ${reason}. Set FOLIO_DATABASE_URL (or --database) to sqlite:<a writable file>`, { cause: err });
}

/** SQLite's page cache per connection unless the caller asks for another size. */
const DEFAULT_CACHE_MEGABYTES = 16;

/** A SQLite file opened with Folio's settings; an unusable file throws Unavailable naming it. */
function openSqlite(file: string, cacheMegabytes: number): SqliteDatabase.Database {
  let sqlite: SqliteDatabase.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new SqliteDatabase(file);
    // The first statement reads the file's header: a file that is not a database fails here.
    sqlite.pragma('journal_mode = WAL');
  } catch (err) {
    throw openFailure(file, err);
  }
  // WAL lets readers go on while a writer commits. FULL syncs the WAL on every commit, so an
  // acknowledged comment survives a power cut, not just a process crash; comment writes are
  // group-committed (store/comment-write-queue.ts) so that fsync is shared by a batch.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${Math.round(cacheMegabytes * 1024)}`);
  // No mmap: mapped pages count against the server's resident memory, and the page cache
  // above SQLite already keeps what readers ask for most.
  sqlite.pragma('mmap_size = 0');
  sqlite.pragma('temp_store = MEMORY');
  return sqlite;
}

function kyselyOver(sqlite: SqliteDatabase.Database, file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, file) }) });
}

/** A SQLite file opened with Folio's settings, wrapped for Kysely; an unusable file throws Unavailable naming it. */
export function openSqliteKysely(file: string, cacheMegabytes = DEFAULT_CACHE_MEGABYTES): Kysely<Database> {
  return kyselyOver(openSqlite(file, cacheMegabytes), file);
}

/**
 * Opens (creating if needed) a SQLite database file, or ':memory:'. `rankExtension` is the search
 * ranking extension to load (null: none, so search ranks with FTS5's bm25()).
 */
export function connectSqlite(file: string, cacheMegabytes = DEFAULT_CACHE_MEGABYTES, options: { rankExtension?: string | null } = {}): Connection {
  const sqlite = openSqlite(file, cacheMegabytes);
  const searchRanking = loadRankExtension(sqlite, options.rankExtension === undefined ? RANK_EXTENSION_FILE : options.rankExtension);
  const db = kyselyOver(sqlite, file);
  return {
    db,
    searchRanking,
    readDb: db,
    dialect: 'sqlite',
    describe: `sqlite:${file}`,
    consistency: SINGLE_DATABASE,
    replica: null,
    // No pool to report: better-sqlite3 is one synchronous connection (plus the comment writer
    // thread's), so "idle" and "waiting" have no meaning; the write queue's depth says more.
    poolUse: () => [],
    sqliteFile: file === ':memory:' ? null : file,
    // Opening the file above already proved it usable.
    ready: async () => undefined,
    async close() {
      await db.destroy();
    },
  };
}
