import type { Kysely } from 'kysely';

/**
 * The newsroom's articles (issue 12, points 2 and 4): who owns an article (a writer keeps to
 * their own drafts), whether it is in the trash (and since when, so an admin can empty it),
 * whether it is sticky at the top of listings, and who made each revision. Node status values
 * are in domain/node-status.ts: drafts (3) and unpublished articles (0) are never shown to readers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('nodes').addColumn('owner_uid', 'integer').execute();
  await db.schema.alterTable('nodes').addColumn('trashed_at', 'bigint').execute();
  await db.schema.alterTable('nodes').addColumn('sticky', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('node_revisions').addColumn('revised_by', 'integer').execute();
  // The content list filters by edition and status and sorts by last change.
  await db.schema.createIndex('nodes_edition_status_updated').on('nodes').columns(['edition', 'status', 'updated_at']).execute();
}
