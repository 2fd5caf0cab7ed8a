import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the cache-miss article page (issue 14). Every article page asks for its own
 * corrections; without an index on nid that was a scan of the whole corrections table, the
 * costliest statement of the page (0.9 ms of ~4 ms of SQL on a 100,000-article archive).
 * (nid, published_at, id) also gives the page's order, so no sort follows the seek.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index corrections_nid on corrections (nid, published_at, id)`.execute(db);
}
