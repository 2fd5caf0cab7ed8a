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

/** A candidate with the number of the article's tags it shares. */
interface Candidate {
  readonly nid: number;
  readonly publishedAt: number;
  shared: number;
}

/**
 * The candidates, best first: most shared tags, then newest, then highest id. `entries` holds
 * one entry per (tag, node) of the article's tags' windows, so a node's count of entries is the
 * number of tags it shares.
 */
export function rankRelated(entries: Iterable<TagEntry>, limit = RELATED_CANDIDATES): number[] {
  const candidates = new Map<number, Candidate>();
  for (const entry of entries) {
    const seen = candidates.get(entry.nid);
    if (seen) seen.shared++;
    else candidates.set(entry.nid, { nid: entry.nid, publishedAt: entry.publishedAt, shared: 1 });
  }
  // The best `limit` are kept in order as they come (an insertion into a short sorted list): the
  // order sorting every candidate gives, since nids differ and the order is total, without sorting
  // the hundreds an article's tag windows hold; that sort was most of an import's related rebuild
  // (issue 14).
  const best: Candidate[] = [];
  if (limit <= 0) return [];
  for (const candidate of candidates.values()) {
    if (best.length === limit && !ranksBefore(candidate, best[limit - 1]!)) continue;
    let i = Math.min(best.length, limit - 1);
    for (; i > 0 && ranksBefore(candidate, best[i - 1]!); i--) best[i] = best[i - 1]!;
    best[i] = candidate;
  }
  return best.map((c) => c.nid);
}

/** Most shared tags first, then newest, then highest id. */
function ranksBefore(a: Candidate, b: Candidate): boolean {
  return (b.shared - a.shared || b.publishedAt - a.publishedAt || b.nid - a.nid) < 0;
}
