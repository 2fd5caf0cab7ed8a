import type { SitemapQueries } from '../store/types.ts';

/**
 * Enumerates every public URL's target for sitemaps and the front feed's fallback. A thin
 * service over the store, so the web layer reads it like every other service.
 */
export class SitemapService {
  constructor(private readonly queries: SitemapQueries) {}

  /** How many targets there are in all. */
  countTargets(): ReturnType<SitemapQueries['countTargets']> {
    return this.queries.countTargets();
  }

  /** Targets in a stable order, `limit` from `offset`. */
  listTargets(offset: number, limit: number): ReturnType<SitemapQueries['listTargets']> {
    return this.queries.listTargets(offset, limit);
  }

  /** Published nodes of an edition, newest first. */
  recentNodes(edition: string, options: Parameters<SitemapQueries['recentNodes']>[1]): ReturnType<SitemapQueries['recentNodes']> {
    return this.queries.recentNodes(edition, options);
  }
}
