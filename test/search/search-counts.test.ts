import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { connect } from '../../src/runtime.ts';
import { fillSearchFacets } from '../../src/store/migrations/022-search-facets.ts';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { SearchService, type FacetValue } from '../../src/services/search-service.ts';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { socketRequest } from '../support/socket-client.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Five English articles with a word nothing else in the fixture has, on known sections, tags,
// authors, years and sources, so every facet count below is known exactly.
const EN = [
  { nid: 7001, termIds: [2, 1, 11], sectionTid: 2, authorIds: [1], at: '2013-05-01T10:00:00+03:00', credit: '(Reuters)' },
  { nid: 7002, termIds: [2, 1], sectionTid: 2, authorIds: [1], at: '2014-05-01T10:00:00+03:00', credit: null },
  { nid: 7003, termIds: [3, 10], sectionTid: 3, authorIds: [2], at: '2014-06-01T10:00:00+03:00', credit: '(AFP, Reuters)' },
  { nid: 7004, termIds: [4], sectionTid: 4, authorIds: [1, 2], at: '2014-07-01T10:00:00+03:00', credit: null },
  { nid: 7005, termIds: [3], sectionTid: 3, authorIds: [], at: '2012-07-01T10:00:00+03:00', credit: '(Reuters)' },
];
// One hospital, spelt five ways writers and typists do: with the article, yaa for alef maqsura,
// full diacritics, a tatweel, and the preposition li- with the article.
const AR = ['المستشفى', 'مستشفي', 'مُسْتَشْفَى', 'مستشفـى', 'للمستشفى'].map((word, i) => ({
  nid: 8001 + i, title: `خبر رقم ${i + 1} عن ${word}`, body: `وصل الجرحى إلى ${word} صباح اليوم.`, at: `2025-10-0${i + 1}T10:00:00+03:00`,
}));
// Below the number of matches above, so the capped answer is reachable with a handful of articles.
const SMALL_CAP = 3;

