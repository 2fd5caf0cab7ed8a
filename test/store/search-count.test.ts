import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { parseQuery } from '../../src/search/parse-query.ts';
import type { QueryNode } from '../../src/domain/search-query.ts';
import { RELEVANCE_CANDIDATES } from '../../src/store/search/index-sources.ts';
import type { SearchRequest } from '../../src/store/types.ts';
import { testDialects } from '../support/databases.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// More matches than the store reads as candidates, so totals past them come from the capped count.
const MATCHES = RELEVANCE_CANDIDATES + 100;
const FIRST_NID = 100_000;
const DAY = 86_400;
const START = Date.UTC(2013, 0, 1) / 1000;
// An old node published after all the others (a draft published late): newest first must still
// put it on top, though the newest-by-nid read cannot see it.
const LATE = { nid: FIRST_NID - 1, publishedAt: START + (MATCHES + 10) * DAY };
// The other edition's matches of the same word, newer than all of English's and more than the
// candidates: the store walks matches newest first, so these come first and must all be passed over.
const OTHER_EDITION = RELEVANCE_CANDIDATES + 50;

function query(q: string): QueryNode {
  const parsed = parseQuery(q, 'en');
  if (!parsed.ok) throw new Error(`fixture query ${q} does not parse`);
  return parsed.query;
}

for (const dialect of testDialects()) {
  describe(`search store counts (${dialect})`, () => {
    let site: TestSite;
    const search = (q: string, countCap: number, sort: SearchRequest['sort'] = 'relevance', offset = 0) =>
      site.runtime.store.search.search({ edition: 'en', lang: 'en', query: query(q), sort, offset, limit: 10, countCap });

    before(async () => {
      site = await openTestSite(dialect, async (runtime) => {
        // Index documents directly: the count is the store's own business, whatever nodes exist.
        const docs = Array.from({ length: MATCHES }, (_, i) => ({
          nid: FIRST_NID + i, edition: 'en', publishedAt: START + i * DAY,
          text: { title: i % 2 === 0 ? 'quasar even' : 'quasar odd', body: i < 5 ? 'pulsar' : 'nebula', meta: '' },
        }));
        docs.push({ nid: LATE.nid, edition: 'en', publishedAt: LATE.publishedAt, text: { title: 'quasar late', body: 'nebula', meta: '' } });
        for (let i = 0; i < OTHER_EDITION; i++) {
          docs.push({ nid: FIRST_NID + MATCHES + 1000 + i, edition: 'ar', publishedAt: START + (MATCHES + 20 + i) * DAY, text: { title: 'quasar', body: 'pulsar', meta: '' } });
        }
        for (let i = 0; i < docs.length; i += 500) await runtime.store.search.index(docs.slice(i, i + 500));
      });
    });
    after(async () => {
      await site.close();
    });

    test('below the candidates, the total is exact and below or at the cap it is not capped', async () => {
      assert.deepEqual(pick(await search('pulsar', 6)), { total: 5, totalCapped: false });
      assert.deepEqual(pick(await search('pulsar', 5)), { total: 5, totalCapped: false });
      assert.deepEqual(pick(await search('pulsar', 4)), { total: 4, totalCapped: true });
    });

    test('past the candidates, matches are counted exactly up to the cap and "more than" past it', async () => {
      const all = MATCHES + 1;
      assert.deepEqual(pick(await search('quasar', all + 1)), { total: all, totalCapped: false });
      assert.deepEqual(pick(await search('quasar', all)), { total: all, totalCapped: false }, 'at the cap');
      assert.deepEqual(pick(await search('quasar', all - 1)), { total: all - 1, totalCapped: true }, 'one past the cap');
      assert.deepEqual(pick(await search('quasar', 50)), { total: 50, totalCapped: true });
      assert.deepEqual(pick(await search('quasar', all - 1, 'newest')), { total: all - 1, totalCapped: true });
      // An AND narrows before counting: half the documents are "even".
      const even = Math.ceil(MATCHES / 2);
      assert.deepEqual(pick(await search('quasar even', even)), { total: even, totalCapped: false });
    });

    test('newest first is exact: a late-published old node comes first, then the newest by date', async () => {
      const page = await search('quasar', 10_000, 'newest');
      assert.deepEqual(page.hits.map((h) => h.nid), [LATE.nid, ...Array.from({ length: 9 }, (_, i) => FIRST_NID + MATCHES - 1 - i)]);
      const second = await search('quasar', 10_000, 'newest', 10);
      assert.deepEqual(second.hits.map((h) => h.nid), Array.from({ length: 10 }, (_, i) => FIRST_NID + MATCHES - 10 - i));
      // Past the candidates the page comes from the full walk, in the same order.
      const last = await search('quasar', 10_000, 'newest', MATCHES - 5);
      assert.deepEqual(last.hits.map((h) => h.nid), Array.from({ length: 6 }, (_, i) => FIRST_NID + 5 - i));
    });

    test('facet candidates are the newest matches, newest first, at most the candidate bound', async () => {
      for (const sort of ['relevance', 'newest'] as const) {
        const r = await search('quasar', 10_000, sort);
        assert.equal(r.candidates.length, RELEVANCE_CANDIDATES);
        assert.equal(new Set(r.candidates).size, RELEVANCE_CANDIDATES);
        // Facets count over the first of them, so their order matters: newest first (by date on
        // PostgreSQL, which puts the late-published node first; by nid on SQLite, which leaves it out).
        const dated = r.candidates.filter((nid) => nid !== LATE.nid);
        assert.equal(dated[0], FIRST_NID + MATCHES - 1, sort);
        assert.ok(dated.every((nid, i) => i === 0 || nid < dated[i - 1]!), `${sort}: newest first`);
        assert.ok(r.candidates.every((nid) => nid <= FIRST_NID + MATCHES), `${sort}: no other edition's node`);
      }
    });

    test("an edition's search passes over another edition's newer matches", async () => {
      const ar = await site.runtime.store.search.search({ edition: 'ar', lang: 'ar', query: query('pulsar'), sort: 'relevance', offset: 0, limit: 10, countCap: 10_000 });
      assert.deepEqual(pick(ar), { total: OTHER_EDITION, totalCapped: false });
      assert.deepEqual(pick(await search('pulsar', 10_000)), { total: 5, totalCapped: false });
    });

    if (dialect === 'postgres') {
      test('the GIN index holds the edition (migration 019)', async () => {
        const client = new pg.Client({ connectionString: site.db.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ indexdef: string }>("select indexdef from pg_indexes where tablename = 'search_docs' and indexname = 'search_docs_edition_document'");
          assert.match(rows[0]?.indexdef ?? '', /gin \(edition, document\)/);
        } finally {
          await client.end();
        }
      });
    }
  });
}

function pick(r: { total: number; totalCapped: boolean }): { total: number; totalCapped: boolean } {
  return { total: r.total, totalCapped: r.totalCapped };
}
