import type { Kysely } from 'kysely';

/**
 * Translation sets, as Drupal's node.tnid: every node of a set carries the nid of the set's
 * source, so an English archive article and its Arabic translation find each other by one
 * index lookup. A separate table keeps the nodes table (and the frozen archive's rows) untouched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('translations')
    .addColumn('nid', 'integer', (c) => c.primaryKey())
    .addColumn('tnid', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('translations_tnid').on('translations').columns(['tnid', 'nid']).execute();
}
