import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// One search suite, run on SQLite FTS5 and PostgreSQL tsvector alike.
const EN = [
  { nid: 5001, title: 'Donors pledge aid for Gaza reconstruction', body: 'The donors pledged two billion dollars at the Cairo conference.', at: '2014-10-12T10:00:00+03:00' },
  { nid: 5002, title: 'Ministers meet at the border crossing', body: 'Talks at the Rafah border crossing ended without agreement.', at: '2014-11-01T10:00:00+02:00' },
  { nid: 5003, title: 'Pledging conference postponed', body: 'Reuters reported that the pledging session moved to December.', at: '2014-11-20T10:00:00+02:00' },
  { nid: 5004, title: 'Electricity cuts in Tripoli', body: 'A crossing of a different kind: power lines across the border with Syria.', at: '2014-12-01T10:00:00+02:00' },
];
const AR = [
  { nid: 6001, title: 'المدينة القديمة في طرابلس', body: 'زار الوفد إسرائيل والأراضي المحتلة قبل وصوله إلى المدينة.', at: '2025-10-01T10:00:00+03:00' },
  { nid: 6002, title: 'معلمات يعتصمن أمام الوزارة', body: 'اعتصمت المعلّمات للمطالبة بالرواتب.', at: '2025-10-02T10:00:00+03:00' },
];