for (const dialect of testDialects()) {
  describe(`search counts, labels and facets (${dialect})`, () => {
    let site: TestSite;
    let capped: FolioApp;
    let cappedSearch: SearchService;

    before(async () => {
      site = await openTestSite(dialect, async (runtime) => {
        await seedFixture(runtime);
        const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
        const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
        await runtime.store.writer.saveNodes(en, EN.map((a) => buildNode({
          nid: a.nid, title: `Zeppelin sighting ${a.nid}`, path: `content/z${a.nid}`, publishedAt: seconds(a.at),
          termIds: a.termIds, sectionTid: a.sectionTid, authorIds: a.authorIds, credit: a.credit,
        })));
        await runtime.store.writer.saveNodes(ar, AR.map((a) => buildNode({ nid: a.nid, title: a.title, bodyHtml: `<p>${a.body}</p>`, publishedAt: seconds(a.at), path: `content/h${a.nid}` })));
        await runtime.search.reindex();
      });
      const runtime = site.runtime;
      cappedSearch = new SearchService(runtime.store.search, runtime.store.content, (code) => {
        const edition = runtime.editions.get(code);
        return { lang: edition.lang, timeZone: edition.timeZone };
      }, { countCap: SMALL_CAP });
      capped = await buildApp({ ...runtime, search: cappedSearch });
      await capped.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await capped.app.close();
      await site.close();
    });

    const query = (service: SearchService, q: string, edition: string) => service.query(site.runtime.editions.get(edition), { q, page: 0, sort: 'relevance' });

    test('under the cap the total is exact; past it, the cap and "more than"', async () => {
      const exact = await query(site.runtime.search, 'zeppelin', 'en');
      assert.ok(exact.kind === 'results');
      assert.deepEqual([exact.total, exact.totalCapped], [5, false]);
      const over = await query(cappedSearch, 'zeppelin', 'en');
      assert.ok(over.kind === 'results');
      assert.deepEqual([over.total, over.totalCapped], [SMALL_CAP, true]);
      // The results themselves do not shrink with the count: the page still holds every match.
      assert.deepEqual(over.hits.map((h) => h.node.nid).sort(), exact.hits.map((h) => h.node.nid).sort());
      const atCap = await query(cappedSearch, 'sighting 7001 OR sighting 7002 OR sighting 7003', 'en');
      assert.ok(atCap.kind === 'results');
      assert.deepEqual([atCap.total, atCap.totalCapped], [SMALL_CAP, false], 'exactly the cap is not "more than"');
    });

    test('facets are exact on a small site', async () => {
      const r = await query(site.runtime.search, 'zeppelin', 'en');
      assert.ok(r.kind === 'results');
      const counts = (values: readonly FacetValue[]) => Object.fromEntries(values.map((v) => [v.label, v.count]));
      assert.equal(r.facets.counted, 5);
      assert.deepEqual(counts(r.facets.section), { Politics: 2, Palestine: 2, 'Culture & Society': 2, Economy: 1 });
      assert.deepEqual(counts(r.facets.tag), { Gaza: 1, 'Islamic State': 1 });
      assert.deepEqual(counts(r.facets.author), { 'Lea al-Qazzi': 3, 'Omar Haddad': 2 });
      assert.deepEqual(counts(r.facets.year), { 2012: 1, 2013: 1, 2014: 3 });
      assert.deepEqual(counts(r.facets.source), { Reuters: 3, AFP: 1 });
    });

    test('an index migrated without a rebuild has the facets the indexer writes (migration 022)', async () => {
      const connection = connect(site.runtime.config);
      try {
        const entries = async () => (await sql<{ nid: number; facet_ids: string; credit: string | null }>`select nid, facet_ids, credit from search_docs order by nid`
          .execute(connection.db)).rows.map((r) => ({ nid: r.nid, ids: r.facet_ids.split(' ').filter((id) => id !== '').sort(), credit: r.credit }));
        const indexed = await entries();
        assert.ok(indexed.some((e) => e.ids.length > 1 && e.credit !== null), 'the fixture has entries with facets');
        await sql`update search_docs set facet_ids = '', credit = null`.execute(connection.db);
        // Migrations take an untyped Kysely, as the Migrator hands them one.
        await fillSearchFacets(connection.db as never);
        assert.deepEqual(await entries(), indexed);
      } finally {
        await connection.close();
      }
    });

    test('Arabic: every spelling of the word is found by any other', async () => {
      for (const q of ['مستشفى', 'المستشفي', 'مُستشفى', 'مستشفـي']) {
        const r = await query(site.runtime.search, q, 'ar');
        assert.ok(r.kind === 'results', q);
        assert.deepEqual(r.hits.map((h) => h.node.nid).sort(), AR.map((a) => a.nid), q);
      }
    });

    test('the page says "more than" in English and in Arabic, over a real socket', async () => {
      const { port } = capped.app.server.address() as AddressInfo;
      const en = await socketRequest(port, { path: '/search?q=zeppelin' });
      assert.equal(en.status, 200);
      assert.match(en.body, /<p class="search-summary" role="status">More than 3 results for /);
      const ar = await socketRequest(port, { path: `/ar/search?q=${encodeURIComponent('مستشفى')}` });
      assert.equal(ar.status, 200);
      assert.match(ar.body, /<p class="search-summary" role="status">أكثر من ٣ نتيجة عن /);
      const plain = await site.folio.app.inject({ url: '/search?q=zeppelin' });
      assert.match(plain.body, /<p class="search-summary" role="status">5 results for /);
      assert.doesNotMatch(plain.body, /More than/);
    });

    test('search.json says whether the total is capped', async () => {
      const json = await capped.app.inject({ url: `/ar/search.json?q=${encodeURIComponent('مستشفى')}` });
      const body = JSON.parse(json.body) as { total: number; totalCapped: boolean; results: unknown[] };
      assert.deepEqual([body.total, body.totalCapped, body.results.length], [SMALL_CAP, true, AR.length]);
      const plain = JSON.parse((await site.folio.app.inject({ url: '/search.json?q=zeppelin' })).body) as { total: number; totalCapped: boolean };
      assert.deepEqual([plain.total, plain.totalCapped], [5, false]);
    });
  });
}
