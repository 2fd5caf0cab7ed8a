import type { Kysely } from 'kysely';

/** The content schema of the foundation: nodes, taxonomy, authors, blogs, comments, paths. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('nodes')
    .addColumn('nid', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('summary', 'text')
    .addColumn('teaser', 'text', (c) => c.notNull())
    .addColumn('lead_html', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('credit', 'text')
    .addColumn('photo_src', 'text')
    .addColumn('photo_caption', 'text')
    .addColumn('photo_credit', 'text')
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('show_date', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('promoted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('section_tid', 'integer')
    .addColumn('blog_id', 'integer')
    .addColumn('comment_policy', 'text')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('nodes_edition_published').on('nodes').columns(['edition', 'status', 'published_at', 'nid']).execute();
  await db.schema.createIndex('nodes_edition_kind_published').on('nodes').columns(['edition', 'kind', 'status', 'published_at', 'nid']).execute();
  await db.schema.createIndex('nodes_section_published').on('nodes').columns(['section_tid', 'status', 'published_at', 'nid']).execute();
  await db.schema.createIndex('nodes_blog_published').on('nodes').columns(['blog_id', 'status', 'published_at', 'nid']).execute();
  await db.schema.createIndex('nodes_promoted_published').on('nodes').columns(['edition', 'promoted', 'status', 'published_at', 'nid']).execute();

  await db.schema
    .createTable('terms')
    .addColumn('tid', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('parent_tid', 'integer')
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('terms_edition_vocabulary').on('terms').columns(['edition', 'vocabulary', 'weight']).execute();

  await db.schema
    .createTable('node_terms')
    .addColumn('nid', 'integer', (c) => c.notNull())
    .addColumn('tid', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_terms_pk', ['tid', 'published_at', 'nid'])
    .execute();
  await db.schema.createIndex('node_terms_nid').on('node_terms').column('nid').execute();

  await db.schema
    .createTable('authors')
    .addColumn('aid', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('authors_edition_slug').on('authors').columns(['edition', 'slug']).unique().execute();

  await db.schema
    .createTable('node_authors')
    .addColumn('nid', 'integer', (c) => c.notNull())
    .addColumn('aid', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_authors_pk', ['aid', 'published_at', 'nid'])
    .execute();
  await db.schema.createIndex('node_authors_nid').on('node_authors').columns(['nid', 'position']).execute();

  await db.schema
    .createTable('blogs')
    .addColumn('bid', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('uid', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('blogs_edition_uid').on('blogs').columns(['edition', 'uid']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('cid', 'integer', (c) => c.primaryKey())
    .addColumn('nid', 'integer', (c) => c.notNull())
    .addColumn('pid', 'integer')
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('uid', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('homepage', 'text')
    .addColumn('hostname', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_node_thread').on('comments').columns(['nid', 'status', 'thread']).execute();
  await db.schema.createIndex('comments_status_created').on('comments').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('path_aliases')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('canonical', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('path_aliases_pk', ['edition', 'path'])
    .execute();
  await db.schema.createIndex('path_aliases_target').on('path_aliases').columns(['target_type', 'target_id', 'canonical']).execute();

  await db.schema
    .createTable('landing_items')
    .addColumn('landing_nid', 'integer', (c) => c.notNull())
    .addColumn('nid', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('landing_items_pk', ['landing_nid', 'position'])
    .execute();

  await db.schema
    .createTable('corrections')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('nid', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('folio_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

}
