import { sql, type Kysely } from 'kysely';

/**
 * Related items and section neighbours, precomputed per article (issue 14, point 1): ranking
 * them on every cache miss read up to a hundred index entries per tag and took three statements.
 * A row holds the ranked candidates (more than the page shows: the read keeps only published
 * ones) and the previous and next published items of the article's section. An article without
 * a row is ranked on the spot, as before, so a database migrated without a rebuild stays correct.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('node_related')
    .addColumn('nid', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    // Candidate node ids, best first, comma-separated: always read whole, never searched.
    .addColumn('related', 'text', (c) => c.notNull())
    .addColumn('previous_nid', 'integer')
    .addColumn('next_nid', 'integer')
    .execute();
  await db.schema.createIndex('node_related_edition').on('node_related').column('edition').execute();
  // Scheduled publishing's claim (status 2, due by now) runs every few seconds on every instance;
  // without this it read every node (127 ms on 100,000 articles, a stall of the page server).
  // Partial, so it holds only scheduled nodes and no query about published ones can pick it
  // (a full (status, published_at) index lured SQLite into scanning every published node for
  // `nid in (…) and status = 1`). The claim names status 2 literally, as the index does.
  await sql`create index nodes_scheduled on nodes (published_at) where status = 2`.execute(db);
}
