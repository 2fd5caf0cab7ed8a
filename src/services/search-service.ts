import type { NodeSummary } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import type { Lang } from '../domain/errors.ts';
import { LISTING_PAGE_SIZE } from '../domain/pagination.ts';
import { describeQuery } from '../search/describe-query.ts';
import { indexText } from '../search/index-text.ts';
import { parseQuery, type QueryError } from '../search/parse-query.ts';
import type { QueryNode } from '../domain/search-query.ts';
import { storedHtmlOpeningText } from '../text/markup-text.ts';
import { snippet, SNIPPET_SCAN_CHARS, type SnippetPart } from '../search/snippet.ts';
import { creditSources } from '../text/credit-sources.ts';
import { localDateParts } from '../text/dates.ts';
import { facetToken, facetTokens } from '../search/facet-tokens.ts';
import { MATCH_COUNT_CAP } from '../search/query-limits.ts';
import type { ContentReader, IndexSourceRow, SearchStore } from '../store/types.ts';

/** Ranked results remembered per answer: 100 pages of 10, the depth readers page through. */
const RELEVANCE_CANDIDATES_PER_ANSWER = 1000;

/** Body HTML read per hit for its snippet: the text snippets scan, with room for the markup around it. */
const PASSAGE_HTML_CHARS = SNIPPET_SCAN_CHARS * 2;

/** Nodes read and indexed per batch when rebuilding the index. */
const REINDEX_BATCH = 5000;

/** How results are ordered. */
export type SearchSort = 'relevance' | 'newest';

/** What a search may be narrowed to (each by id, or by name for sources). */
export interface SearchFilters {
  readonly section?: number;
  readonly tag?: number;
  readonly author?: number;
  readonly year?: number;
  readonly source?: string;
}

/** One value of a facet with its count among the matches. */
export interface FacetValue {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/** Counts per facet, over the newest matches (at most FACET_SAMPLE of them). */
export interface Facets {
  readonly section: readonly FacetValue[];
  readonly year: readonly FacetValue[];
  readonly author: readonly FacetValue[];
  readonly tag: readonly FacetValue[];
  readonly source: readonly FacetValue[];
  /** How many matches the counts cover; less than the total when there are very many. */
  readonly counted: number;
}

/**
 * Matches facets are counted over: the newest of the candidates. Counting sections, tags, authors,
 * years and sources over all 2,000 candidates was half of a new query's CPU (issue 14); the page
 * says how many the counts cover whenever that is fewer than the total.
 */
const FACET_SAMPLE = 1000;

/** Values shown per facet: enough to narrow with, few enough to scan. */
const FACET_VALUES = 10;

/**
 * Answers kept per query (its total, ranked candidates and facets). Readers ask the same few
 * questions over and over; ranking and counting facets over thousands of matches costs tens of
 * milliseconds, a page of a remembered answer well under one. Cleared whenever the index
 * changes here; other instances' changes show within the TTL.
 */
const ANSWER_TTL_MS = 60_000;
const ANSWER_CACHE_SIZE = 2000;

interface Answer {
  readonly total: number;
  readonly totalCapped: boolean;
  readonly ranked: readonly number[];
  readonly facets: Facets;
  readonly at: number;
  /**
   * The first page's hits, snippets cut, once a reader has asked for it: the page nearly every
   * search ends on, and the one the most frequent queries repeat. It lives as long as the answer,
   * so a comment count in it may lag by up to ANSWER_TTL_MS, as cached pages do.
   */
  firstPage?: readonly SearchHitView[];
}

/** One result: the listing summary plus a highlighted passage. */
export interface SearchHitView {
  readonly node: NodeSummary;
  readonly snippet: readonly SnippetPart[];
}

/** What a search page shows. */
export type SearchOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly query: string; readonly error: QueryError }
  | { readonly kind: 'results'; readonly query: string; readonly description: string; readonly sort: SearchSort; readonly page: number; readonly pageSize: number; readonly total: number;
    /** True when there are more than `total` matches: counting stops at the cap. */
    readonly totalCapped: boolean; readonly hits: readonly SearchHitView[]; readonly filters: SearchFilters; readonly facets: Facets };

