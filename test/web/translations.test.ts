import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { Invalid } from '../../src/domain/errors.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const BASE = 'http://folio.test';
/** An Arabic translation with no alias, of the English item that has none either. */
const NODE_ONLY_AR = 3003;
const EN_ARTICLE = `${BASE}/${FIXTURE.article.path}`;
const AR_ARTICLE = `${BASE}/ar/${FIXTURE.arabic.path}`;

/** The fixture with two translation sets: the battle story ↔ the Arabic article, and two alias-less items. */
async function seedTranslations(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
  await runtime.store.writer.saveNodes(ar, [buildNode({
    nid: NODE_ONLY_AR, title: 'مادة بلا عنوان مستعار', path: null, sectionTid: 50, termIds: [50], authorIds: [50], publishedAt: seconds('2025-11-17T10:00:00+02:00'),
  })]);
  await runtime.store.writer.linkTranslation(ar, FIXTURE.arabic.nid, FIXTURE.article.nid);
  await runtime.store.writer.linkTranslation(ar, NODE_ONLY_AR, FIXTURE.nodeOnly.nid);
}

const head = (body: string) => body.slice(0, body.indexOf('</head>'));
/** The hreflang links of a page's head, as "lang href" strings. */
const hreflangs = (body: string) => [...head(body).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'xhtml:link' || name === 'sitemap' });

for (const dialect of testDialects()) {
  describe(`translations (${dialect})`, () => {
    let site: TestSite;
    const get = async (url: string) => site.folio.app.inject({ method: 'GET', url: encodeURI(url) });

    before(async () => {
      site = await openTestSite(dialect, seedTranslations);
    });
    after(async () => {
      await site.close();
    });

    test('a translated article names itself and its translation with hreflang, both ways', async () => {
      const en = (await get(`/${FIXTURE.article.path}`)).body;
      const ar = (await get(`/ar/${FIXTURE.arabic.path}`)).body;
      assert.deepEqual(hreflangs(en), [`en ${EN_ARTICLE}`, `ar ${AR_ARTICLE}`]);
      assert.deepEqual(hreflangs(ar), [`ar ${AR_ARTICLE}`, `en ${EN_ARTICLE}`]);
    });

    test('the article page links to its translation in the reader\'s language', async () => {
      const en = (await get(`/${FIXTURE.article.path}`)).body;
      assert.ok(en.includes(`<a href="${AR_ARTICLE}" hreflang="ar" rel="alternate">Read in Arabic</a>`));
      const ar = (await get(`/ar/${FIXTURE.arabic.path}`)).body;
      assert.ok(ar.includes(`<a href="${EN_ARTICLE}" hreflang="en" rel="alternate">اقرأ بالإنكليزية</a>`));
    });

    test('items without an alias link each other at /node/<nid>', async () => {
      const en = (await get(`/node/${FIXTURE.nodeOnly.nid}`)).body;
      assert.deepEqual(hreflangs(en), [`en ${BASE}/node/${FIXTURE.nodeOnly.nid}`, `ar ${BASE}/ar/node/${NODE_ONLY_AR}`]);
      const ar = (await get(`/ar/node/${NODE_ONLY_AR}`)).body;
      assert.ok(ar.includes(`<a href="${BASE}/node/${FIXTURE.nodeOnly.nid}" hreflang="en" rel="alternate">اقرأ بالإنكليزية</a>`));
    });

    test('an untranslated article has no hreflang links and no translation link', async () => {
      const body = (await get(`/${FIXTURE.coAuthored.path}`)).body;
      assert.deepEqual(hreflangs(body), []);
      assert.ok(!body.includes('class="translations"'));
      // The edition switch in the header still points at the other edition's home.
      assert.match(body, /<p class="edition-switch"><a href="\/ar\/" lang="ar" hreflang="ar"/);
    });

    test('sitemaps carry xhtml:link alternates for translated articles only, reciprocally', async () => {
      const index = parser.parse((await get('/sitemap.xml')).body);
      const alternates = new Map<string, string[]>();
      for (const page of index.sitemapindex.sitemap as { loc: string }[]) {
        const res = await get(page.loc.slice(BASE.length));
        assert.equal(res.statusCode, 200);
        const urlset = parser.parse(res.body).urlset;
        for (const url of urlset.url as { loc: string; 'xhtml:link'?: { '@_rel': string; '@_hreflang': string; '@_href': string }[] }[]) {
          const links = url['xhtml:link'] ?? [];
          if (links.length > 0) assert.equal(urlset['@_xmlns:xhtml'], 'http://www.w3.org/1999/xhtml');
          for (const l of links) assert.equal(l['@_rel'], 'alternate');
          alternates.set(url.loc, links.map((l) => `${l['@_hreflang']} ${l['@_href']}`));
        }
      }
      const arLoc = encodeURI(AR_ARTICLE);
      assert.deepEqual(alternates.get(EN_ARTICLE), [`en ${EN_ARTICLE}`, `ar ${arLoc}`]);
      assert.deepEqual(alternates.get(arLoc), [`ar ${arLoc}`, `en ${EN_ARTICLE}`]);
      assert.deepEqual(alternates.get(`${BASE}/ar/node/${NODE_ONLY_AR}`), [`ar ${BASE}/ar/node/${NODE_ONLY_AR}`, `en ${BASE}/node/${FIXTURE.nodeOnly.nid}`]);
      const translated = [...alternates].filter(([, links]) => links.length > 0).map(([loc]) => loc).sort();
      assert.deepEqual(translated, [EN_ARTICLE, `${BASE}/node/${FIXTURE.nodeOnly.nid}`, arLoc, `${BASE}/ar/node/${NODE_ONLY_AR}`].sort());
    });

    test('publishing with translationOf links the new article, and the original links back', async () => {
      const ar = site.runtime.editions.get('ar');
      const input = (translationOf: unknown) => parseArticleInput({
        title: 'وكالات تنقل أنباء اشتباكات', body: '<p>نص الترجمة.</p>', published: '2026-11-25T09:30:00+02:00', section: 'politics', translationOf,
      });
      await get(`/${FIXTURE.unsigned.path}`); // cached before the translation exists
      const published = await site.runtime.publishing.addArticle(ar, input(FIXTURE.unsigned.nid));
      const arUrl = `${BASE}/ar/${published.path}`;
      assert.deepEqual(hreflangs((await get(`/${FIXTURE.unsigned.path}`)).body), [`en ${BASE}/${FIXTURE.unsigned.path}`, `ar ${arUrl}`]);
      assert.deepEqual(hreflangs((await get(`/ar/${published.path}`)).body), [`ar ${arUrl}`, `en ${BASE}/${FIXTURE.unsigned.path}`]);
      await assert.rejects(site.runtime.publishing.addArticle(ar, input(FIXTURE.unsigned.nid)), Invalid, 'one translation per edition');
      await assert.rejects(site.runtime.publishing.addArticle(ar, input(FIXTURE.arabic.nid)), Invalid, 'not a node of the same edition');
      await assert.rejects(site.runtime.publishing.addArticle(ar, input(999_999)), Invalid, 'not a missing node');
      assert.throws(() => input('2003'), Invalid);
      assert.throws(() => input(-1), Invalid);
    });
  });
}
