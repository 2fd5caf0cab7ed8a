import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { tsqueryExpression } from '../search/match-expression.ts';
import { countIndexed, facetColumns, loadFacetRows, loadIndexSources, RELEVANCE_CANDIDATES } from '../search/index-sources.ts';
import type { IndexDoc, SearchRequest, SearchResult, SearchStore } from '../types.ts';
import { cappedTotal } from '../search/capped-total.ts';

/** PostgreSQL's text search configuration per language: Arabic arrives already stemmed by Folio. */
function config(lang: 'en' | 'ar'): string {
  return lang === 'ar' ? 'simple' : 'english';
}

/** Documents per multi-row statement while indexing: 9 values each, far under PostgreSQL's bind limit. */
const INDEX_CHUNK = 200;

/** Full-text search on PostgreSQL tsvector/tsquery with a GIN index. */
export class PostgresSearchStore implements SearchStore {
  readonly ranking = 'ts_rank_cd';

  /** `readDb` answers searches (a replica when there is one); `db` writes the index and reads it back for reindexing. */
  constructor(private readonly db: Kysely<Database>, private readonly langOf: (edition: string) => 'en' | 'ar', private readonly readDb: Kysely<Database> = db) {}

  async index(docs: readonly IndexDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      // The tsvectors are built in bulk: one statement per chunk over a VALUES list, instead of
      // one round trip per document. A node indexed twice in one call keeps its last text.
      const unique = [...new Map(docs.map((d) => [d.nid, d])).values()];
      for (let i = 0; i < unique.length; i += INDEX_CHUNK) {
        const rows = unique.slice(i, i + INDEX_CHUNK).map((d) => {
          const { facet_ids, credit } = facetColumns(d.facets);
          return sql`(${d.nid}::integer, ${d.edition}::text, ${d.publishedAt}::bigint,
          ${config(this.langOf(d.edition))}::regconfig, ${d.text.title}::text, ${d.text.meta}::text, ${d.text.body}::text, ${facet_ids}::text, ${credit}::text)`;
        });
        await sql`insert into search_docs (nid, edition, published_at, document, facet_ids, credit)
          select v.nid, v.edition, v.published_at,
            setweight(to_tsvector(v.cfg, v.title), 'A') || setweight(to_tsvector(v.cfg, v.meta), 'B') || setweight(to_tsvector(v.cfg, v.body), 'D'),
            v.facet_ids, v.credit
          from (values ${sql.join(rows)}) as v (nid, edition, published_at, cfg, title, meta, body, facet_ids, credit)
          on conflict (nid) do update set edition = excluded.edition, published_at = excluded.published_at, document = excluded.document,
            facet_ids = excluded.facet_ids, credit = excluded.credit`.execute(trx);
      }
    });
  }

  async remove(nids: readonly number[]): Promise<void> {
    if (nids.length > 0) await this.db.deleteFrom('search_docs').where('nid', 'in', [...nids]).execute();
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('search_docs').execute();
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const narrowing = (request.facets ?? []).map((t) => ` & '${t}'`).join('');
    const query = sql`to_tsquery(${sql.lit(config(request.lang))}::regconfig, ${`${tsqueryExpression(request.query)}${narrowing}`})`;
    const count = async (limit: number) => Number((await sql<{ n: number }>`select count(*) as n from (select 1 from search_docs
      where edition = ${request.edition} and document @@ ${query} limit ${limit}) as capped`.execute(this.readDb)).rows[0]?.n ?? 0);
    // The same bounded design as SQLite: rank the newest matches, not all of them; count no further
    // than the cap. The rank is computed after the limit, over the candidates' rows only: in the
    // select list of the limited query PostgreSQL scored (and de-TOASTed) every match first.
    // A newest-first page needs no score at all.
    const candidatesSql = sql`select nid from search_docs where edition = ${request.edition} and document @@ ${query}
      order by published_at desc, nid desc limit ${RELEVANCE_CANDIDATES}`;
    const rows = request.sort === 'newest'
      ? (await sql<{ nid: number }>`${candidatesSql}`.execute(this.readDb)).rows.map((r) => ({ nid: r.nid, score: 0 }))
      : (await sql<{ nid: number; score: number }>`select c.nid, ts_rank_cd(d.document, ${query}) as score
        from (${candidatesSql}) as c join search_docs as d on d.nid = c.nid
        order by d.published_at desc, d.nid desc`.execute(this.readDb)).rows;
    const counted = await cappedTotal(rows.length, RELEVANCE_CANDIDATES, request.countCap, count);
    const candidates = rows.map((r) => r.nid);
    if (request.sort === 'newest') {
      const end = request.offset + request.limit;
      // The candidates are already newest first; only pages past them need the index again.
      const page = end <= rows.length || rows.length < RELEVANCE_CANDIDATES
        ? candidates.slice(request.offset, end)
        : (await sql<{ nid: number }>`select nid from search_docs where edition = ${request.edition} and document @@ ${query}
          order by published_at desc, nid desc limit ${request.limit} offset ${request.offset}`.execute(this.readDb)).rows.map((r) => r.nid);
      return { ...counted, hits: page.map((nid) => ({ nid, score: 0 })), candidates };
    }
    const ranked = rows.map((r) => ({ nid: r.nid, score: Number(r.score) })).sort((a, b) => b.score - a.score || b.nid - a.nid);
    return { ...counted, candidates, hits: ranked.slice(request.offset, request.offset + request.limit) };
  }

  facetRows(nids: readonly number[]) {
    return loadFacetRows(this.readDb, 'postgres', nids);
  }

  sourcesForIndexing(afterNid: number, limit: number, nids?: readonly number[]) {
    return loadIndexSources(this.db, afterNid, limit, nids);
  }

  countIndexed(): Promise<number> {
    return countIndexed(this.db);
  }
}
