import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The order in which an article's revisions were saved (issue 14's review: revision order).
 * Revision times are whole seconds, and ties used to be broken by content hash, so two saves in
 * one second were listed in an arbitrary order and the "current revision" label could sit on the
 * older one. `saved_seq` grows with every save, across the whole table.
 *
 * No writer sets it: PostgreSQL fills it from a sequence (the column default), SQLite from a
 * trigger (max + 1, indexed; not the rowid, which VACUUM may renumber). A save whose content and
 * second equal an existing revision's (the same fixity, so the same row) takes a fresh value by
 * setting the column to NULL on conflict (PostgreSQL: to the proposed row's default), so the
 * revision the node now shows is the newest in save order.
 *
 * Existing rows keep the order they were listed in: by time, then content hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('node_revisions').addColumn('saved_seq', 'bigint').execute();
  await sql`update node_revisions set saved_seq = o.n from (
      select nid, content_hash, row_number() over (order by revised_at, nid, content_hash) as n from node_revisions
    ) as o where node_revisions.nid = o.nid and node_revisions.content_hash = o.content_hash`.execute(db);
  if (postgres) {
    await sql`create sequence node_revisions_saved_seq owned by node_revisions.saved_seq`.execute(db);
    await sql`select setval('node_revisions_saved_seq', coalesce((select max(saved_seq) from node_revisions), 0) + 1, false)`.execute(db);
    await sql`alter table node_revisions alter column saved_seq set default nextval('node_revisions_saved_seq')`.execute(db);
    return;
  }
  await db.schema.createIndex('node_revisions_saved_seq').on('node_revisions').column('saved_seq').execute();
  for (const event of ['insert', 'update of saved_seq']) {
    const name = event === 'insert' ? 'node_revisions_seq_on_insert' : 'node_revisions_seq_on_update';
    await sql.raw(`create trigger ${name} after ${event} on node_revisions for each row when new.saved_seq is null begin
        update node_revisions set saved_seq = (select coalesce(max(saved_seq), 0) + 1 from node_revisions) where rowid = new.rowid;
      end`).execute(db);
  }
}
