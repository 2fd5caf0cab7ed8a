import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Unavailable } from '../../domain/errors.ts';

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
export const DEFAULT_CACHE_MEGABYTES = 16;

/** A SQLite file opened with Folio's settings; an unusable file throws Unavailable naming it. */
export function openSqlite(file: string, cacheMegabytes: number): SqliteDatabase.Database {
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

/** Prepared statements kept per SQL text; Folio's queries are a few hundred distinct texts. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * What `make` gives for each SQL text, made once and kept (all dropped past the bound, which only
 * SQL with inlined values could reach). Kysely and the read thread prepare every query afresh
 * otherwise, which costs more than running most of ours.
 */
export function statementCache<T>(make: (sql: string) => T): (sql: string) => T {
  const cache = new Map<string, T>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      statement = make(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
