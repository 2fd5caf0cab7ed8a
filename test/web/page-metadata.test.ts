import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const HOSTILE = 'Breaking </script><script>alert(1)</script> <!-- "quoted" & more';

/** The fixture plus one older item sharing both of the article's tags, with a hostile title. */
async function seedMetadata(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
  await runtime.store.writer.saveNodes(en, [
    buildNode({ nid: 2301, title: HOSTILE, path: 'content/hostile', publishedAt: seconds('2012-06-01T09:00:00+03:00'), sectionTid: 4, termIds: [4, 10, 11], authorIds: [1] }),
    buildNode({
      nid: 2302, title: 'A photographed story', path: 'content/photographed', publishedAt: seconds('2012-05-01T09:00:00+03:00'), sectionTid: 4, termIds: [4], authorIds: [1],
      photo: { src: '/files/lead.jpg', caption: 'Fishermen at dawn in Tyre.', credit: 'AFP/Someone' },
    }),
  ]);
}

/** Every JSON-LD block of a page, parsed. */
function jsonLd(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

const head = (body: string) => body.slice(0, body.indexOf('</head>'));

for (const dialect of testDialects()) {
  describe(`page metadata and related articles (${dialect})`, () => {
    let site: TestSite;
    const get = async (url: string) => (await site.folio.app.inject({ method: 'GET', url: encodeURI(url) })).body;

    before(async () => {
      site = await openTestSite(dialect, seedMetadata);
    });
    after(async () => {
      await site.close();
    });

    test('an article carries NewsArticle and BreadcrumbList JSON-LD', async () => {
      const [article, crumbs] = jsonLd(await get(`/${FIXTURE.article.path}`));
      assert.equal(article!['@type'], 'NewsArticle');
      assert.equal(article!.headline, FIXTURE.article.title);
      assert.equal(article!.datePublished, '2014-11-18T00:30:00+02:00');
      assert.equal(article!.dateModified, '2014-11-18T00:30:00+02:00');
      assert.deepEqual(article!.author, [{ '@type': 'Person', name: 'Lea al-Qazzi' }]);
      assert.deepEqual((article!.publisher as Record<string, unknown>).name, 'The Levant Ledger');
      assert.equal(article!.inLanguage, 'en');
      assert.equal(article!.isAccessibleForFree, true);
      assert.equal(article!.articleSection, 'Palestine');
      assert.deepEqual(article!.keywords, ['Gaza', 'Islamic State']);
      assert.equal(article!.image, 'http://folio.test/assets/demo/photo-3.svg');
      assert.deepEqual(article!.sourceOrganization, [{ '@type': 'Organization', name: 'Reuters' }, { '@type': 'Organization', name: 'The Levant Ledger' }]);
      assert.equal(crumbs!['@type'], 'BreadcrumbList');
      const items = crumbs!.itemListElement as { position: number; name: string; item: string }[];
      assert.deepEqual(items.map((i) => [i.position, i.name, i.item]), [
        [1, 'The Levant Ledger', 'http://folio.test/'],
        [2, 'Palestine', 'http://folio.test/section/politics/palestine'],
        [3, FIXTURE.article.title, `http://folio.test/${FIXTURE.article.path}`],
      ]);
    });

    test('the Arabic article names the agency from an Arabic credit line', async () => {
      const [article] = jsonLd(await get(`/ar/${FIXTURE.arabic.path}`));
      assert.equal(article!.inLanguage, 'ar');
      assert.deepEqual((article!.sourceOrganization as { name: string }[]).map((o) => o.name), ['رويترز', 'دفتر المشرق']);
      assert.equal(article!.datePublished, '2025-11-18T10:00:00+02:00');
    });

    test('a hostile title cannot end the JSON-LD block or open a comment', async () => {
      const body = await get('/content/hostile');
      const h = head(body);
      assert.ok(!h.includes('<script>alert'), 'no live script element');
      assert.ok(!/ld\+json">[^<]*<!--/.test(h), 'no comment opener inside JSON-LD');
      assert.match(h, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e \\u003c!-- \\\"quoted\\\" \\u0026 more/);
      const [article] = jsonLd(body);
      assert.equal(article!.headline, HOSTILE);
      assert.match(h, /<meta property="og:title" content="Breaking &lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &lt;!-- &quot;quoted&quot; &amp; more">/);
    });

    test('OpenGraph and Twitter card tags describe the article', async () => {
      const h = head(await get(`/${FIXTURE.article.path}`));
      for (const tag of [
        `<meta property="og:title" content="${FIXTURE.article.title}">`,
        '<meta property="og:type" content="article">',
        `<meta property="og:url" content="http://folio.test/${FIXTURE.article.path}">`,
        '<meta property="og:site_name" content="The Levant Ledger">',
        '<meta property="og:locale" content="en_US">',
        '<meta property="og:description" content="Damascus – The first paragraph',
        '<meta name="twitter:card" content="summary_large_image">',
        `<meta name="twitter:title" content="${FIXTURE.article.title}">`,
      ]) assert.ok(h.includes(tag), tag);
      // The fixture's photo is an SVG, which link previews do not show: the paper's share image stands in.
      assert.match(h, /<meta property="og:image" content="http:\/\/folio\.test\/assets\/share\.[0-9a-f]{10}\.png">/);
      assert.ok(h.includes('<meta property="og:image:alt" content="The Levant Ledger">'));
      assert.ok(!/og:image" content="[^"]*\.svg"/.test(h), 'never an SVG og:image');
      const ar = head(await get('/ar/'));
      assert.ok(ar.includes('<meta property="og:locale" content="ar_LB">'));
      assert.ok(ar.includes('<meta property="og:type" content="website">'));
      assert.ok(ar.includes('<meta name="twitter:card" content="summary">'));
    });

    test('the two home pages name each other with hreflang, and x-default', async () => {
      for (const url of ['/', '/ar/']) {
        const h = head(await get(url));
        assert.ok(h.includes('<link rel="alternate" hreflang="en" href="http://folio.test/">'), url);
        assert.ok(h.includes('<link rel="alternate" hreflang="ar" href="http://folio.test/ar/">'), url);
        assert.ok(h.includes('<link rel="alternate" hreflang="x-default" href="http://folio.test/">'), url);
      }
    });

    test('a raster photo is the og:image, described by its caption', async () => {
      const h = head(await get('/content/photographed'));
      assert.ok(h.includes('<meta property="og:image" content="http://folio.test/files/lead.jpg">'));
      assert.ok(h.includes('<meta property="og:image:alt" content="Fishermen at dawn in Tyre.">'));
      assert.ok(h.includes('<meta name="twitter:image:alt" content="Fishermen at dawn in Tyre.">'));
      const share = await site.folio.app.inject({ method: 'GET', url: /og:image" content="http:\/\/folio\.test(\/assets\/share[^"]+)"/.exec(head(await get('/')))![1]! });
      assert.equal(share.headers['content-type'], 'image/png');
    });

    test('a blog post is a BlogPosting, and unsigned copy is credited to the paper, never to no one', async () => {
      const [post] = jsonLd(await get(`/${FIXTURE.blog.post}`));
      assert.equal(post!['@type'], 'BlogPosting');
      const [unsigned] = jsonLd(await get(`/${FIXTURE.unsigned.path}`));
      assert.equal(unsigned!['@type'], 'NewsArticle');
      assert.deepEqual(unsigned!.author, [{ '@type': 'Organization', name: 'The Levant Ledger', url: 'http://folio.test/' }]);
    });

    test('home pages and listings carry a meta description; later pages say which page', async () => {
      const description = (body: string) => /<meta name="description" content="([^"]*)">/.exec(head(body))?.[1];
      assert.equal(description(await get('/')), 'The Levant Ledger — Independent news from Beirut and the region, 2011–2015');
      assert.equal(description(await get('/ar/')), 'دفتر المشرق — أخبار مستقلة من بيروت والمنطقة');
      assert.equal(description(await get('/tags/gaza')), 'Gaza: the articles of The Levant Ledger, newest first.');
      assert.equal(description(await get('/tags/gaza?page=1')), 'Gaza: the articles of The Levant Ledger, newest first. Page 2.');
      assert.equal(description(await get(`/${FIXTURE.author.path}`)), 'Articles by Lea al-Qazzi in The Levant Ledger, newest first.');
      assert.equal(description(await get('/ar/section/politics')), 'سياسة: مقالات دفتر المشرق، الأحدث أولاً.');
    });

    test('"Read more" names its article for assistive technology in the link text itself', async () => {
      const body = await get('/tags/gaza');
      assert.match(body, /<a href="\/content\/battle-freedom-x-vs-authorities">Read more<span class="visually-hidden">: The battle for freedom: X vs\. the authorities<\/span><\/a>/);
      assert.ok(!body.includes('aria-label="Read more'), 'no aria-label hiding the text from search engines');
    });

    test('listings carry a BreadcrumbList through the parent section', async () => {
      const [crumbs] = jsonLd(await get(`/${FIXTURE.palestine.path}`));
      const items = crumbs!.itemListElement as { name: string; item: string }[];
      assert.deepEqual(items.map((i) => i.name), ['The Levant Ledger', 'Politics', 'Palestine']);
    });

    test('related articles rank by shared tags, then newest, and leave the article out', async () => {
      const body = await get(`/${FIXTURE.article.path}`);
      const block = body.slice(body.indexOf('<section class="related"'), body.indexOf('</section>', body.indexOf('<section class="related"')));
      const links = [...block.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
      // The hostile item shares both tags; the rest share Gaza only and come newest first.
      assert.deepEqual(links, ['/content/hostile', `/${FIXTURE.coAuthored.path}`, `/${FIXTURE.unsigned.path}`, '/content/gaza-report-number-24', '/content/gaza-report-number-23']);
    });

    test('previous and next in the section follow publication dates', async () => {
      const article = await get(`/${FIXTURE.article.path}`);
      assert.match(article, /<li class="previous">Previous: <a href="\/content\/gaza-report-number-24" rel="prev">Gaza report number 24<\/a><\/li>/);
      assert.doesNotMatch(article, /<li class="next">/);
      const middle = await get('/content/gaza-report-number-12');
      assert.match(middle, /<li class="previous">Previous: <a href="\/content\/gaza-report-number-11" rel="prev">/);
      assert.match(middle, /<li class="next">Next: <a href="\/content\/gaza-report-number-13" rel="next">/);
      const newest = await get('/content/gaza-report-number-24');
      assert.match(newest, /<li class="next">Next: <a href="\/content\/battle-freedom-x-vs-authorities" rel="next">/);
    });
  });
}
