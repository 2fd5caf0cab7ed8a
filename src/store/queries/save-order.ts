import type { Insertable, Kysely } from 'kysely';
import type { Database, NodeRevisionsTable } from '../schema.ts';

/** A node_revisions row before it has its place in save order. */
export type UnorderedRevisionRow = Omit<Insertable<NodeRevisionsTable>, 'saved_seq'>;

/**
 * Rows about to be inserted into node_revisions, numbered in save order after every row the
 * table holds (020-revision-order), in the order given. Read in the writing transaction: on
 * SQLite, the one writer; on PostgreSQL two transactions saving at once may take the same number,
 * which leaves those two in content-hash order, as every tie was before.
 */
export async function inSaveOrder(trx: Kysely<Database>, rows: readonly UnorderedRevisionRow[]): Promise<Insertable<NodeRevisionsTable>[]> {
  if (rows.length === 0) return [];
  const last = await trx.selectFrom('node_revisions').select((eb) => eb.fn.max('saved_seq').as('n')).executeTakeFirst();
  const base = Number(last?.n ?? 0);
  return rows.map((row, i) => ({ ...row, saved_seq: base + i + 1 }));
}
