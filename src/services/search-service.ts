import type { NodeSummary } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import type { Lang } from '../domain/errors.ts';
import { LISTING_PAGE_SIZE } from '../domain/pagination.ts';
import { describeQuery } from '../search/describe-query.ts';
import { indexText } from '../search/index-text.ts';
import { parseQuery, type QueryError } from '../search/parse-query.ts';
import { snippet, type SnippetPart } from '../search/snippet.ts';
import { htmlToText } from '../text/teaser.ts';
import type { ContentReader, IndexSourceRow, SearchStore } from '../store/types.ts';

/** Nodes read and indexed per batch when rebuilding the index. */
const REINDEX_BATCH = 500;

/** How results are ordered. */
export type SearchSort = 'relevance' | 'newest';

/** One result: the listing summary plus a highlighted passage. */
export interface SearchHitView {
  readonly node: NodeSummary;
  readonly snippet: readonly SnippetPart[];
}

/** What a search page shows. */
export type SearchOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly query: string; readonly error: QueryError }
  | { readonly kind: 'results'; readonly query: string; readonly description: string; readonly sort: SearchSort; readonly page: number; readonly pageSize: number; readonly total: number; readonly hits: readonly SearchHitView[] };

/** Full-text search: keeping the index current, and answering queries. */
export class SearchService {
  constructor(private readonly search: SearchStore, private readonly content: ContentReader, private readonly langOf: (edition: string) => Lang) {}

  /** Rebuilds the whole index, reporting progress; returns how many nodes were indexed. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
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
    const rows = await this.search.sourcesForIndexing(0, nids.length, nids);
    await this.search.index(rows.map((r) => this.doc(r)));
  }

  /** Runs a reader's query in an edition. Malformed queries come back explained, never thrown. */
  async query(edition: Edition, input: { q: string; page: number; sort: SearchSort }): Promise<SearchOutcome> {
    const q = input.q.trim();
    if (q === '') return { kind: 'empty' };
    const parsed = parseQuery(q, edition.lang);
    if (!parsed.ok) return { kind: 'invalid', query: q, error: parsed.error };
    const result = await this.search.search({
      edition: edition.code, lang: edition.lang, query: parsed.query, sort: input.sort,
      offset: input.page * LISTING_PAGE_SIZE, limit: LISTING_PAGE_SIZE,
    });
    const summaries = await this.content.summariesByIds(result.hits.map((h) => h.nid));
    const hits: SearchHitView[] = [];
    for (const node of summaries) {
      const detail = await this.content.findNode(edition.code, node.nid);
      const text = detail ? `${htmlToText(detail.bodyHtml)}` : node.teaser;
      hits.push({ node, snippet: snippet(text, parsed.terms, edition.lang) });
    }
    return {
      kind: 'results', query: q, description: describeQuery(parsed.query, edition.lang), sort: input.sort, page: input.page,
      pageSize: LISTING_PAGE_SIZE, total: result.total, hits,
    };
  }

  private doc(row: IndexSourceRow) {
    return {
      nid: row.nid, edition: row.edition, publishedAt: row.publishedAt,
      text: indexText({ ...row, lang: this.langOf(row.edition) }),
    };
  }
}