/** Full-text search: keeping the index current, and answering queries. */
export class SearchService {
  private readonly answers = new Map<string, Answer>();
  private readonly countCap: number;

  /** `options.countCap` replaces MATCH_COUNT_CAP, so tests can reach the cap with a few articles. */
  constructor(
    private readonly search: SearchStore,
    private readonly content: ContentReader,
    private readonly editionOf: (edition: string) => { readonly lang: Lang; readonly timeZone: string },
    options: { readonly countCap?: number } = {},
  ) {
    this.countCap = options.countCap ?? MATCH_COUNT_CAP;
  }

  /** What ranks relevance (the store's ranking function), for the startup log. */
  get ranking(): string {
    return this.search.ranking;
  }

  /** Rebuilds the whole index, reporting progress; returns how many nodes were indexed. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    this.answers.clear();
    const total = await this.content.countNodes();
    await this.search.clear();
    let done = 0;
    for (let after = 0; ;) {
      const rows = await this.search.sourcesForIndexing(after, REINDEX_BATCH);
      if (rows.length === 0) break;
      await this.search.index(rows.map((r) => this.doc(r)));
      done += rows.length;
      after = rows[rows.length - 1]!.nid;
      onProgress?.(done, total);
    }
    return done;
  }

  /** Indexes (or re-indexes) these nodes, after a publish or an edit. */
  async indexNodes(nids: readonly number[]): Promise<void> {
    this.answers.clear();
    const rows = await this.search.sourcesForIndexing(0, nids.length, nids);
    await this.search.index(rows.map((r) => this.doc(r)));
  }

  /** Takes nodes out of the index (unpublished or withdrawn by an import). */
  async removeNodes(nids: readonly number[]): Promise<void> {
    this.answers.clear();
    await this.search.remove(nids);
  }

  /** Runs a reader's query in an edition. Malformed queries come back explained, never thrown. */
  async query(edition: Edition, input: { q: string; page: number; sort: SearchSort; filters?: SearchFilters }): Promise<SearchOutcome> {
    const filters = input.filters ?? {};
    const q = input.q.trim();
    if (q === '') return { kind: 'empty' };
    const parsed = parseQuery(q, edition.lang);
    if (!parsed.ok) return { kind: 'invalid', query: q, error: parsed.error };
    const answer = await this.answer(edition, parsed.query, input.sort, filters);
    const offset = input.page * LISTING_PAGE_SIZE;
    // Pages inside the ranked candidates come from the remembered answer; deeper "newest" pages ask the index.
    const remembered = offset + LISTING_PAGE_SIZE <= answer.ranked.length || answer.ranked.length >= answer.total;
    let hits = remembered && input.page === 0 ? answer.firstPage : undefined;
    if (hits === undefined) {
      const pageIds = remembered
        ? answer.ranked.slice(offset, offset + LISTING_PAGE_SIZE)
        : (await this.search.search({
          edition: edition.code, lang: edition.lang, query: parsed.query, sort: input.sort, offset, limit: LISTING_PAGE_SIZE, facets: this.filterTokens(filters), countCap: this.countCap,
        })).hits.map((h) => h.nid);
      hits = await this.hitViews(pageIds, parsed.terms, edition.lang);
      if (remembered && input.page === 0) answer.firstPage = hits;
    }
    return {
      kind: 'results', query: q, description: describeQuery(parsed.query, edition.lang), sort: input.sort, page: input.page,
      pageSize: LISTING_PAGE_SIZE, total: answer.total, totalCapped: answer.totalCapped, hits, filters, facets: answer.facets,
    };
  }

