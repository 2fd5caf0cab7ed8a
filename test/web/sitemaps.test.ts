import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { buildApp } from '../../src/web/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const BASE = 'http://folio.test';
const PAGE_SIZE = 7;
/** "Now" for the news sitemap: a day after the fixture's Arabic article. */
const NOW = Date.parse('2025-11-19T12:00:00Z');
const HOSTILE_TITLE = 'Salt & <bread> ]]> "news"';

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const locs = (xml: string): string[] => (parser.parse(xml).urlset.url ?? []).map((u: { loc: string }) => u.loc);

for (const dialect of testDialects()) {
  describe(`sitemaps (${dialect})`, () => {
    let site: TestSite;
    let app: FastifyInstance;
    let now = NOW;
    const get = (url: string) => app.inject({ method: 'GET', url });

    before(async () => {
      site = await openTestSite(dialect, async (runtime) => {
        await seedFixture(runtime);
        await runtime.store.writer.saveNodes(sanctionedWriter(runtime.editions.get('ar'), 'demo-seed'), [buildNode({
          nid: 3002, title: HOSTILE_TITLE, path: 'content/hostile-news', sectionTid: 50, termIds: [50], authorIds: [50], publishedAt: seconds('2025-11-19T09:00:00+02:00'),
        })]);
      });
      app = (await buildApp({ ...site.runtime, sitemapPageSize: PAGE_SIZE, clock: () => now })).app;
    });
    after(async () => {
      await app.close();
      await site.close();
    });

    test('the index pages every public URL of both editions, each page within the size, each URL answering 200', async () => {
      const index = await get('/sitemap.xml');
      assert.equal(index.statusCode, 200);
      assert.equal(index.headers['content-type'], 'application/xml; charset=utf-8');
      const pages: string[] = parser.parse(index.body).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
      assert.ok(pages.length > 3, `only ${pages.length} pages`);
      assert.deepEqual(pages, pages.map((_, i) => `${BASE}/sitemap-${i + 1}.xml`));
      const all: string[] = [];
      for (const [i, page] of pages.entries()) {
        const res = await get(page.slice(BASE.length));
        assert.equal(res.statusCode, 200, page);
        for (const email of FIXTURE.emails) assert.ok(!res.body.includes(email));
        const urls = locs(res.body);
        assert.ok(urls.length <= PAGE_SIZE && (urls.length === PAGE_SIZE || i === pages.length - 1), `${page} has ${urls.length}`);
        all.push(...urls);
      }
      assert.equal(new Set(all).size, all.length, 'no URL listed twice');
      for (const path of ['/', '/ar/', '/blog', `/${FIXTURE.article.path}`, `/node/${FIXTURE.nodeOnly.nid}`, `/${FIXTURE.gazaTag.path}`, `/taxonomy/term/${FIXTURE.termOnly.tid}`,
        `/${FIXTURE.palestine.path}`, `/${FIXTURE.author.path}`, `/${FIXTURE.blog.path}`, `/${FIXTURE.blog.post}`, `/${FIXTURE.landing.path}`, `/ar/${FIXTURE.arabic.path}`, `/ar/${FIXTURE.arabic.sectionPath}`]) {
        assert.ok(all.includes(`${BASE}${path}`), `${path} missing`);
      }
      assert.ok(!all.some((u) => u.includes(FIXTURE.article.legacyPath)), 'old aliases are not canonical');
      for (const url of all) {
        assert.ok(url.startsWith(`${BASE}/`), url);
        assert.equal((await site.folio.app.inject({ url: url.slice(BASE.length) })).statusCode, 200, url);
      }
      assert.equal((await get(`/sitemap-${pages.length + 1}.xml`)).statusCode, 404);
      assert.equal((await get('/sitemap-0.xml')).statusCode, 404);
    });

    test('listings and nodes carry lastmod', async () => {
      const xml = (await get('/sitemap-1.xml')).body + (await get('/sitemap-2.xml')).body;
      assert.match(xml, /<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);
    });

    test('the news sitemap lists the live edition\'s articles of the last two days, by the clock', async () => {
      now = NOW;
      const res = await get('/sitemap-news.xml');
      assert.equal(res.statusCode, 200);
      const urls = parser.parse(res.body).urlset.url;
      assert.deepEqual(urls.map((u: { loc: string }) => u.loc), [`${BASE}/ar/content/hostile-news`, `${BASE}/ar/${FIXTURE.arabic.path}`]);
      assert.equal(urls[0]['news:news']['news:title'], HOSTILE_TITLE);
      assert.equal(urls[0]['news:news']['news:publication']['news:language'], 'ar');
      now = NOW + 1.5 * 86400_000;
      assert.deepEqual(locs((await get('/sitemap-news.xml')).body), [`${BASE}/ar/content/hostile-news`]);
      now = NOW + 5 * 86400_000;
      assert.deepEqual(locs((await get('/sitemap-news.xml')).body), []);
    });

    test('robots.txt points at the sitemap and keeps crawlers out of staff pages', async () => {
      const res = await get('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/plain/);
      assert.match(res.body, /^Sitemap: http:\/\/folio\.test\/sitemap\.xml$/m);
      assert.match(res.body, /^Disallow: \/admin\/$/m);
      assert.match(res.body, /^Disallow: \/user\/$/m);
    });
  });
}
