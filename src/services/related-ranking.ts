/** Related items under an article. */
export const RELATED_LIMIT = 5;

/** Candidates kept per article: a few spare, since the page leaves out unpublished ones. */
export const RELATED_CANDIDATES = RELATED_LIMIT * 2;

/**
 * Entries read per tag when ranking related items: the ones published up to this article, newest
 * first. Reading only those keeps the ranking bounded even for tags with tens of thousands of
 * items, and what led up to an article is what its reader wants next.
 */
export const ENTRIES_PER_TAG = 100;

/** One entry of a tag's window: a node carrying the tag, and when it was published. */
export interface TagEntry {
  readonly nid: number;
  readonly publishedAt: number;
}

/**
 * The candidates, best first: most shared tags, then newest, then highest id. `entries` holds
 * one entry per (tag, node) of the article's tags' windows, so a node's count of entries is the
 * number of tags it shares.
 */
export function rankRelated(entries: Iterable<TagEntry>, limit = RELATED_CANDIDATES): number[] {
  const ranked = new Map<number, { shared: number; publishedAt: number }>();
  for (const entry of entries) {
    const seen = ranked.get(entry.nid);
    if (seen) seen.shared++;
    else ranked.set(entry.nid, { shared: 1, publishedAt: entry.publishedAt });
  }
  return [...ranked]
    .sort(([an, a], [bn, b]) => b.shared - a.shared || b.publishedAt - a.publishedAt || bn - an)
    .slice(0, limit)
    .map(([nid]) => nid);
}
