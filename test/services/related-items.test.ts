import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { ImportRecord } from '../../src/domain/import-record.ts';
import { runImport } from '../../src/import/importer.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import type { PrecomputedRelated } from '../../src/store/types.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { nodeRecord, revision, sourceOf, termRecord } from '../support/import-factories.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const DAY = 86_400;
const EN_START = seconds('2013-06-01T08:00:00+03:00');
const AR_START = seconds('2025-01-01T08:00:00+02:00');

/**
 * The fixture plus enough articles that the Gaza tag's windows are cut at a hundred entries,
 * with three articles to each publication second (ties are ordered by id), and an Arabic edition
 * with tags of its own.
 */
async function seedBusy(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
  const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
  const w = runtime.store.writer;
  const tagSets = [[11], [11, 10], [10], [11, 12], [10, 11, 12], []];
  await w.saveNodes(en, Array.from({ length: 150 }, (_, i) => buildNode({
    nid: 4000 + i,
    title: `Busy story ${i}`,
    publishedAt: EN_START + Math.floor(i / 3) * DAY,
    sectionTid: [2, 3, 4][i % 3]!,
    termIds: [[2, 1], [3], [4]][i % 3]!.concat(tagSets[i % tagSets.length]!),
  })));
  await w.saveTerms(ar, [
    { tid: 60, vocabulary: 'tag', name: 'بيروت', path: 'tags/بيروت', parentTid: null, weight: 0 },
    { tid: 61, vocabulary: 'tag', name: 'المرفأ', path: 'tags/المرفأ', parentTid: null, weight: 0 },
  ]);
  await w.saveNodes(ar, Array.from({ length: 30 }, (_, i) => buildNode({
    nid: 5000 + i,
    title: `خبر رقم ${i}`,
    path: `content/خبر-${i}`,
    publishedAt: AR_START + Math.floor(i / 2) * DAY,
    sectionTid: 50,
    termIds: [50, ...[[60], [60, 61], [61], []][i % 4]!],
  })));
}

/** Every stored row of these articles, by id. */
async function storedRows(runtime: StoreRuntime, nids: readonly number[]): Promise<Map<number, PrecomputedRelated | undefined>> {
  const rows = new Map<number, PrecomputedRelated | undefined>();
  for (const nid of nids) rows.set(nid, await runtime.store.related.read(nid));
  return rows;
}

/** The article ids of an edition, as ranking sees them. */
async function articleIds(runtime: StoreRuntime, edition: string): Promise<number[]> {
  const candidates = edition === 'en'
    ? [2001, 2002, 2003, 2004, 2005, ...Array.from({ length: 24 }, (_, i) => 2010 + i), ...Array.from({ length: 150 }, (_, i) => 4000 + i)]
    : [FIXTURE.arabic.nid, ...Array.from({ length: 30 }, (_, i) => 5000 + i)];
  return (await runtime.store.related.subjects(candidates)).map((s) => s.nid).sort((a, b) => a - b);
}

/** Clears every stored row, so pages rank on the spot (the path before migration 018). */
async function clearStored(runtime: StoreRuntime): Promise<void> {
  for (const edition of ['en', 'ar']) await runtime.store.related.replaceEdition(edition, []);
}

/** The page with its per-request form token blanked: the only part of a page that differs between two renders. */
function stable(body: string): string {
  return body.replace(/name="form_token" value="[^"]*"/g, 'name="form_token" value=""');
}

const GOLDEN_PAGES = [
  `/${FIXTURE.article.path}`, '/content/gaza-report-number-12', '/content/gaza-report-number-24', '/content/busy-story-0',
  '/content/busy-story-76', '/content/busy-story-149', `/ar/${FIXTURE.arabic.path}`, '/ar/content/خبر-0', '/ar/content/خبر-17', '/ar/content/خبر-29',
];

