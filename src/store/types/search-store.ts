import type { QueryNode } from '../../domain/search-query.ts';

/** An article's indexed text: normalised tokens per weighted column (see src/search/index-text.ts). */
export interface IndexedText {
  readonly title: string;
  readonly body: string;
  readonly meta: string;
}

/** One node's index entry. */
export interface IndexDoc {
  readonly nid: number;
  readonly edition: string;
  readonly publishedAt: number;
  readonly text: IndexedText;
  /** What search facets count of the node, kept with its entry; none for an entry of bare text. */
  readonly facets?: DocFacets;
}

/** A node's term ids (sections with their parents, and tags), author ids and credit line. */
export interface DocFacets {
  readonly termIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly credit: string | null;
}

/** What the indexer reads of a node. */
export interface IndexSourceRow {
  readonly nid: number;
  readonly edition: string;
  readonly publishedAt: number;
  readonly title: string;
  readonly bodyHtml: string;
  readonly teaser: string;
  readonly credit: string | null;
  readonly section: string | null;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly authorIds: readonly number[];
  readonly tagTids: readonly number[];
  /** The node's section and its parent sections. */
  readonly sectionTids: readonly number[];
}

/** A search request as the store runs it. */
export interface SearchRequest {
  readonly edition: string;
  readonly lang: 'en' | 'ar';
  readonly query: QueryNode;
  readonly sort: 'relevance' | 'newest';
  readonly offset: number;
  readonly limit: number;
  /** Facet tokens every result must carry (search/facet-tokens.ts). */
  readonly facets?: readonly string[];
  /**
   * Matches are counted exactly up to this many; past it the result says only "more than this"
   * (`totalCapped`), so a common word costs a bounded count, not a walk of every match.
   */
  readonly countCap: number;
}

/** What a search found: a page of node ids with scores, how many matched (up to the cap), and the newest matches facets are counted over. */
export interface SearchResult {
  /** Matches in all, or the request's countCap when there are more (then `totalCapped` is true). */
  readonly total: number;
  readonly totalCapped: boolean;
  readonly hits: readonly { readonly nid: number; readonly score: number }[];
  /** The newest matches, newest first (at most RELEVANCE_CANDIDATES): facets are counted over the first of them. */
  readonly candidates: readonly number[];
}

/** Facet counts over a set of nodes. */
export interface FacetRows {
  readonly sections: readonly { readonly id: number; readonly name: string; readonly count: number }[];
  readonly tags: readonly { readonly id: number; readonly name: string; readonly count: number }[];
  readonly authors: readonly { readonly id: number; readonly name: string; readonly count: number }[];
  readonly dated: readonly { readonly publishedAt: number; readonly credit: string | null }[];
}

/** How SQLite search ranks matches (whether the ranking extension loaded), and why, for the startup log. */
export interface SearchRanking {
  /** folio_bm25 (bm25 with remembered document frequencies) when the extension loaded, else FTS5's bm25. */
  readonly fn: 'folio_bm25' | 'bm25';
  readonly note: string;
}

/** The full-text index: SQLite FTS5 or PostgreSQL tsvector behind one interface. */
export interface SearchStore {
  /** What ranks relevance, in words for the startup log. */
  readonly ranking: string;
  /** Adds or replaces these nodes' index entries. */
  index(docs: readonly IndexDoc[]): Promise<void>;
  /** Takes these nodes out of the index (unpublished or removed). */
  remove(nids: readonly number[]): Promise<void>;
  /** Empties the index (before a full rebuild). */
  clear(): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** Nodes to index, in nid order after `afterNid`, `limit` at a time (published ones only). */
  sourcesForIndexing(afterNid: number, limit: number, nids?: readonly number[]): Promise<IndexSourceRow[]>;
  countIndexed(): Promise<number>;
  /** Section, tag and author counts, and dates and credits, of these nodes (from their index entries). */
  facetRows(nids: readonly number[]): Promise<FacetRows>;
}
