import { sql, type Kysely } from 'kysely';

/**
 * The order in which an article's revisions were saved (issue 14's review: revision order).
 * Revision times are whole seconds, and ties used to be broken by content hash, so two saves in
 * one second were listed in an arbitrary order and the "current revision" label could sit on the
 * older one. `saved_seq` grows with every save, across the whole table: each writer numbers its
 * rows after the largest in the table, read in its own transaction (store/queries/save-order.ts;
 * the index serves that read). Existing rows keep the order they were listed in: by time, then
 * content hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('node_revisions').addColumn('saved_seq', 'bigint').execute();
  await sql`update node_revisions set saved_seq = o.n from (
      select nid, content_hash, row_number() over (order by revised_at, nid, content_hash) as n from node_revisions
    ) as o where node_revisions.nid = o.nid and node_revisions.content_hash = o.content_hash`.execute(db);
  await db.schema.createIndex('node_revisions_saved_seq').on('node_revisions').column('saved_seq').execute();
}