  /**
   * Summaries and snippets of a page of hits, in two queries for the whole page: the listing
   * summaries, and only the openings of the bodies snippets are cut from (loading each whole node
   * again cost more than the search itself).
   */
  private async hitViews(nids: readonly number[], terms: readonly string[], lang: Lang): Promise<SearchHitView[]> {
    const [summaries, openings] = await Promise.all([this.content.summariesByIds(nids), this.content.bodyOpenings(nids, PASSAGE_HTML_CHARS)]);
    return summaries.map((node) => {
      const opening = openings.get(node.nid);
      return { node, snippet: snippet(opening === undefined ? node.teaser : storedHtmlOpeningText(opening), terms, lang) };
    });
  }

  /** The total, ranked candidates and facets of a query, remembered for a while. */
  private async answer(edition: Edition, query: QueryNode, sort: SearchSort, filters: SearchFilters): Promise<Answer> {
    const key = `${edition.code}|${sort}|${JSON.stringify(filters)}|${JSON.stringify(query)}`;
    const known = this.answers.get(key);
    if (known && Date.now() - known.at < ANSWER_TTL_MS) return known;
    // Ranked candidates: the store ranks its bounded candidate set; ask for all of it at once.
    const result = await this.search.search({
      edition: edition.code, lang: edition.lang, query, sort, offset: 0, limit: RELEVANCE_CANDIDATES_PER_ANSWER, facets: this.filterTokens(filters), countCap: this.countCap,
    });
    const answer: Answer = { total: result.total, totalCapped: result.totalCapped, ranked: result.hits.map((h) => h.nid), facets: await this.facets(result.candidates, edition), at: Date.now() };
    if (this.answers.size >= ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }

  private filterTokens(filters: SearchFilters): string[] {
    const tokens: string[] = [];
    if (filters.section !== undefined) tokens.push(facetToken('section', filters.section));
    if (filters.tag !== undefined) tokens.push(facetToken('tag', filters.tag));
    if (filters.author !== undefined) tokens.push(facetToken('author', filters.author));
    if (filters.year !== undefined) tokens.push(facetToken('year', filters.year));
    if (filters.source !== undefined) tokens.push(facetToken('source', filters.source));
    return tokens;
  }

  /** Facet counts over the newest matches: exact when there are at most FACET_SAMPLE. */
  private async facets(newestFirst: readonly number[], edition: Edition): Promise<Facets> {
    const candidates = newestFirst.slice(0, FACET_SAMPLE);
    const rows = await this.search.facetRows(candidates);
    const top = (list: readonly { id: number; name: string; count: number }[]) =>
      list.slice(0, FACET_VALUES).map((r) => ({ key: String(r.id), label: r.name, count: r.count }));
    const years = new Map<number, number>();
    const sources = new Map<string, number>();
    for (const d of rows.dated) {
      const year = localDateParts(d.publishedAt, edition.timeZone).year;
      years.set(year, (years.get(year) ?? 0) + 1);
      for (const source of creditSources(d.credit)) sources.set(source, (sources.get(source) ?? 0) + 1);
    }
    return {
      section: top(rows.sections),
      tag: top(rows.tags),
      author: top(rows.authors),
      year: [...years].sort((a, b) => b[0] - a[0]).map(([y, count]) => ({ key: String(y), label: String(y), count })),
      source: [...sources].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FACET_VALUES).map(([name, count]) => ({ key: name, label: name, count })),
      counted: candidates.length,
    };
  }

  private doc(row: IndexSourceRow) {
    const { lang, timeZone } = this.editionOf(row.edition);
    const facets = facetTokens({
      sectionTids: row.sectionTids, tagTids: row.tagTids, authorIds: row.authorIds,
      year: localDateParts(row.publishedAt, timeZone).year, sources: creditSources(row.credit),
    });
    return {
      nid: row.nid, edition: row.edition, publishedAt: row.publishedAt, text: indexText({ ...row, lang, facets }),
      facets: { termIds: [...row.sectionTids, ...row.tagTids], authorIds: row.authorIds, credit: row.credit },
    };
  }
}
