import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The tables whose integer ids Folio hands out itself, and their id columns. */
export const ID_COLUMNS = {
  node: ['nodes', 'nid'],
  term: ['terms', 'tid'],
  author: ['authors', 'aid'],
  blog: ['blogs', 'bid'],
  comment: ['comments', 'cid'],
  correction: ['corrections', 'id'],
  moderation: ['moderation_log', 'id'],
  user: ['users', 'uid'],
  importRun: ['import_runs', 'run_id'],
} as const;

export type IdKind = keyof typeof ID_COLUMNS;

/** The largest id of a kind in use (0 when none); ids are allocated above it. */
export async function maxId(db: Kysely<Database>, kind: IdKind): Promise<number> {
  const [table, column] = ID_COLUMNS[kind];
  const row = await sql<{ n: number | null }>`select max(${sql.ref(column)}) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