for (const dialect of testDialects()) {
  describe(`search (${dialect})`, () => {
    let site: TestSite;
    const search = (q: string, edition = 'en', sort: 'relevance' | 'newest' = 'relevance') =>
      site.runtime.search.query(site.runtime.editions.get(edition), { q, page: 0, sort });
    const nids = async (q: string, edition = 'en', sort: 'relevance' | 'newest' = 'relevance') => {
      const r = await search(q, edition, sort);
      assert.equal(r.kind, 'results', q);
      return r.kind === 'results' ? r.hits.map((h) => h.node.nid) : [];
    };

    before(async () => {
      site = await openTestSite(dialect, async (runtime) => {
        await seedFixture(runtime);
        const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
        const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
        await runtime.store.writer.saveNodes(en, EN.map((a) => buildNode({ nid: a.nid, title: a.title, bodyHtml: `<p>${a.body}</p>`, publishedAt: seconds(a.at), path: `content/s${a.nid}` })));
        await runtime.store.writer.saveNodes(ar, AR.map((a) => buildNode({ nid: a.nid, title: a.title, bodyHtml: `<p>${a.body}</p>`, publishedAt: seconds(a.at), path: `content/s${a.nid}` })));
        await runtime.search.reindex();
      });
    });
    after(async () => {
      await site.close();
    });

    test('English stemming: pledge finds pledged and pledging', async () => {
      const found = await nids('pledge');
      assert.deepEqual([...found].sort(), [5001, 5003]);
    });

    test('a title match ranks first', async () => {
      const found = await nids('electricity tripoli');
      assert.equal(found[0], 5004);
    });

    test('phrases, exclusion, OR and prefixes', async () => {
      assert.deepEqual(await nids('"border crossing"'), [5002]);
      assert.deepEqual(await nids('border -rafah'), [5004]);
      assert.deepEqual([...(await nids('electricity OR ministers'))].sort(), [5002, 5004]);
      assert.deepEqual([...(await nids('reconstr*'))], [5001]);
    });

    test('newest first orders by publication', async () => {
      assert.deepEqual(await nids('pledge', 'en', 'newest'), [5003, 5001]);
    });

    test('Arabic: without hamza, diacritics or the article, a reader finds what they mean', async () => {
      assert.ok((await nids('اسرائيل', 'ar')).includes(6001), 'إسرائيل typed without hamza');
      assert.ok((await nids('مدينة', 'ar')).includes(6001), 'المدينة found by مدينة');
      assert.ok((await nids('المدينه', 'ar')).includes(6001), 'ة typed as ه');
      assert.ok((await nids('معلمة', 'ar')).includes(6002), 'المعلّمات (with shadda) by a singular without it');
    });

    test('Arabic prefixes typed with the article or a joined preposition find the words they start', async () => {
      assert.deepEqual(await nids('المحت*', 'ar'), [6001], 'المحتلة by المحت*');
      assert.deepEqual(await nids('بالروا*', 'ar'), [6002], 'بالرواتب by بالروا*');
      assert.deepEqual(await nids('محت*', 'ar'), [6001], 'and without it, as before');
    });

    test('editions are searched apart', async () => {
      assert.deepEqual(await nids('مدينة', 'en'), []);
      assert.ok(!(await nids('pledge', 'ar')).includes(5001));
    });

    test('a malformed query is explained, an empty one asks for words', async () => {
      const bad = await search('"unbalanced');
      assert.equal(bad.kind, 'invalid');
      assert.equal((await search('   ')).kind, 'empty');
    });

    test('publishing indexes the new article at once', async () => {
      const ar = site.runtime.editions.get('ar');
      await site.runtime.publishing.addArticle(ar, parseArticleInput({ title: 'مرفأ بيروت بعد الانفجار', body: '<p>نص عن المرفأ.</p>', published: '2026-11-25T09:30:00+02:00', section: 'politics' }));
      assert.equal((await nids('مرفأ', 'ar')).length, 1);
    });

    test('facets count sections, years, authors, tags and sources, and narrow the search', async () => {
      const all = await search('report');
      assert.equal(all.kind, 'results');
      if (all.kind !== 'results') return;
      assert.ok(all.total >= 24);
      const label = (list: readonly { label: string; count: number }[], name: string) => list.find((v) => v.label === name)?.count;
      assert.ok((label(all.facets.tag, 'Gaza') ?? 0) >= 24, 'Gaza');
      assert.ok((label(all.facets.section, 'Palestine') ?? 0) >= 24, 'Palestine');
      assert.ok((label(all.facets.author, 'Omar Haddad') ?? 0) >= 24, 'Omar Haddad');
      assert.ok((label(all.facets.year, '2013') ?? 0) >= 24, '2013');
      const edition = site.runtime.editions.get('en');
      const narrowed = await site.runtime.search.query(edition, { q: 'battle', page: 0, sort: 'relevance', filters: { source: 'Reuters' } });
      assert.equal(narrowed.kind === 'results' && narrowed.total, 1);
      const none = await site.runtime.search.query(edition, { q: 'battle', page: 0, sort: 'relevance', filters: { source: 'AFP' } });
      assert.equal(none.kind === 'results' && none.total, 0);
      const byYear = await site.runtime.search.query(edition, { q: 'report', page: 0, sort: 'newest', filters: { year: 2014 } });
      // Narrowing to a year finds exactly what its facet counted.
      assert.equal(byYear.kind === 'results' && byYear.total, label(all.facets.year, '2014') ?? 0);
      const page = await site.folio.app.inject({ url: '/search?q=report&tag=11' });
      assert.match(page.body, /Remove this filter: Gaza/);
      assert.match(page.body, /<input type="hidden" name="tag" value="11">/);
    });

    test('the search page: results with highlights, a 400 for a malformed query, JSON for programs', async () => {
      const page = await site.folio.app.inject({ url: '/search?q=pledge' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<mark>pledge<\/mark>|<mark>pledged<\/mark>|<mark>Pledging<\/mark>/i);
      assert.match(page.body, /2 results for/);
      const bad = await site.folio.app.inject({ url: '/search?q=%22unbalanced' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /&quot;unbalanced|"unbalanced|<q>&quot;unbalanced<\/q>/);
      const none = await site.folio.app.inject({ url: '/search?q=zzzzqqq' });
      assert.match(none.body, /Try fewer words, check the spelling/);
      const json = await site.folio.app.inject({ url: '/search.json?q=pledge' });
      const body = JSON.parse(json.body) as { total: number; results: { url: string; title: string }[] };
      assert.equal(body.total, 2);
      assert.match(body.results[0]!.url, /^http:\/\/folio\.test\/content\/s500[13]$/);
      const ar = await site.folio.app.inject({ url: `/ar/search?q=${encodeURIComponent('مدينة')}` });
      assert.match(ar.body, /<html lang="ar" dir="rtl">/);
      assert.match(ar.body, /<mark>المدينة<\/mark>/);
    });
  });
}
