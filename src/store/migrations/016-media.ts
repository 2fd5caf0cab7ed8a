import type { Kysely } from 'kysely';

/**
 * The media library (issue 12, point 5). An item's id is a hash of its edition and original bytes, which
 * also names its derivatives in the media storage, so uploading the same file twice to an edition finds the
 * item already there. `widths` lists the derivative widths made ("480,800,1200"). Imported archive
 * photos keep the old site's path in `legacy_path`, by which the article pages find them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('credit', 'text')
    .addColumn('alt', 'text')
    .addColumn('widths', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addColumn('legacy_path', 'text')
    .execute();
  // The library lists newest first, by keyset (uploaded_at, id).
  await db.schema.createIndex('media_edition_uploaded').on('media').columns(['edition', 'uploaded_at', 'id']).execute();
  await db.schema.createIndex('media_legacy_path').on('media').column('legacy_path').execute();
}
