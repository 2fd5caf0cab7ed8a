import { sql, type Kysely, type Transaction } from 'kysely';
import { COMMENT_STATUS } from '../../domain/comment.ts';
import type { Database } from '../schema.ts';

/** Ids per statement: well under either database's bind limit. */
const CHUNK = 500;

/** Recomputes these nodes' published-comment counts from the comment rows. */
export async function recountComments(db: Transaction<Database> | Kysely<Database>, nids: readonly number[]): Promise<void> {
  const unique = [...new Set(nids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    await sql`update nodes set comment_count = (select count(*) from comments c where c.nid = nodes.nid and c.status = ${COMMENT_STATUS.published})
      where nid in (${sql.join(unique.slice(i, i + CHUNK))})`.execute(db);
  }
}
