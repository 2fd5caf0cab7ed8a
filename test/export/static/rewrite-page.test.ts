import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { PageContext } from '../../../src/export/static/page-links.ts';
import { rewritePage, splicePage } from '../../../src/export/static/rewrite-page.ts';
import { rewritePageTree } from '../../../src/export/static/rewrite-page-tree.ts';
import { fileForUrl } from '../../../src/export/static/url-files.ts';
import { FIXTURE, seedFixture } from '../../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';

const ORIGIN = 'http://folio.test';
const exported = (pathname: string) => !pathname.startsWith('/live-only/');

function context(url: string, baseUrl: string | null = null): PageContext {
  const parsed = new URL(url, ORIGIN);
  return { url, file: fileForUrl(parsed.pathname, parsed.search)!, lang: parsed.pathname.startsWith('/ar/') ? 'ar' : 'en', siteOrigin: ORIGIN, baseUrl, prefixes: ['', '/ar'], exported };
}

/** The document as the tree's serialiser writes it: two texts with the same tree give the same string. */
function tree(html: string): string {
  return DomUtils.getOuterHTML(parseDocument(html), { encodeEntities: 'utf8' });
}

/** Splicing gives the tree's document, links and JSON-LD; `spliced` says whether it did the work itself. */
function assertSameAsTree(html: string, ctx: PageContext, spliced = true): void {
  const reference = rewritePageTree(html, ctx, 'assets/search.js');
  const fast = splicePage(html, ctx, 'assets/search.js');
  assert.equal(fast !== null, spliced, spliced ? 'the page is spliced' : 'the page falls back to the tree');
  const page = rewritePage(html, ctx, 'assets/search.js');
  assert.equal(tree(page.html), tree(reference.html));
  assert.deepEqual(page.links, reference.links);
  assert.deepEqual(page.jsonLd, reference.jsonLd);
}

const PAGE = (body: string) => `<!DOCTYPE html><html lang="en"><head><link rel="canonical" href="${ORIGIN}/a"><link rel="stylesheet" href="/assets/folio.css"></head><body>${body}</body></html>`;

test('links become files, anchors or stay live; removed links take an emptied paragraph or list item with them', () => {
  const html = PAGE(`<p><a href="/user/login">Log in</a></p><p>Keep <a href="/user/register">me</a></p>
<ul><li> <a href="/admin/content">admin</a> </li><li><a href="/user/login">x</a><a href="/tags/gaza?page=2&amp;x=1">y</a></li></ul>
<p><a href='/comment/5#comment-5'>perma</a> <a href=/section/politics>bare</a> <a href="/live-only/x">live</a> <a href="#top">top</a>
<img src="/sites/default/files/photo.jpg" alt="A &quot;quoted&quot; caption"> <a href="https://elsewhere.example/">off</a></p>
<form action="/search" class="search-form"><input name="q"></form>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"A &amp; B <i>"}</script>`);
  assertSameAsTree(html, context('/content/story'));
  const page = rewritePage(html, context('/content/story'), 'assets/search.js');
  assert.doesNotMatch(page.html, /user\/login|admin\/content/);
  assert.match(page.html, /<p>Keep <\/p>/, 'a paragraph with words left stays');
  assert.match(page.html, /href="#comment-5"/);
  assert.match(page.html, /<li><a href="\.\.\/\.\.\/tags\/gaza\/index\.html">y<\/a><\/li>/, 'a query that is no pager leads to the listing itself');
  assert.match(page.html, /src="\.\.\/\.\.\/sites\/default\/files\/photo\.jpg" alt="A &quot;quoted&quot; caption"/, 'untouched attributes keep their text');
  assert.deepEqual(page.links, ['/assets/folio.css', '/tags/gaza', '/section/politics', '/sites/default/files/photo.jpg']);
  assert.deepEqual(page.jsonLd, ['{"@type":"NewsArticle","headline":"A &amp; B <i>"}']);
  // Absolute links under a base URL too.
  assertSameAsTree(html, context('/content/story', 'https://archive.example/en/'));
});

