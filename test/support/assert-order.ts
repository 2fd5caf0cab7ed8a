import assert from 'node:assert/strict';

/** Asserts that the needles appear in this order in the haystack. */
export function assertOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    assert.ok(at >= 0, `expected "${needle}" after position ${from}`);
    from = at + needle.length;
  }
}
