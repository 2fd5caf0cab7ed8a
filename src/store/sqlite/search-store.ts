import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { fts5Expression } from '../search/match-expression.ts';
import { countIndexed, facetColumns, loadFacetRows, loadIndexSources, RELEVANCE_CANDIDATES } from '../search/index-sources.ts';
import type { IndexDoc, SearchRequest, SearchResult, SearchStore } from '../types.ts';
import { cappedTotal } from '../search/capped-total.ts';
import type { SearchRanking } from '../types/search-store.ts';
import type { QueryNode } from '../../domain/search-query.ts';

/** Without the ranking extension: FTS5's own bm25, which counts each query phrase's matches afresh. */
const FTS5_RANKING: SearchRanking = { fn: 'bm25', note: "FTS5's bm25()" };

/**
 * bm25 with column weights: a title match counts most, then authors, tags and section. With the
 * ranking extension, folio_bm25 gives the same scores but remembers each phrase's document
 * frequency (bm25 walks the phrase's every match for it on each new query); it takes the MATCH
 * expression too, for the column filters and prefixes that set a phrase apart (native/folio_rank.c).
 */
function bm25(ranking: SearchRanking, match: string) {
  return ranking.fn === 'folio_bm25' ? sql`folio_bm25(search_fts, 10.0, 1.0, 4.0, ${match})` : sql`bm25(search_fts, 10.0, 1.0, 4.0)`;
}

/**
 * Nodes published out of nid order that a newest-first page checks one by one before it gives up
 * on its bounded read; each check is a rowid lookup in FTS5.
 */
const LATE_PUBLISHED_CHECKS = 2000;

/** Newest first, as search_docs' index orders them. */
function newestFirst(a: { nid: number; publishedAt: number }, b: { nid: number; publishedAt: number }): number {
  return b.publishedAt - a.publishedAt || b.nid - a.nid;
}
/** Documents per multi-row statement while indexing: 4 values each, far under SQLite's bind limit. */
const INDEX_CHUNK = 200;

/**
 * The edition is indexed as a token in the meta column. Searches do not match on it: it is in
 * nearly every document of an edition, so in a MATCH it cost a walk of a million-entry doclist
 * twice per new query (the AND, and bm25's document frequency of every phrase). They check
 * search_docs' edition by primary key for each match instead (see `matches`).
 */
export function editionToken(edition: string): string {
  return `folioedition${edition}`;
}

/** A search's FTS5 MATCH expression: every facet token in the meta column, and the query. */
export function sqliteMatch(query: QueryNode, facets: readonly string[]): string {
  return [...facets.map((t) => `meta : ${t}`), `(${fts5Expression(query)})`].join(' AND ');
}

/** Full-text search on SQLite FTS5. */
export class SqliteSearchStore implements SearchStore {
  readonly ranking: string;

  constructor(private readonly db: Kysely<Database>, private readonly rankWith: SearchRanking = FTS5_RANKING) {
    this.ranking = rankWith.note;
  }

