import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { fts5Expression } from '../search/match-expression.ts';
import { countIndexed, loadFacetRows, loadIndexSources, RELEVANCE_CANDIDATES } from '../search/index-sources.ts';
import type { IndexedText, SearchRequest, SearchResult, SearchStore } from '../types.ts';


/** Column weights for bm25: a title match counts most, then authors, tags and section. */
const BM25 = sql`bm25(search_fts, 10.0, 1.0, 4.0)`;

/** Documents per multi-row statement while indexing: 4 values each, far under SQLite's bind limit. */
const INDEX_CHUNK = 200;

/** The edition is indexed as a token in the meta column, so filtering by it stays inside FTS5. */
function editionToken(edition: string): string {
  return `folioedition${edition}`;
}

/** Full-text search on SQLite FTS5. */
export class SqliteSearchStore implements SearchStore {
  constructor(private readonly db: Kysely<Database>) {}

  async index(docs: readonly { nid: number; edition: string; publishedAt: number; text: IndexedText }[]): Promise<void> {
    if (docs.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      // Multi-row statements: one per chunk instead of three per document (an import indexes
      // thousands at a time). A node indexed twice in one call keeps its last text.
      const unique = [...new Map(docs.map((d) => [d.nid, d])).values()];
      for (let i = 0; i < unique.length; i += INDEX_CHUNK) {
        const part = unique.slice(i, i + INDEX_CHUNK);
        await sql`delete from search_fts where rowid in (${sql.join(part.map((d) => d.nid))})`.execute(trx);
        await sql`insert into search_fts (rowid, title, body, meta) values ${sql.join(part.map((d) => sql`(${d.nid}, ${d.text.title}, ${d.text.body}, ${`${d.text.meta} ${editionToken(d.edition)}`})`))}`.execute(trx);
        await trx.insertInto('search_docs').values(part.map((d) => ({ nid: d.nid, edition: d.edition, published_at: d.publishedAt })))
          .onConflict((oc) => oc.column('nid').doUpdateSet((eb) => ({ edition: eb.ref('excluded.edition'), published_at: eb.ref('excluded.published_at') }))).execute();
      }
    });
  }

  async remove(nids: readonly number[]): Promise<void> {
    if (nids.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const nid of nids) await sql`delete from search_fts where rowid = ${nid}`.execute(trx);
      await trx.deleteFrom('search_docs').where('nid', 'in', [...nids]).execute();
    });
  }

  async clear(): Promise<void> {
    await sql`delete from search_fts`.execute(this.db);
    await this.db.deleteFrom('search_docs').execute();
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const narrowing = [editionToken(request.edition), ...(request.facets ?? [])].map((t) => `meta : ${t}`).join(' AND ');
    const match = `${narrowing} AND (${fts5Expression(request.query)})`;
    const total = Number((await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${match}`.execute(this.db)).rows[0]?.n ?? 0);
    if (request.sort === 'newest') {
      // rowid is the nid; the demo and imports number nodes in publication order, and the
      // published_at join below corrects the few that are not.
      const rows = await sql<{ nid: number }>`select search_docs.nid as nid from search_docs
        where search_docs.nid in (select rowid from search_fts where search_fts match ${match})
        order by search_docs.published_at desc, search_docs.nid desc limit ${request.limit} offset ${request.offset}`.execute(this.db);
      return { total, hits: rows.rows.map((r) => ({ nid: r.nid, score: 0 })), candidates: await this.newestMatches(match) };
    }
    const rows = await sql<{ nid: number; score: number }>`select rowid as nid, ${BM25} as score from search_fts
      where search_fts match ${match} order by rowid desc limit ${RELEVANCE_CANDIDATES}`.execute(this.db);
    // bm25 is lower-is-better in FTS5.
    const ranked = [...rows.rows].sort((a, b) => a.score - b.score || b.nid - a.nid);
    return {
      total, candidates: rows.rows.map((r) => r.nid),
      hits: ranked.slice(request.offset, request.offset + request.limit).map((r) => ({ nid: r.nid, score: -r.score })),
    };
  }

  private async newestMatches(match: string): Promise<number[]> {
    const rows = await sql<{ nid: number }>`select rowid as nid from search_fts where search_fts match ${match} order by rowid desc limit ${RELEVANCE_CANDIDATES}`.execute(this.db);
    return rows.rows.map((r) => r.nid);
  }

  facetRows(nids: readonly number[]) {
    return loadFacetRows(this.db, 'sqlite', nids);
  }

  sourcesForIndexing(afterNid: number, limit: number, nids?: readonly number[]) {
    return loadIndexSources(this.db, afterNid, limit, nids);
  }

  countIndexed(): Promise<number> {
    return countIndexed(this.db);
  }
}
