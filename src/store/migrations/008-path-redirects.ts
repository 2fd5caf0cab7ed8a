import { sql, type Kysely } from 'kysely';

/**
 * Old paths that redirect to a page Folio serves at a fixed route rather than to an item (issue 11):
 * a Drupal alias of a system path such as "node" (the front listing), "blog" or "rss.xml". Items'
 * old paths stay in path_aliases; these hold the target as a path. Looked up like path_aliases:
 * byte for byte, then case-insensitively.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('path_redirects')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    // Without leading slash and without the edition's prefix: "node", "rss.xml", "taxonomy/term/5/feed".
    .addColumn('location', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('path_redirects_pk', ['edition', 'path'])
    .execute();
  await sql`create index path_redirects_lower on path_redirects (edition, lower(path))`.execute(db);
}