  async index(docs: readonly IndexDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      // Multi-row statements: one per chunk instead of three per document (an import indexes
      // thousands at a time). A node indexed twice in one call keeps its last text.
      const unique = [...new Map(docs.map((d) => [d.nid, d])).values()];
      for (let i = 0; i < unique.length; i += INDEX_CHUNK) {
        const part = unique.slice(i, i + INDEX_CHUNK);
        await sql`delete from search_fts where rowid in (${sql.join(part.map((d) => d.nid))})`.execute(trx);
        await sql`insert into search_fts (rowid, title, body, meta) values ${sql.join(part.map((d) => sql`(${d.nid}, ${d.text.title}, ${d.text.body}, ${`${d.text.meta} ${editionToken(d.edition)}`})`))}`.execute(trx);
        await trx.insertInto('search_docs').values(part.map((d) => ({ nid: d.nid, edition: d.edition, published_at: d.publishedAt, ...facetColumns(d.facets) })))
          .onConflict((oc) => oc.column('nid').doUpdateSet((eb) => ({
            edition: eb.ref('excluded.edition'), published_at: eb.ref('excluded.published_at'), facet_ids: eb.ref('excluded.facet_ids'), credit: eb.ref('excluded.credit'),
          }))).execute();
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
    const match = sqliteMatch(request.query, request.facets ?? []);
    if (request.sort === 'newest') return this.newest(match, request);
    // FTS5 walks a match's rowids newest first and stops at the limit, so the ranked candidates
    // cost the same for a word in 40 articles or in 400,000.
    const rows = (await sql<{ nid: number; score: number }>`select search_fts.rowid as nid, ${bm25(this.rankWith, match)} as score from ${this.matches(match, request.edition)}
      order by search_fts.rowid desc limit ${RELEVANCE_CANDIDATES}`.execute(this.db)).rows;
    const counted = await cappedTotal(rows.length, RELEVANCE_CANDIDATES, request.countCap, (limit) => this.count(match, request.edition, rows.map((r) => r.nid), limit));
    // bm25 is lower-is-better in FTS5.
    const ranked = [...rows].sort((a, b) => a.score - b.score || b.nid - a.nid);
    return {
      ...counted, candidates: rows.map((r) => r.nid),
      hits: ranked.slice(request.offset, request.offset + request.limit).map((r) => ({ nid: r.nid, score: -r.score })),
    };
  }

  /**
   * The FROM and WHERE of an edition's matches. CROSS JOIN keeps FTS5 the outer loop, so its
   * newest-first walk (ORDER BY rowid, consumed by FTS5) stops at the LIMIT; each match costs one
   * primary-key lookup for its edition.
   */
  private matches(match: string, edition: string) {
    return sql`search_fts cross join search_docs on search_docs.nid = search_fts.rowid
      where search_fts match ${match} and search_docs.edition = ${edition}`;
  }

  /**
   * Matches, counting no further than `limit`. `newest` are the newest matches by nid, already
   * read: the count carries on below the last of them instead of walking them again.
   */
  private async count(match: string, edition: string, newest: readonly number[], limit: number): Promise<number> {
    if (newest.length >= limit) return limit;
    const below = newest.length === 0 ? sql`` : sql` and search_fts.rowid < ${newest[newest.length - 1]!}`;
    const row = (await sql<{ n: number }>`select count(*) as n from (select search_fts.rowid from ${this.matches(match, edition)}${below} limit ${limit - newest.length})`.execute(this.db)).rows[0];
    return newest.length + Number(row?.n ?? 0);
  }

  /**
   * Newest first, exactly, from a bounded read. The newest matches by nid are nearly the newest by
   * date (the demo and imports number nodes in publication order); the only others that can
   * belong on the page are older nodes published later (a draft published days after it was
   * made), which search_docs' date index lists directly: they are checked against the match and
   * merged in. Pages past the candidates, or an archive whose nids run against its dates, take
   * the full walk.
   */
  private async newest(match: string, request: SearchRequest): Promise<SearchResult> {
    const newestByNid = (await sql<{ nid: number }>`select search_fts.rowid as nid from ${this.matches(match, request.edition)}
      order by search_fts.rowid desc limit ${RELEVANCE_CANDIDATES}`.execute(this.db)).rows.map((r) => r.nid);
    const counted = await cappedTotal(newestByNid.length, RELEVANCE_CANDIDATES, request.countCap, (limit) => this.count(match, request.edition, newestByNid, limit));
    const end = request.offset + request.limit;
    const dated = await this.byDate(newestByNid);
    let page: readonly number[] | null = null;
    if (newestByNid.length < RELEVANCE_CANDIDATES) {
      page = dated.slice(request.offset, end).map((d) => d.nid);
    } else if (end <= dated.length) {
      const late = await this.publishedLater(match, request.edition, dated[end - 1]!.publishedAt, newestByNid[newestByNid.length - 1]!);
      if (late !== null) {
        page = [...dated, ...(await this.byDate(late))].sort(newestFirst).slice(request.offset, end).map((d) => d.nid);
      }
    }
    if (page === null) {
      page = (await sql<{ nid: number }>`select search_docs.nid as nid from search_docs
        where search_docs.edition = ${request.edition} and search_docs.nid in (select rowid from search_fts where search_fts match ${match})
        order by search_docs.published_at desc, search_docs.nid desc limit ${request.limit} offset ${request.offset}`.execute(this.db)).rows.map((r) => r.nid);
    }
    return { ...counted, hits: page.map((nid) => ({ nid, score: 0 })), candidates: newestByNid };
  }

  /** These nodes with their dates, newest first. */
  private async byDate(nids: readonly number[]): Promise<{ nid: number; publishedAt: number }[]> {
    if (nids.length === 0) return [];
    const rows = await sql<{ nid: number; published_at: number }>`select nid, published_at from search_docs
      where nid in (select value from json_each(${JSON.stringify(nids)}))`.execute(this.db);
    return rows.rows.map((r) => ({ nid: r.nid, publishedAt: Number(r.published_at) })).sort(newestFirst);
  }

  /**
   * Matching nodes numbered below `belowNid` but published at or after `since`: the ones a
   * newest-by-nid read misses. Null when there are too many to check one by one.
   */
  private async publishedLater(match: string, edition: string, since: number, belowNid: number): Promise<number[] | null> {
    const late = (await sql<{ nid: number }>`select nid from search_docs where edition = ${edition} and published_at >= ${since} and nid < ${belowNid}
      limit ${LATE_PUBLISHED_CHECKS + 1}`.execute(this.db)).rows.map((r) => r.nid);
    if (late.length > LATE_PUBLISHED_CHECKS) return null;
    if (late.length === 0) return [];
    const rows = await sql<{ nid: number }>`select rowid as nid from search_fts where search_fts match ${match}
      and rowid in (select value from json_each(${JSON.stringify(late)}))`.execute(this.db);
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
