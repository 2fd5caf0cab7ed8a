import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Parser from 'rss-parser';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const BASE = 'http://folio.test';
const HOSTILE_TITLE = 'Bread & salt <b>now</b> ]]> "at last"';

/** The fixture plus one live-edition article with a hostile title (the newest item in Arabic). */
async function seedWithHostile(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  await runtime.store.writer.saveNodes(sanctionedWriter(runtime.editions.get('ar'), 'demo-seed'), [buildNode({
    nid: 3002, title: HOSTILE_TITLE, path: 'content/hostile', sectionTid: 50, termIds: [50], authorIds: [50], publishedAt: seconds('2025-11-19T09:00:00+02:00'),
  })]);
}

const LISTING_FEEDS = [
  '/rss.xml', '/taxonomy/term/11/feed', '/tags/gaza/feed', '/taxonomy/term/12/feed', '/section/politics/feed', '/section/politics/palestine/feed',
  `/${FIXTURE.author.path}/feed`, `/${FIXTURE.blog.path}/feed`, '/blog/feed',
  '/ar/rss.xml', '/ar/section/politics/feed', '/ar/taxonomy/term/50/feed',
];

for (const dialect of testDialects()) {
  describe(`feeds (${dialect})`, () => {
    let site: TestSite;
    const get = (url: string) => site.folio.app.inject({ method: 'GET', url });
    const parser = new Parser();

    before(async () => {
      site = await openTestSite(dialect, seedWithHostile);
    });
    after(async () => {
      await site.close();
    });

    test('every listing feed parses as RSS and Atom, newest first, with absolute links that answer 200', async () => {
      const checked = new Set<string>();
      for (const url of LISTING_FEEDS) {
        for (const format of ['rss', 'atom'] as const) {
          const res = await get(format === 'rss' ? url : `${url}?format=atom`);
          assert.equal(res.statusCode, 200, url);
          assert.equal(res.headers['content-type'], `application/${format}+xml; charset=utf-8`, url);
          for (const email of FIXTURE.emails) assert.ok(!res.body.includes(email), `${email} in ${url}`);
          const feed = await parser.parseString(res.body);
          assert.ok(feed.items.length > 0 && feed.items.length <= 20, `${url} has ${feed.items.length} items`);
          const times = feed.items.map((i) => Date.parse(format === 'rss' ? i.pubDate! : i.isoDate!));
          assert.deepEqual(times, [...times].sort((a, b) => b - a), `${url} is newest first`);
          assert.match(res.body, url.startsWith('/ar/') ? /<language>ar<\/language>|xml:lang="ar"/ : /<language>en<\/language>|xml:lang="en"/);
          for (const item of feed.items) {
            assert.ok(item.link?.startsWith(`${BASE}/`), `${url}: ${item.link}`);
            const path = item.link!.slice(BASE.length);
            if (checked.has(path)) continue;
            checked.add(path);
            assert.equal((await get(encodeURI(path))).statusCode, 200, `${path} from ${url}`);
          }
        }
      }
    });

    test('items carry authors, categories, teaser and credit line', async () => {
      const feed = await parser.parseString((await get(`/${FIXTURE.author.path}/feed`)).body);
      const item = feed.items.find((i) => i.title === FIXTURE.article.title)!;
      assert.equal(item.link, `${BASE}/${FIXTURE.article.path}`);
      assert.equal(item.guid, item.link);
      assert.equal(item.creator, FIXTURE.author.name);
      assert.ok(item.categories?.includes('Palestine') && item.categories.includes('Gaza'), String(item.categories));
      // The credit line closes the teaser; the article's corrections follow it, with their dates.
      assert.match(item.content ?? '', /\(Reuters, The Levant Ledger\) Correction \(Thursday, November 20, 2014\): An earlier version misspelled a name\.$/);
      assert.equal(new Date(item.pubDate!).toISOString(), '2014-11-17T22:30:00.000Z');
    });

    test('the front feed is the promoted items, or the newest when none are promoted', async () => {
      const en = await parser.parseString((await get('/rss.xml')).body);
      assert.deepEqual(en.items.map((i) => i.title), [FIXTURE.article.title]);
      const ar = await parser.parseString((await get('/ar/rss.xml')).body);
      assert.deepEqual(ar.items.map((i) => i.title), [HOSTILE_TITLE, 'مقال عربي للاختبار']);
      assert.equal(ar.language, 'ar');
    });

    test('a hostile title survives as text in RSS and Atom', async () => {
      for (const url of ['/ar/rss.xml', '/ar/rss.xml?format=atom']) {
        const res = await get(url);
        assert.ok(!res.body.includes('<b>now</b>') && !res.body.includes(']]> '), url);
        assert.equal((await parser.parseString(res.body)).items[0]!.title, HOSTILE_TITLE);
      }
    });

    test('comment feeds list published comments only, newest first, without e-mail or host', async () => {
      const res = await get(`/comment/feed/${FIXTURE.article.nid}`);
      assert.equal(res.statusCode, 200);
      const feed = await parser.parseString(res.body);
      assert.deepEqual(feed.items.map((i) => i.link), [3, 2, 1].map((cid) => `${BASE}/comment/${cid}`));
      for (const item of feed.items) assert.equal((await get(item.link!.slice(BASE.length))).statusCode, 301);
      const unsigned = await parser.parseString((await get(`/comment/feed/${FIXTURE.unsigned.nid}?format=atom`)).body);
      assert.deepEqual(unsigned.items.map((i) => i.link), [`${BASE}/comment/4`]);
      for (const url of [`/comment/feed/${FIXTURE.article.nid}`, `/comment/feed/${FIXTURE.unsigned.nid}?format=atom`]) {
        const body = (await get(url)).body;
        for (const email of FIXTURE.emails) assert.ok(!body.includes(email), `${email} in ${url}`);
        assert.ok(!/hostname|127\.0\.0\.1|reader2\.example\.org/.test(body), url);
      }
    });

    test('listing and home pages announce their feed in <head>', async () => {
      for (const [page, feed] of [['/', '/rss.xml'], ['/tags/gaza', '/taxonomy/term/11/feed'], [`/${FIXTURE.author.path}`, `/${FIXTURE.author.path}/feed`], ['/ar/', '/ar/rss.xml']]) {
        const head = (await get(page!)).body.split('</head>')[0]!;
        assert.ok(head.includes(`<link rel="alternate" type="application/rss+xml" title="`) && head.includes(`href="${BASE}${feed}"`), page);
      }
    });

    test('unknown feeds are 404 pages', async () => {
      for (const url of ['/taxonomy/term/999/feed', '/tags/no-such-tag/feed', '/comment/feed/99999', '/rss.xml?format=json', `/${FIXTURE.article.path}/feed`, `/ar/comment/feed/${FIXTURE.article.nid}`]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.headers['content-type'] as string, /text\/html/, url);
      }
    });
  });
}