test('the comment form (with its wrapper or alone) becomes the closed note; the search page gets its client search', () => {
  const wrapped = PAGE(`<section class="comment-form-wrapper" id="comment-form"><h2>Add new comment</h2><form class="comment-form" action="/comment/reply/2001"><a href="/filter/tips">Tips</a><input name="name"></form></section><p>after</p>`);
  assertSameAsTree(wrapped, context('/content/story'));
  assert.match(rewritePage(wrapped, context('/content/story'), 'x.js').html, /<section class="comments-closed" id="comment-form"><p>Comments are closed\.<\/p><\/section><p>after<\/p>/);
  assert.deepEqual(rewritePage(wrapped, context('/content/story'), 'x.js').links, ['/assets/folio.css', '/filter/tips'], 'links inside the form are still followed');
  assertSameAsTree(PAGE(`<div><form class="comment-form" id="f"><input></form></div>`), context('/ar/content/x'));
  const search = PAGE(`<main><div class="search-page"><form action="/search"><input name="q"></form><div class="search-page">second</div></div></main>`);
  assertSameAsTree(search, context('/search'));
  assertSameAsTree(search, context('/ar/search'));
  assert.match(rewritePage(search, context('/search'), 'assets/static-search.js').html, /second<\/div><div class="static-search-results"[^>]*><\/div><\/div><\/main><script src="\.\.\/assets\/static-search\.js"[^>]*><\/script><\/body>/);
  assertSameAsTree(search, context('/content/not-search'));
});

test('markup without exact places (implied tags, unclosed elements, a list item emptied through its paragraph) goes to the tree', () => {
  // A paragraph closed by the next block, holding only a removed link: its end is not in the text.
  assertSameAsTree(PAGE('<p><a href="/user/login">x</a><div>next</div>'), context('/content/story'), false);
  // No </body> on the search page.
  assertSameAsTree('<html><body><div class="search-page">s</div>', context('/search'), false);
  // The tree's answer depends on the order of the links: it decides.
  assertSameAsTree(PAGE('<ul><li><p><a href="/user/login">x</a></p><a href="/user/register">y</a></li></ul>'), context('/content/story'), false);
  assertSameAsTree(PAGE('<ul><li><a href="/user/register">y</a><p><a href="/user/login">x</a></p></li></ul>'), context('/content/story'), false);
  // An unclosed link to remove.
  assertSameAsTree(PAGE('<div><a href="/user/login">x</div>'), context('/content/story'), false);
  // Where nothing needs an exact place, implied tags are no obstacle.
  assertSameAsTree(PAGE('<p>one<p>two <a href="/tags/gaza">gaza</a><br/><img src="/x.png">'), context('/content/story'));
});

let site: TestSite;
before(async () => {
  site = await openTestSite('sqlite', seedFixture);
});
after(async () => site?.close());

test('every kind of page the fixture newspaper renders is spliced to the same document as the tree gives', async () => {
  const urls = ['/', '/node', '/archive', '/blog', '/search', '/search?q=gaza', `/${FIXTURE.article.path}`, `/${FIXTURE.closed.path}`, `/${FIXTURE.coAuthored.path}`,
    `/${FIXTURE.gazaTag.path}`, `/${FIXTURE.gazaTag.path}?page=1`, `/${FIXTURE.politics.path}`, `/${FIXTURE.author.path}`, `/${FIXTURE.blog.path}`, `/${FIXTURE.blog.post}`,
    `/${FIXTURE.landing.path}`, `/${FIXTURE.newsletter.path}`, `/${FIXTURE.corrections.path}`, '/filter/tips', '/ar/', '/ar/search', `/ar/${FIXTURE.arabic.path}`, `/ar/${FIXTURE.arabic.sectionPath}`, '/no-such-page'];
  for (const url of urls) {
    const res = await site.folio.app.inject({ method: 'GET', url });
    assert.ok(res.statusCode === 200 || res.statusCode === 404, `${url}: ${res.statusCode}`);
    const parsed = new URL(url, ORIGIN);
    const ctx = { ...context(url), file: fileForUrl(parsed.pathname, '') ?? 'index.html', siteOrigin: new URL(site.runtime.config.baseUrl).origin };
    assertSameAsTree(res.body, ctx);
  }
});
