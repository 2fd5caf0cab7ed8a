import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankRelated, type TagEntry } from '../../src/services/related-ranking.ts';

/** The ranking as first written: count, sort every candidate, keep the first `limit`. */
function sortAll(entries: readonly TagEntry[], limit: number): number[] {
  const ranked = new Map<number, { shared: number; publishedAt: number }>();
  for (const e of entries) {
    const seen = ranked.get(e.nid);
    if (seen) seen.shared++;
    else ranked.set(e.nid, { shared: 1, publishedAt: e.publishedAt });
  }
  return [...ranked].sort(([an, a], [bn, b]) => b.shared - a.shared || b.publishedAt - a.publishedAt || bn - an).slice(0, limit).map(([nid]) => nid);
}

test('rankRelated keeps the best candidates in the order sorting them all gives: shared tags, then newest, then highest id', () => {
  // A fixed generator: many ties in time and in shared tags, so every tie-break is exercised.
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let round = 0; round < 300; round++) {
    const entries: TagEntry[] = [];
    const tags = 1 + next(4);
    for (let t = 0; t < tags; t++) {
      for (let i = next(120); i > 0; i--) {
        const nid = 1 + next(150);
        entries.push({ nid, publishedAt: 1000 + (nid % 9) * 10 });
      }
    }
    for (const limit of [0, 1, 5, 10, 400]) assert.deepEqual(rankRelated(entries, limit), sortAll(entries, limit), `round ${round}, limit ${limit}`);
  }
});
