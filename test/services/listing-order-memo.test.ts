import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EDITIONS } from '../../src/config/default-editions.ts';
import { ReaderService } from '../../src/services/reader-service.ts';
import type { NodeSummary } from '../../src/domain/content.ts';
import type { ContentReader, ListingQuery } from '../../src/store/types.ts';

const EN = DEFAULT_EDITIONS.find((e) => e.code === 'en')!;

/** A store whose listing order takes a while to read (as over a thread or a network) and counts its reads. */
function slowStore(orders: number[][]) {
  const reads: ListingQuery['filter'][] = [];
  const waiting: (() => void)[] = [];
  const store = {
    async listingIds(query: Pick<ListingQuery, 'edition' | 'filter'>): Promise<number[]> {
      reads.push(query.filter);
      await new Promise<void>((resolve) => waiting.push(resolve));
      const ids = orders.shift();
      if (!ids) throw new Error('the store failed');
      return ids;
    },
    async summariesByIds(nids: readonly number[]): Promise<NodeSummary[]> {
      return nids.map((nid) => ({ nid } as NodeSummary));
    },
  } as unknown as ContentReader;
  // Lets the oldest read still under way finish.
  return { store, reads, release: () => waiting.shift()?.() };
}

const settle = () => new Promise((r) => setImmediate(r));

// Issue 14: with the store on another thread (SQLite's read thread) or server (PostgreSQL), fifty
// cold requests for the same listing each read its whole order (100,000 ids for the front page),
// and the home page fell to 5 requests a second. Requests that arrive while an order is being read
// now wait for that read.
describe('a listing order read once for every request waiting on it', () => {
  test('fifty requests at once: one read, and every one gets its page', async () => {
    const { store, reads, release } = slowStore([[5, 4, 3, 2, 1]]);
    const reader = new ReaderService(store);
    const pages = Array.from({ length: 50 }, () => reader.frontListing(EN, 0));
    await settle();
    release();
    for (const page of await Promise.all(pages)) assert.deepEqual(page.page.items.map((s) => s.nid), [5, 4, 3, 2, 1]);
    assert.equal(reads.length, 1);
    // Kept afterwards, as before.
    await reader.frontListing(EN, 0);
    assert.equal(reads.length, 1);
  });

  test('an order read before a change answers those who asked, but is not kept after it', async () => {
    const { store, reads, release } = slowStore([[1, 2], [3, 2, 1]]);
    const reader = new ReaderService(store);
    const before = reader.frontListing(EN, 0);
    await settle();
    reader.invalidate('en');
    // Asked after the change: a read of its own, not the one under way.
    const after = reader.frontListing(EN, 0);
    await settle();
    assert.equal(reads.length, 2);
    release();
    await settle();
    release();
    assert.deepEqual((await before).page.items.map((s) => s.nid), [1, 2]);
    assert.deepEqual((await after).page.items.map((s) => s.nid), [3, 2, 1]);
    assert.deepEqual((await reader.frontListing(EN, 0)).page.items.map((s) => s.nid), [3, 2, 1]);
    assert.equal(reads.length, 2);
  });

  test('a failed read fails those waiting on it and is tried again by the next request', async () => {
    const { store, reads, release } = slowStore([]);
    const reader = new ReaderService(store);
    const waiting = [reader.frontListing(EN, 0), reader.frontListing(EN, 0)];
    await settle();
    release();
    for (const w of waiting) await assert.rejects(w, /the store failed/);
    const again = reader.frontListing(EN, 0);
    await settle();
    assert.equal(reads.length, 2);
    release();
    await assert.rejects(again, /the store failed/);
  });
});
