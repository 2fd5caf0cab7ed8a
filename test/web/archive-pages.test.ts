import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

/** The fixture plus a late-evening item on the 17th and a month of twelve items, for paging. */
async function seedArchive(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
  await runtime.store.writer.saveNodes(en, [
    // 23:59 in Beirut on the 17th; the fixture article (00:30 on the 18th) is still the 17th in UTC.
    buildNode({ nid: 2201, title: 'Late on the seventeenth', publishedAt: seconds('2014-11-17T23:59:00+02:00'), sectionTid: 4, termIds: [4] }),
    ...Array.from({ length: 12 }, (_, i) => buildNode({
      nid: 2210 + i, title: `December item ${i + 1}`, publishedAt: seconds('2014-12-05T08:00:00+02:00') + i * 60, sectionTid: 4, termIds: [4],
    })),
  ]);
}

for (const dialect of testDialects()) {
  describe(`date archives (${dialect})`, () => {
    let site: TestSite;
    const get = async (url: string) => {
      const res = await site.folio.app.inject({ method: 'GET', url: encodeURI(url) });
      return { status: res.statusCode, body: res.body };
    };
    const teasers = (body: string) => [...body.matchAll(/<h3 class="teaser-title"><a href="([^"]+)">/g)].map((m) => m[1]);

    before(async () => {
      site = await openTestSite(dialect, seedArchive);
    });
    after(async () => {
      await site.close();
    });

    test('/archive lists the years with counts, newest first', async () => {
      const res = await get('/archive');
      assert.equal(res.status, 200);
      // 2014: the article, two writers, agencies, the blog post, the late item and twelve in December.
      const years = [...res.body.matchAll(/<a href="\/archive\/(\d{4})">\d{4} \((\d+)\)<\/a>/g)].map((m) => [m[1], m[2]]);
      assert.deepEqual(years, [['2014', '17'], ['2013', '24'], ['2012', '2']]);
    });

    test('a year lists its twelve months with counts, linking the months that have items', async () => {
      const res = await get('/archive/2014');
      assert.equal(res.status, 200);
      assert.match(res.body, /<a href="\/archive\/2014\/11">November \(3\)<\/a>/);
      assert.match(res.body, /<a href="\/archive\/2014\/12">December \(12\)<\/a>/);
      assert.match(res.body, /<span class="empty">January \(0\)<\/span>/);
    });

    test('days follow Beirut time: 00:30 on the 18th belongs to the 18th, 23:59 on the 17th to the 17th', async () => {
      const month = await get('/archive/2014/11');
      assert.match(month.body, /<a href="\/archive\/2014\/11\/17">November 17, 2014 \(1\)<\/a>/);
      assert.match(month.body, /<a href="\/archive\/2014\/11\/18">November 18, 2014 \(1\)<\/a>/);
      const day18 = await get('/archive/2014/11/18');
      assert.equal(day18.status, 200);
      assert.deepEqual(teasers(day18.body), [`/${FIXTURE.article.path}`]);
      const day17 = await get('/archive/2014/11/17');
      assert.deepEqual(teasers(day17.body), ['/content/late-on-the-seventeenth']);
    });

    test('a month pages its items ten at a time, newest first, and 404s past the end', async () => {
      const first = await get('/archive/2014/12');
      assert.equal(teasers(first.body).length, 10);
      assert.equal(teasers(first.body)[0], '/content/december-item-12');
      assert.match(first.body, /href="\/archive\/2014\/12\?page=1"/);
      const second = await get('/archive/2014/12?page=1');
      assert.deepEqual(teasers(second.body), ['/content/december-item-2', '/content/december-item-1']);
      assert.match(second.body, /<link rel="canonical" href="http:\/\/folio.test\/archive\/2014\/12\?page=1">/);
      assert.equal((await get('/archive/2014/12?page=2')).status, 404);
    });

    test('invalid dates are 404 pages', async () => {
      for (const url of ['/archive/2014/13', '/archive/2014/00', '/archive/2014/02/30', '/archive/2013/02/29', '/archive/99999', '/archive/abc', '/archive/2014/1', '/archive/2014/11/18x', '/ar/archive/2014/13']) {
        const res = await get(url);
        assert.equal(res.status, 404, url);
        assert.match(res.body, /<h1 class="page-title">/, url);
      }
      assert.equal((await get('/archive/2012/02/29')).status, 200, 'a leap day is a real date');
    });

    test('an empty but valid period is a 200 page that says nothing was published', async () => {
      for (const url of ['/archive/2014/02', '/archive/2014/02/14', '/archive/1990']) {
        const res = await get(url);
        assert.equal(res.status, 200, url);
        assert.match(res.body, /<p class="archive-empty">Nothing was published in this period.<\/p>/, url);
      }
    });

    test('the Arabic archive uses Levantine month names and Arabic digits', async () => {
      const res = await get('/ar/archive/2025/11');
      assert.equal(res.status, 200);
      assert.match(res.body, /<h1 class="page-title">تشرين الثاني ٢٠٢٥<\/h1>/);
      assert.match(res.body, /<a href="\/ar\/archive\/2025\/11\/18">١٨ تشرين الثاني ٢٠٢٥ \(١\)<\/a>/);
      assert.deepEqual(teasers(res.body), [`/ar/${FIXTURE.arabic.path}`]);
    });

    test('every page links the archive from its footer', async () => {
      assert.match((await get('/')).body, /<footer[^]*<a href="\/archive">Archive<\/a>/);
      assert.match((await get('/ar/')).body, /<footer[^]*<a href="\/ar\/archive">الأرشيف<\/a>/);
    });
  });
}
