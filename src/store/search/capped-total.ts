/** A search's total as the store reports it: exact up to the cap, "more than the cap" past it. */
export interface CappedTotal {
  readonly total: number;
  readonly totalCapped: boolean;
}

/**
 * The total of a search whose newest `found` matches were read with a limit of `bound`. Fewer than
 * the bound means they were all the matches, and no count is needed; otherwise `count(limit)`
 * counts at most `limit` matches, so a word found in half a million articles costs a count of
 * cap + 1, not a walk of every match.
 */
export async function cappedTotal(found: number, bound: number, cap: number, count: (limit: number) => Promise<number>): Promise<CappedTotal> {
  const n = found < bound ? found : await count(cap + 1);
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}
