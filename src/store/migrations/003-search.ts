import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Full-text search. The text indexed is Folio's own normalised tokens (Arabic folded and
 * light-stemmed, Latin lower-cased and unaccented: src/text/arabic-normalize.ts), so SQLite and
 * PostgreSQL see the same words; each engine adds only English stemming (porter / 'english').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_docs')
    .addColumn('nid', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_docs_edition_published').on('search_docs').columns(['edition', 'published_at', 'nid']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table search_docs add column document tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_docs_document on search_docs using gin (document)`.execute(db);
  } else {
    // Title, body and metadata (authors, tags, section, credit) as columns, so bm25 can weigh them.
    await sql`create virtual table search_fts using fts5(title, body, meta, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
  }
}
