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
  // The best `limit` are kept in order as they come: the order sorting every candidate gives
  // (nids differ, so the order is total), without sorting the hundreds an article's tag windows
  // hold; that sort was most of an import's related rebuild (issue 14).
  const nids: number[] = [];
  const facts: { shared: number; publishedAt: number }[] = [];
  if (limit <= 0) return nids;
  for (const [nid, fact] of ranked) {
    if (nids.length === limit && !ranksBefore(nid, fact, nids[limit - 1]!, facts[limit - 1]!)) continue;
    let i = nids.length === limit ? limit - 1 : nids.length;
    nids[i] = nid;
    facts[i] = fact;
    for (; i > 0 && ranksBefore(nids[i]!, facts[i]!, nids[i - 1]!, facts[i - 1]!); i--) {
      [nids[i], nids[i - 1]] = [nids[i - 1]!, nids[i]!];
      [facts[i], facts[i - 1]] = [facts[i - 1]!, facts[i]!];
    }
  }
  return nids;
}

/** Most shared tags first, then newest, then highest id. */
function ranksBefore(an: number, a: { shared: number; publishedAt: number }, bn: number, b: { shared: number; publishedAt: number }): boolean {
  return (b.shared - a.shared || b.publishedAt - a.publishedAt || bn - an) < 0;
}