for (const dialect of testDialects()) {
  describe(`precomputed related items and section neighbours (${dialect})`, () => {
    let site: TestSite;
    const get = async (url: string) => site.folio.app.inject({ method: 'GET', url: encodeURI(url) });

    before(async () => {
      site = await openTestSite(dialect, seedBusy);
    });
    after(async () => {
      await site.close();
    });

    test('an edition rebuilt in one pass stores what ranking each article from the store gives', async () => {
      const { related } = site.runtime;
      for (const edition of ['en', 'ar']) {
        const nids = await articleIds(site.runtime, edition);
        assert.equal(await related.rebuild(edition), nids.length);
        const bulk = await storedRows(site.runtime, nids);
        await site.runtime.store.related.replaceEdition(edition, []);
        await related.refreshAround(nids);
        assert.deepEqual(await storedRows(site.runtime, nids), bulk, edition);
      }
      // Not a vacuous comparison: windows were cut, neighbours found, candidates ranked.
      const row = (await site.runtime.store.related.read(4148))!;
      assert.equal(row.related.length, 10);
      assert.equal(row.previous, 4145);
      assert.equal(row.next, FIXTURE.coAuthored.nid, 'the next in Culture & Society is a year later');
    });

    test('article pages are byte-identical ranked on the spot and read from stored rows, in both editions', async () => {
      await clearStored(site.runtime);
      site.folio.contentChanged('en');
      site.folio.contentChanged('ar');
      const before = new Map<string, string>();
      for (const url of GOLDEN_PAGES) {
        const page = await get(url);
        assert.equal(page.statusCode, 200, url);
        before.set(url, stable(page.body));
      }
      assert.match(before.get('/content/busy-story-76')!, /<section class="related"/);
      assert.match(before.get('/ar/content/خبر-17')!, /<li class="previous">/);
      for (const edition of ['en', 'ar']) await site.runtime.related.rebuild(edition);
      site.folio.contentChanged('en');
      site.folio.contentChanged('ar');
      for (const url of GOLDEN_PAGES) assert.equal(stable((await get(url)).body), before.get(url), url);
    });

    test('the page shows the stored row, published candidates only, five at most', async () => {
      await site.runtime.related.rebuild('en');
      // An unpublished candidate (2 = scheduled) is left out as the live ranking leaves it out.
      await site.runtime.store.writer.saveNodes(sanctionedWriter(site.runtime.editions.get('en'), 'demo-seed'), [
        buildNode({ nid: 4900, title: 'Not yet out', scheduled: true, publishedAt: EN_START }),
      ]);
      await site.runtime.store.related.save([{ nid: 4010, edition: 'en', related: [4900, 4001, 4002, 4003, 4004, 4005, 4006], previous: 4003, next: null }]);
      site.folio.contentChanged('en');
      const body = (await get('/content/busy-story-10')).body;
      const block = body.slice(body.indexOf('<section class="related"'), body.indexOf('</section>', body.indexOf('<section class="related"')));
      assert.deepEqual([...block.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]), [1, 2, 3, 4, 5].map((i) => `/content/busy-story-${i}`));
      assert.match(body, /<li class="previous">Previous: <a href="\/content\/busy-story-3" rel="prev">/);
      assert.doesNotMatch(body, /<li class="next">/);
      await site.runtime.related.rebuild('en');
    });

    test('publishing a back-dated article re-ranks the articles that now list it, as a rebuild would', async () => {
      const ar = site.runtime.editions.get('ar');
      await site.runtime.related.rebuild('ar');
      const nids = await articleIds(site.runtime, 'ar');
      const published = await site.runtime.publishing.addArticle(ar, parseArticleInput({
        title: 'خبر منشور بتاريخ سابق', body: '<p>الفقرة الأولى.</p>', published: new Date((AR_START + 5 * DAY + 60) * 1000).toISOString(),
        section: 'politics', authors: ['ليا القزي'], tags: ['بيروت', 'المرفأ'], credit: null,
      }));
      const all = [...nids, published.nid];
      const incremental = await storedRows(site.runtime, all);
      assert.ok([...incremental.values()].some((r) => r?.related.includes(published.nid)), 'a later article lists it');
      assert.ok([...incremental.values()].some((r) => r?.previous === published.nid || r?.next === published.nid), 'a neighbour points at it');
      await site.runtime.related.rebuild('ar');
      assert.deepEqual(await storedRows(site.runtime, all), incremental);
      const page = (await get(`/ar/${published.path}`)).body;
      assert.match(page, /<section class="related"/);
    });
  });

  describe(`related items after imports (${dialect})`, () => {
    let site: TestSite;
    const tags = [termRecord({ key: 'term/20', tid: 20, name: 'Port', path: 'tags/port' }), termRecord({ key: 'term/21', tid: 21, name: 'Strike', path: 'tags/strike' }),
      termRecord({ key: 'term/10', tid: 10, vocabulary: 'section', name: 'Economy', path: 'section/economy' })];
    const story = (i: number, tagKeys: string[], day = i, note = '') => nodeRecord({
      key: `node/${7000 + i}`, nid: 7000 + i, path: `content/port-story-${i}`, sectionKey: 'term/10', tagKeys,
      publishedAt: EN_START + day * DAY, revisions: [revision({ title: `Port story ${i}`, revisedAt: EN_START + i * DAY }),
        ...(note ? [revision({ title: `Port story ${i} (${note})`, revisedAt: EN_START + 40 * DAY })] : [])],
    });
    const importRun = (records: ImportRecord[]) => runImport({
      source: sourceOf(records), sourceName: 'folio', inputs: ['test'], edition: site.runtime.editions.get('en'), service: site.runtime.imports, batchSize: 4,
    });
    const ids = Array.from({ length: 20 }, (_, i) => 7000 + i);

    before(async () => {
      site = await openTestSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    test('an import run stores every imported article ranked', async () => {
      await importRun([...tags, ...Array.from({ length: 20 }, (_, i) => story(i, i === 19 ? ['term/21'] : i % 2 === 0 ? ['term/20'] : ['term/20', 'term/21']))]);
      const rows = await storedRows(site.runtime, ids);
      assert.ok([...rows.values()].every((r) => r !== undefined), 'every article has a row');
      assert.deepEqual(rows.get(7017)!.related.slice(0, 3), [7015, 7013, 7011], 'both tags shared first, newest first');
      assert.deepEqual(rows.get(7019)!.related.slice(0, 3), [7017, 7015, 7013]);
      assert.equal(rows.get(7019)!.previous, 7018);
    });

    test('re-importing articles with other tags and dates re-ranks those that listed them before and those that list them now', async () => {
      // Story 17 leaves the Strike tag and moves after story 19: nothing follows it now, so only
      // what listed it before can be stale.
      assert.equal((await importRun([...tags, story(17, ['term/20'], 25, 'corrected')])).counts.node.updated, 1);
      const incremental = await storedRows(site.runtime, ids);
      assert.ok(!incremental.get(7019)!.related.includes(7017), 'story 19 (Strike only) no longer lists 17');
      assert.equal(incremental.get(7018)!.previous, 7016, 'the old neighbour of 17 re-ranked');
      assert.equal(incremental.get(7017)!.previous, 7019);
      // Story 4 joins the Strike tag: what follows it now lists it.
      await importRun([...tags, story(4, ['term/20', 'term/21'], 4, 'corrected')]);
      const again = await storedRows(site.runtime, ids);
      assert.ok(again.get(7019)!.related.includes(7004), 'story 19 now lists 4');
      await site.runtime.related.rebuild('en');
      assert.deepEqual(await storedRows(site.runtime, ids), again);
    });
  });
}
