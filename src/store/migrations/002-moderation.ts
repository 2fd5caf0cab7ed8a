import type { Kysely } from 'kysely';

/** Users who sign in (moderators, editors, admins), their sessions, and the moderation record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('uid', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('uid', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_uid').on('sessions').column('uid').execute();

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('cid', 'integer', (c) => c.notNull())
    .addColumn('uid', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'integer')
    .addColumn('to_status', 'integer')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_cid').on('moderation_log').columns(['cid', 'at']).execute();

  await db.schema.createIndex('comments_email').on('comments').column('email').execute();
  // The next thread key is the largest on the node (or under a parent): one index probe.
  await db.schema.createIndex('comments_node_thread_key').on('comments').columns(['nid', 'thread']).execute();
  // Flood control counts one address's recent comments on every post.
  await db.schema.createIndex('comments_host_created').on('comments').columns(['hostname', 'created_at']).execute();
}
