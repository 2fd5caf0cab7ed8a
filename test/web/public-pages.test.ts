import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { assertOrder } from '../support/assert-order.ts';


for (const dialect of testDialects()) {
  describe(`public pages (${dialect})`, () => {
    let site: TestSite;
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const res = await site.folio.app.inject({ method: 'GET', url, headers });
      return { status: res.statusCode, headers: res.headers, body: res.body };
    };

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(async () => {
      await site.close();
    });

    test('the article page shows its fields in the original order', async () => {
      const res = await get(`/${FIXTURE.article.path}`);
      assert.equal(res.status, 200);
      assert.match(res.body, /<html lang="en" dir="ltr">/);
      assertOrder(res.body, [
        `<h1 class="page-title">The battle for freedom: X vs. the authorities</h1>`,
        'class="archive-notice"', 'kept online for archival purposes only', 'The Levant Ledger Management',
        '<figure class="lead-photo">', 'Protesters gather in the square.', '(Photo: AFP - Sam Writer)',
        'By: <a href="/author/lea-al-qazzi">Lea al-Qazzi</a>',
        // 00:30 Tuesday in Beirut is Monday evening in UTC: the weekday comes from Beirut.
        '<time datetime="2014-11-18T00:30:00+02:00">Published Tuesday, November 18, 2014</time>',
        'Damascus – The first paragraph', '(Reuters, The Levant Ledger)',
        'id="comments"', 'id="comment-1"', 'class="indented"', 'id="comment-2"', 'id="comment-3"',
        '<a href="#top">^ Back to Top</a>',
      ]);
      assert.match(res.body, /id="top"/);
    });

    test('an anonymous commenter is "not verified" and links nofollow to a homepage', async () => {
      const res = await get(`/${FIXTURE.article.path}`);
      assert.match(res.body, /<span class="username">Reader 1 \(not verified\)<\/span>/);
      assert.match(res.body, /<a class="username" href="http:\/\/reader2.example.org\/" rel="nofollow ugc noopener">Reader 2 \(not verified\)<\/a>/);
    });

    test('/node/<nid> and old aliases answer 301 to the canonical alias', async () => {
      const byId = await get(`/node/${FIXTURE.article.nid}`);
      assert.equal(byId.status, 301);
      assert.equal(byId.headers.location, `/${FIXTURE.article.path}`);
      const old = await get(`/${FIXTURE.article.legacyPath}`);
      assert.equal(old.status, 301);
      assert.equal(old.headers.location, `/${FIXTURE.article.path}`);
      const trailing = await get(`/${FIXTURE.article.path}/`);
      assert.equal(trailing.status, 301);
    });

    test('a node without an alias is served at /node/<nid>', async () => {
      const res = await get(`/node/${FIXTURE.nodeOnly.nid}`);
      assert.equal(res.status, 200);
      assert.match(res.body, /An item without an alias/);
    });

    test('tag listings page ten at a time with a zero-based ?page=N', async () => {
      const first = await get(`/${FIXTURE.gazaTag.path}`);
      assert.equal(first.status, 200);
      assert.equal(first.body.match(/<article class="teaser">/g)?.length, 10);
      assert.match(first.body, /<nav class="pager" aria-label="Pages">/);
      assert.match(first.body, /href="\/tags\/gaza\?page=1"/);
      const last = await get(`/${FIXTURE.gazaTag.path}?page=2`);
      assert.equal(last.status, 200);
      assert.equal(last.body.match(/<article class="teaser">/g)?.length, FIXTURE.gazaTag.items - 20);
      assert.equal((await get(`/${FIXTURE.gazaTag.path}?page=3`)).status, 404);
      assert.equal((await get(`/${FIXTURE.gazaTag.path}?page=abc`)).status, 400);
      assertOrder(first.body, ['<h1 class="page-title">Gaza</h1>', 'class="archive-notice"', '<article class="teaser">', 'class="pager"', '^ Back to Top', 'Syndicate content']);
    });

    test('listing items: author line, title, teaser, date line, read more with the right plural', async () => {
      const res = await get('/section/economy');
      assert.equal(res.status, 200);
      // 2003 has one published and one pending comment: only the published one counts.
      assert.match(res.body, /Read more<span class="visually-hidden">: Agencies report clashes<\/span><\/a> \| <a href="\/content\/agencies-report-clashes#comments">1 Comment<\/a>/);
      const politics = await get(`/${FIXTURE.palestine.path}`);
      assertOrder(politics.body, ['<p class="byline"><a href="/author/lea-al-qazzi">Lea al-Qazzi</a></p>', FIXTURE.article.title, 'Damascus – The first', 'Tuesday, November 18, 2014', '3 Comments']);
      const coauthored = await get('/section/culture-society');
      assert.match(coauthored.body, /<a href="\/author\/lea-al-qazzi">Lea al-Qazzi<\/a>, <a href="\/author\/omar-haddad">Omar Haddad<\/a>/);
    });

    test('a section listing includes its subsections', async () => {
      const res = await get(`/${FIXTURE.politics.path}`);
      assert.equal(res.status, 200);
      assert.match(res.body, /The battle for freedom/);
    });

    test('terms without an alias are listed at /taxonomy/term/<tid>; aliased ones redirect', async () => {
      const termOnly = await get(`/taxonomy/term/${FIXTURE.termOnly.tid}`);
      assert.equal(termOnly.status, 200);
      assert.match(termOnly.body, /<h1 class="page-title">Beirut Port<\/h1>/);
      assert.match(termOnly.body, /href="\/taxonomy\/term\/12\/feed"/);
      const aliased = await get(`/taxonomy/term/${FIXTURE.gazaTag.tid}?page=1`);
      assert.equal(aliased.status, 301);
      assert.equal(aliased.headers.location, '/tags/gaza?page=1');
    });

    test('author pages leave out the author line', async () => {
      const res = await get(`/${FIXTURE.author.path}`);
      assert.equal(res.status, 200);
      assert.match(res.body, /<h1 class="page-title">Lea al-Qazzi<\/h1>/);
      assert.doesNotMatch(res.body, /<p class="byline">/);
    });

    test('blogs: /blog, /blog/<uid> redirects to /blogs/<slug>, posts show the blog meta and whole first paragraph', async () => {
      const all = await get('/blog');
      assert.equal(all.status, 200);
      assert.match(all.body, /the original site did not cut it at one hundred and fifty characters\./);
      assert.match(all.body, /By <a href="\/author\/omar-haddad">Omar Haddad<\/a> – <time datetime="2014-11-10T18:40:00\+02:00">Mon, 2014-11-10 18:40<\/time> - <a href="\/blogs\/notes-hamra">Notes from Hamra<\/a>/);
      const byUid = await get(`/blog/${FIXTURE.blog.uid}`);
      assert.equal(byUid.status, 301);
      assert.equal(byUid.headers.location, `/${FIXTURE.blog.path}`);
      assert.equal((await get(`/${FIXTURE.blog.path}`)).status, 200);
      assert.equal((await get(`/${FIXTURE.blog.post}`)).status, 200);
    });

    test('special pages: landing, newsletter, Editor\'s Corner', async () => {
      const landing = await get(`/${FIXTURE.landing.path}`);
      assert.equal(landing.status, 200);
      assertOrder(landing.body, ['Special Tribunal for Lebanon', 'Intro paragraph', FIXTURE.article.title, 'Two writers one story']);
      const newsletter = await get(`/${FIXTURE.newsletter.path}`);
      assert.equal(newsletter.status, 200);
      assert.match(newsletter.body, /Week of Monday January 23, 2012/);
      const corner = await get(`/${FIXTURE.corrections.path}`);
      assert.equal(corner.status, 200);
      assert.match(corner.body, /A correction to the battle story/);
    });

    test('home page blocks come in the original order', async () => {
      const res = await get('/');
      assert.equal(res.status, 200);
      assertOrder(res.body, ['class="tagline"', 'class="archive-notice"', '>Politics</a></h2>', '>Culture &amp; Society</a></h2>', '>Economy</a></h2>', 'Special Coverage', 'Bloggers &amp; Contributors', 'First post</a> | <time', 'Nov 10 2014', 'In Focus']);
      const front = await get('/node');
      assert.equal(front.status, 200);
      assert.match(front.body, /Published Tuesday, November 18, 2014/);
    });

    test('feed URLs serve RSS (test/web/feeds.test.ts checks their contents)', async () => {
      for (const url of ['/rss.xml', '/taxonomy/term/11/feed', '/tags/gaza/feed', '/ar/rss.xml']) {
        const res = await get(url);
        assert.equal(res.status, 200, url);
        assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8', url);
      }
    });

    test('unknown paths get a localised 404 page in each edition', async () => {
      const en = await get('/no/such/page');
      assert.equal(en.status, 404);
      assert.match(en.body, /<h1 class="page-title">Page not found<\/h1>/);
      const ar = await get('/ar/no/such/page');
      assert.equal(ar.status, 404);
      assert.match(ar.body, /<html lang="ar" dir="rtl">/);
      assert.match(ar.body, /الصفحة غير موجودة/);
      assert.equal((await get('/node/999999')).status, 404);
      // An English node is not an Arabic page.
      assert.equal((await get(`/ar/node/${FIXTURE.article.nid}`)).status, 404);
    });

    test('the Arabic edition is right-to-left with Arabic dates and numerals', async () => {
      const home = await get('/ar/');
      assert.equal(home.status, 200);
      assert.match(home.body, /<html lang="ar" dir="rtl">/);
      assert.doesNotMatch(home.body, /archive-notice/);
      const article = await get(`/ar/${FIXTURE.arabic.path}`);
      assert.equal(article.status, 200);
      assert.match(article.body, /الثلاثاء ١٨ تشرين الثاني ٢٠٢٥/);
      assert.match(article.body, /بقلم: <a href="\/ar\/author\//);
      const section = await get(`/ar/${FIXTURE.arabic.sectionPath}`);
      assert.equal(section.status, 200);
      assert.match(section.body, /اقرأ المزيد/);
    });

    test('the archive refuses writes over HTTP with ReadOnlyEdition', async () => {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const res = await site.folio.app.inject({ method, url: `/${FIXTURE.article.path}`, payload: { title: 'x' } });
        assert.equal(res.statusCode, 403, method);
        assert.match(res.body, /archive kept for archival purposes only/);
      }
    });

    test('pages carry strong ETags, answer 304, and archive pages are cacheable for long', async () => {
      const first = await get(`/${FIXTURE.article.path}`);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      assert.match(String(first.headers['cache-control']), /s-maxage=86400/);
      const again = await get(`/${FIXTURE.article.path}`, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      const live = await get(`/ar/${FIXTURE.arabic.path}`);
      assert.match(String(live.headers['cache-control']), /max-age=60\b/);
      assert.match(String(first.headers['content-security-policy']), /script-src 'self'/);
    });

    test('cached pages are served precompressed once ready', async () => {
      await get('/section/politics');
      await new Promise((r) => setImmediate(r));
      const res = await site.folio.app.inject({ method: 'GET', url: '/section/politics', headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(res.headers['content-encoding'], 'br');
      assert.match(String(res.headers.etag), /-br"$/);
      // Hits skip the framework's pipeline, so they must still carry the security headers.
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const gz = await site.folio.app.inject({ method: 'GET', url: '/section/politics', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const plain = await site.folio.app.inject({ method: 'GET', url: '/section/politics' });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(plain.body, /<h1 class="page-title">Politics<\/h1>/);
      const head = await site.folio.app.inject({ method: 'HEAD', url: '/section/politics' });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
    });

    test('/comment/<cid> opens the article at that comment', async () => {
      const res = await get('/comment/2');
      assert.equal(res.status, 301);
      assert.equal(res.headers.location, `/${FIXTURE.article.path}#comment-2`);
      assert.equal((await get('/comment/5')).status, 404, 'pending comments have no permalink');
    });

    test('no commenter e-mail appears on any page', async () => {
      for (const url of ['/', '/node', `/${FIXTURE.article.path}`, '/section/economy', `/${FIXTURE.unsigned.path}`, '/tags/gaza', '/blog']) {
        const res = await get(url);
        for (const email of FIXTURE.emails) assert.ok(!res.body.includes(email), `${email} leaked on ${url}`);
      }
    });
  });
}
