import type { Insertable, Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { Database, NodeRevisionsTable } from '../schema.ts';
import { lockUntilCommit } from './sql-helpers.ts';

/** A node_revisions row before it has its place in save order. */
export type UnorderedRevisionRow = Omit<Insertable<NodeRevisionsTable>, 'saved_seq'>;

/**
 * The key of the PostgreSQL advisory lock that revision writes hold until their transaction ends
 * (any constant unlike the comment-write lock's; this one spells "Revs").
 */
const REVISION_ORDER_LOCK = 0x52657673;

/**
 * Rows about to be inserted into node_revisions, numbered in save order after every row the
 * table holds (020-revision-order), in the order given. Read in the writing transaction. SQLite
 * has one writer at a time. On PostgreSQL several instances save at once: without a lock two
 * transactions read the same largest number and their revisions tie (listed in content-hash
 * order, so "current" could label the older). Under the lock, held until commit, the next
 * transaction's read sees what the previous one wrote (READ COMMITTED takes a snapshot per
 * statement). Saves are an editor's click or an import's batch, so serialising them costs nothing
 * a reader waits on.
 */
export async function inSaveOrder(trx: Kysely<Database>, dialect: Dialect, rows: readonly UnorderedRevisionRow[]): Promise<Insertable<NodeRevisionsTable>[]> {
  if (rows.length === 0) return [];
  await lockUntilCommit(trx, dialect, REVISION_ORDER_LOCK);
  const last = await trx.selectFrom('node_revisions').select((eb) => eb.fn.max('saved_seq').as('n')).executeTakeFirst();
  const base = Number(last?.n ?? 0);
  return rows.map((row, i) => ({ ...row, saved_seq: base + i + 1 }));
}
