import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's search index holds the edition (issue 14, point 3). Every search names one
 * edition, but the GIN index held only the tsvector: a word common in the other edition was
 * found there, its rows fetched from the heap and only then dropped by `edition = …`. A
 * composite GIN over (edition, document), with btree_gin for the text column, narrows to the
 * edition inside the index. btree_gin ships with PostgreSQL and is a trusted extension (13+),
 * so a database owner can add it; where it cannot be had, the old index stays and searches stay
 * correct, only slower. SQLite filters the edition by search_docs' primary key (sqlite/search-store.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const available = await sql<{ name: string }>`select name from pg_available_extensions where name = 'btree_gin'`.execute(db);
  if (available.rows.length === 0) return;
  await sql`create extension if not exists btree_gin`.execute(db);
  await sql`create index search_docs_edition_document on search_docs using gin (edition, document)`.execute(db);
  await sql`drop index if exists search_docs_document`.execute(db);
}
