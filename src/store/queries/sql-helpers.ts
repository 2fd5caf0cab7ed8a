import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';

/**
 * A comment's thread key without its trailing '/', compared byte by byte. Vancodes sort
 * correctly only in binary order; SQLite compares text that way already, but a PostgreSQL
 * database with a linguistic collation (en_US) would ignore '.' and '/', so say "C" there.
 */
export function threadSortKey(dialect: Dialect): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`substr(thread, 1, length(thread) - 1) collate "C"`
    : sql<string>`substr(thread, 1, length(thread) - 1)`;
}

/** The largest thread key in binary order (see threadSortKey). */
export function maxThread(dialect: Dialect): RawBuilder<string | null> {
  return dialect === 'postgres' ? sql<string | null>`max(thread collate "C")` : sql<string | null>`max(thread)`;
}

/** The thread column compared byte by byte (see threadSortKey), for range conditions. */
export function binaryThread(dialect: Dialect): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`thread collate "C"` : sql<string>`thread`;
}

/**
 * A set of ids bound as one parameter, for `in (…)`: a facet count over 2,000 search candidates
 * would otherwise bind 2,000 parameters per query, and building and binding them cost more than
 * the counting.
 */
export function idSet(dialect: Dialect, ids: readonly number[]): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(select unnest(cast(${[...ids]} as integer[])))`
    : sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * Holds a PostgreSQL advisory lock until the transaction ends, so writers that read a table's
 * largest number before they write (ids, save order) take turns across instances: under READ
 * COMMITTED each statement after the wait sees what the previous holder committed. SQLite has one
 * writer at a time already, so there it does nothing. `key` names what is serialised.
 */
export async function lockUntilCommit(trx: Kysely<Database>, dialect: Dialect, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
