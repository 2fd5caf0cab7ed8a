import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { COMMENT_STATUS } from '../../domain/comment.ts';
import type { Database } from '../schema.ts';
import type { Dialect } from '../connection.ts';
import { threadSortKey } from './sql-helpers.ts';

/** Ids per statement: well under either database's bind limit. */
const CHUNK = 500;

/**
 * A node's shown comment count: its published comments, or what an old listing showed for it when
 * that is more (an item known only from its teaser, migration 017). The outer column is constant
 * within the aggregate, so the one subquery serves SQLite and PostgreSQL alike.
 */
export const SHOWN_COMMENT_COUNT = sql<number>`(select case when count(*) > nodes.listed_comments then count(*) else nodes.listed_comments end
  from comments c where c.nid = nodes.nid and c.status = ${COMMENT_STATUS.published})`;

/** Recomputes these nodes' published-comment counts from the comment rows. */
export async function recountComments(db: Transaction<Database> | Kysely<Database>, nids: readonly number[]): Promise<void> {
  const unique = [...new Set(nids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    await sql`update nodes set comment_count = ${SHOWN_COMMENT_COUNT}
      where nid in (${sql.join(unique.slice(i, i + CHUNK))})`.execute(db);
  }
}

/**
 * How many published comments of a node come before a thread key (a thread without its trailing
 * '/', as Drupal sorts them: see threadSortKey): a comment's place in thread order, hence its
 * comment page. The one rule for it, counted by the writer for a new comment and by
 * ContentReader.commentPosition for a linked one.
 */
export function publishedCommentsBefore(db: QueryCreator<Database>, dialect: Dialect, nid: number, key: string) {
  return db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nid', '=', nid).where('status', '=', COMMENT_STATUS.published).where(threadSortKey(dialect), '<', key);
}
