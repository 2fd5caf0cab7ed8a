import type { Kysely } from 'kysely';

/**
 * Imports: every revision of a node with its content hash (fixity, and the Mementos of a later
 * issue), what each imported item became (so re-running an import updates instead of duplicating),
 * the import runs themselves, and the old paths of deliberately removed items (410 Gone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('node_revisions')
    .addColumn('nid', 'integer', (c) => c.notNull())
    // SHA-256 of the revision's canonical content: the revision's identity, so a capture seen twice is one revision.
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source_vid', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('credit', 'text')
    .addColumn('photo_src', 'text')
    .addColumn('photo_caption', 'text')
    .addColumn('photo_credit', 'text')
    .addColumn('revised_at', 'bigint', (c) => c.notNull())
    .addColumn('log', 'text')
    .addPrimaryKeyConstraint('node_revisions_pk', ['nid', 'content_hash'])
    .execute();
  await db.schema.createIndex('node_revisions_nid_time').on('node_revisions').columns(['nid', 'revised_at']).execute();

  await db.schema
    .createTable('import_items')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('folio_id', 'integer', (c) => c.notNull())
    // The item's merged, normalised fields as JSON: a re-run compares against them to tell "unchanged".
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('original_url', 'text')
    .addColumn('captured_at', 'bigint')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_items_pk', ['edition', 'item_type', 'item_key'])
    .execute();
  await db.schema.createIndex('import_items_target').on('import_items').columns(['item_type', 'folio_id']).execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('run_id', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('summary', 'text')
    .execute();

  await db.schema
    .createTable('gone_paths')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('gone_paths_pk', ['edition', 'path'])
    .execute();
}
