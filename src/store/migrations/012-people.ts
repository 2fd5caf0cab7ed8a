import { sql, type Kysely } from 'kysely';

/**
 * People in the newsroom (issue 12, point 1): a user's status (active or disabled), when each
 * session was last used (for the idle limit), and one-time links (invitations and password
 * resets), of which only a hash is kept, so a copy of the database yields no usable link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('status', 'text', (c) => c.notNull().defaultTo('active')).execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);

  await db.schema
    .createTable('user_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    // 'invite' (uid null until accepted; email and role say what the new account will be) or 'reset'.
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('uid', 'integer')
    .addColumn('email', 'text')
    .addColumn('role', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('user_tokens_uid').on('user_tokens').columns(['uid', 'purpose']).execute();
}
