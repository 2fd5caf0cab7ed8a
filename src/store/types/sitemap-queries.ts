import type { TranslationRef } from '../../domain/content.ts';

/** One public thing with a canonical URL: a node, term, author or blog listing. */
export interface SitemapTarget {
  readonly edition: string;
  readonly targetType: 'node' | 'term' | 'author' | 'blog';
  readonly id: number;
  /** The stored alias (node, term) or slug (author, blog); null when only /node/<nid> or /taxonomy/term/<tid> reaches it. */
  readonly path: string | null;
  /** Epoch seconds of the last change (a listing: its newest item); null for an empty listing. */
  readonly lastmod: number | null;
  /** A node's published translations in other editions, for hreflang alternates; empty for everything else. */
  readonly translations: readonly TranslationRef[];
}

/** A recent node, for news sitemaps and the front feed's fallback. */
export interface RecentNode {
  readonly nid: number;
  readonly path: string | null;
  readonly title: string;
  readonly publishedAt: number;
}

/** Enumerates every public URL, page by page, for sitemaps. Read-only. */
export interface SitemapQueries {
  /** How many targets listTargets enumerates in all. */
  countTargets(): Promise<number>;
  /** Targets in a stable order (edition, type, id), `limit` from `offset`. */
  listTargets(offset: number, limit: number): Promise<SitemapTarget[]>;
  /** Published nodes of an edition, newest first, optionally of some kinds and since a time. */
  recentNodes(edition: string, options: { readonly kinds?: readonly string[]; readonly since?: number; readonly limit: number }): Promise<RecentNode[]>;
}
