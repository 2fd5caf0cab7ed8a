import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureRecords, type Capture } from '../../../src/import/sources/crawl/capture.ts';
import { formatToString } from '../../../src/filter/index.ts';
import { renderListingPage, renderNodePage } from '../../fixtures/original-site/render-page.ts';
import { sampleArticle, sampleBlogPost, sampleTagListing } from '../../fixtures/original-site/sample-pages.ts';
import type { FixtureNode, RenderOptions } from '../../fixtures/original-site/fixture-page.ts';
import { beirutNoonOf, byType, displayedBody, flatComments } from './expected-records.ts';

const HOST = 'http://english.meridian-daily.example';
const CAPTURED = 1428000000;

function capture(html: string, url: string, extra: Partial<Capture> = {}): Capture {
  return { url, capturedAt: CAPTURED, status: 200, contentType: 'text/html; charset=utf-8', location: null, body: Buffer.from(html), ...extra };
}

function recordsOf(node: FixtureNode, url: string, opts: RenderOptions = {}) {
  return captureRecords(capture(renderNodePage(node, opts), url), 'warc');
}

for (const theme of ['bartik', 'plain'] as const) {
  test(`an article page (${theme} markup) gives terms and authors, then the node, then its comments, field by field`, () => {
    const fixture = sampleArticle(theme === 'plain' ? { nid: null } : {});
    const records = recordsOf(fixture, `${HOST}/${fixture.path}`, { theme });
    const { nodes, comments, types } = byType(records);
    assert.deepEqual(types, ['term', 'term', 'term', 'term', 'author', 'author', 'node', 'comment', 'comment', 'comment']);
    const node = nodes[0]!;
    const key = fixture.nid !== null ? `node/${fixture.nid}` : `path/${fixture.path}`;
    assert.equal(node.key, key);
    assert.equal(node.nid, fixture.nid);
    assert.equal(node.kind, 'article');
    assert.equal(node.path, fixture.path);
    assert.deepEqual(node.legacyPaths, []);
    assert.equal(node.publishedAt, beirutNoonOf(fixture.publishedAt));
    assert.equal(node.showDate, true);
    assert.deepEqual(node.authors, fixture.authors.map((a) => a.name));
    assert.deepEqual(node.tagKeys, fixture.tags.map((t) => `path/${t.path}`));
    assert.equal(node.sectionKey, 'path/section/politics/lebanon');
    assert.equal(node.commentPolicy, 'open');
    assert.deepEqual(node.provenance, { source: 'warc', originalUrl: `${HOST}/${fixture.path}`, capturedAt: CAPTURED });
    assert.equal(node.revisions.length, 1);
    const rev = node.revisions[0]!;
    assert.equal(rev.title, fixture.title);
    assert.equal(rev.bodyFormat, 'filtered_html');
    assert.equal(formatToString('filtered_html', rev.body), displayedBody(fixture));
    assert.doesNotMatch(rev.body, /Published|By:|Back to Top|Management|Post new comment|Tweet|formatting options|\(AFP, Meridian\)/);
    assert.equal(rev.credit, fixture.credit);
    assert.deepEqual(rev.photo, fixture.photo);
    assert.equal(rev.revisedAt, CAPTURED);
    assert.deepEqual(node.files, ['/sites/default/files/styles/large/public/harbour.jpg']);

    const terms = records.filter((r) => r.type === 'term');
    assert.deepEqual(terms.map((t) => [t.key, t.name, t.vocabulary, t.parentKey]), [
      ['path/section/politics', 'Politics', 'section', null],
      ['path/section/politics/lebanon', 'Lebanon', 'section', 'path/section/politics'],
      ['path/tags/harbour-strike', 'Harbour strike', 'tag', null],
      ['path/tags/unions', 'Unions', 'tag', null],
    ]);
    const authors = records.filter((r) => r.type === 'author');
    assert.deepEqual(authors.map((a) => [a.key, a.name, a.slug]), [['author/lea-al-qazzi', 'Lea al-Qazzi', 'lea-al-qazzi'], ['author/omar-haddad', 'Omar Haddad', 'omar-haddad']]);

    const expected = flatComments(fixture.comments);
    assert.equal(comments.length, expected.length);
    comments.forEach((got, i) => {
      const { c, parent } = expected[i]!;
      assert.equal(got.key, `comment/${c.cid}`);
      assert.equal(got.cid, c.cid);
      assert.equal(got.nodeKey, key);
      assert.equal(got.parentKey, parent === null ? null : `comment/${parent}`);
      assert.equal(got.name, c.name);
      assert.equal(got.homepage, c.homepage ?? null);
      assert.equal(got.subject, c.subject);
      assert.equal(got.createdAt, c.createdAt);
      assert.equal(got.format, 'filtered_html');
      assert.equal(formatToString('filtered_html', got.body), formatToString('filtered_html', c.bodyHtml));
      assert.equal(got.published, true);
    });
  });
}

test('a page captured before the freeze (no notice) and one with no By: line still parse', () => {
  const fixture = sampleArticle({ authors: [], photo: undefined, credit: undefined, comments: [] });
  for (const theme of ['bartik', 'plain'] as const) {
    const { nodes, types } = byType(recordsOf(fixture, `${HOST}/${fixture.path}`, { notice: false, theme }));
    assert.deepEqual(types.filter((t) => t !== 'term'), ['node']);
    const rev = nodes[0]!.revisions[0]!;
    assert.equal(formatToString('filtered_html', rev.body), displayedBody(fixture));
    assert.equal(rev.credit, null);
    assert.equal(rev.photo, null);
    assert.deepEqual(nodes[0]!.authors, []);
  }
});

test('one node captured at /node/<nid>, its alias, with a query, over http and https gets one key', () => {
  const fixture = sampleArticle();
  const urls = [`${HOST}/node/8674`, `https://english.meridian-daily.example/${fixture.path}`, `${HOST}/${fixture.path}?page=1`, `${HOST}/${fixture.path}/`, `${HOST}/content/harbour-strike-ends`];
  const nodes = urls.map((url) => byType(recordsOf(fixture, url)).nodes[0]!);
  assert.deepEqual(new Set(nodes.map((n) => n.key)), new Set(['node/8674']));
  assert.deepEqual(new Set(nodes.map((n) => n.path)), new Set([fixture.path]));
  assert.deepEqual(nodes.map((n) => n.legacyPaths), [[], [], [], [], ['content/harbour-strike-ends']]);
  // Without any node id on the page, the canonical alias is the identity.
  const anonymous = { ...sampleArticle({ nid: null }) };
  const keys = urls.slice(1).map((url) => byType(recordsOf(anonymous, url, { theme: 'plain' })).nodes[0]!.key);
  assert.deepEqual(new Set(keys), new Set([`path/${fixture.path}`]));
});

test('the node id is found from the comment form when shortlink and body class are missing', () => {
  const html = renderNodePage(sampleArticle()).replace(/<link rel="shortlink"[^>]*>/, '').replace(/page-node-8674/, '').replace(/id="node-8674"/, '');
  const node = byType(captureRecords(capture(html, `${HOST}/content/x`), 'warc')).nodes[0]!;
  assert.equal(node.key, 'node/8674');
  assert.equal(node.nid, 8674);
});

test('a blog post gives its blog and the By … – date - Blog meta', () => {
  const fixture = sampleBlogPost();
  const records = recordsOf(fixture, `${HOST}/${fixture.path}`);
  assert.deepEqual(records.map((r) => r.type), ['author', 'blog', 'node']);
  const blog = records[1]!;
  assert.deepEqual(blog.type === 'blog' && [blog.key, blog.uid, blog.title, blog.slug, blog.ownerName], ['blog/42', 42, 'Street Level', 'street-level', 'Maya Nasser']);
  const node = byType(records).nodes[0]!;
  assert.equal(node.kind, 'blog_post');
  assert.equal(node.blogKey, 'blog/42');
  assert.equal(node.publishedAt, fixture.publishedAt);
  assert.deepEqual(node.authors, ['Maya Nasser']);
  assert.equal(formatToString('filtered_html', node.revisions[0]!.body), displayedBody(fixture));
});

test('listing pages give the term or author only, named by the heading', () => {
  const tag = captureRecords(capture(renderListingPage(sampleTagListing()), `${HOST}/tags/harbour-strike?page=2`), 'warc');
  assert.deepEqual(tag.map((r) => r.type === 'term' && [r.key, r.name, r.vocabulary, r.path, r.parentKey, r.tid]), [['path/tags/harbour-strike', 'Harbour strike', 'tag', 'tags/harbour-strike', null, null]]);
  const section = captureRecords(capture(renderListingPage({ kind: 'listing', heading: 'Palestine', path: 'section/politics/palestine', items: [] }), `${HOST}/section/politics/palestine`), 'warc');
  assert.deepEqual(section.map((r) => r.type === 'term' && [r.key, r.vocabulary, r.parentKey]), [['path/section/politics/palestine', 'section', 'path/section/politics']]);
  const term = captureRecords(capture(renderListingPage({ kind: 'listing', heading: 'Port of Tyre', path: 'taxonomy/term/77', items: [] }), `${HOST}/taxonomy/term/77`), 'warc');
  assert.deepEqual(term.map((r) => r.type === 'term' && [r.key, r.tid, r.path]), [['term/77', 77, null]]);
  const author = captureRecords(capture(renderListingPage({ kind: 'listing', heading: 'Lea al-Qazzi', path: 'author/lea-al-qazzi', items: [] }, { theme: 'plain' }), `${HOST}/author/lea-al-qazzi`), 'warc');
  assert.deepEqual(author.map((r) => r.type === 'author' && [r.key, r.name, r.slug]), [['author/lea-al-qazzi', 'Lea al-Qazzi', 'lea-al-qazzi']]);
  const untitled = captureRecords(capture(renderListingPage({ kind: 'listing', heading: null, path: 'tags/x', items: [] }), `${HOST}/tags/x`), 'warc');
  assert.equal(untitled[0]!.type, 'skip');
});

test('a redirect within the site is kept as a redirect record, from the captured path to the target path', () => {
  const got = captureRecords(capture('', `${HOST}/content/old-title?page=1`, { status: 301, location: '/content/new-title' }), 'warc');
  assert.deepEqual(got.map((r) => r.type === 'redirect' && [r.from, r.to]), [['content/old-title', 'content/new-title']]);
});

test('broken and unwanted captures become skips with a reason, or gone for 410, and never throw', () => {
  const page = renderNodePage(sampleArticle());
  const cases: [Partial<Capture> & { html?: string; at?: string }, RegExp | 'gone'][] = [
    [{ status: 301, location: 'http://elsewhere.example/content/new' }, /^redirect 301 to http:\/\/elsewhere\.example\/content\/new, off the site$/],
    [{ status: 302 }, /^redirect 302, off the site$/],
    [{ status: 404 }, /HTTP status 404/],
    [{ status: 500 }, /HTTP status 500/],
    [{ status: 410 }, 'gone'],
    [{ contentType: 'image/jpeg' }, /not HTML \(image\/jpeg\)/],
    [{ html: '' }, /empty page/],
    [{ html: 'just some words' }, /no HTML markup/],
    [{ html: '<html><body><h1>Search</h1><p>Nothing here.</p></body></html>', at: 'search/node/port' }, /unrecognised page type/],
    [{ html: '<html><head><title>', at: 'search' }, /unrecognised page type/],
    [{ html: page, contentType: 'text/html; charset=x-klingon' }, /unknown encoding "x-klingon"/],
    [{ body: Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xc3]), contentType: 'text/html; charset=utf-8' }, /not valid utf-8/],
  ];
  for (const [extra, expected] of cases) {
    const { html, at, ...rest } = extra;
    const got = captureRecords(capture(html ?? page, `${HOST}/${at ?? 'content/a'}`, rest), 'warc');
    if (expected === 'gone') assert.deepEqual(got.map((r) => r.type === 'gone' && r.path), ['content/a']);
    else assert.match(got.length === 1 && got[0]!.type === 'skip' ? got[0]!.reason : JSON.stringify(got), expected);
  }
  // A page cut off in the middle of the body keeps what arrived.
  const cut = page.slice(0, page.indexOf('The stoppage'));
  const node = byType(captureRecords(capture(cut, `${HOST}/content/a`), 'warc')).nodes[0]!;
  assert.equal(node.key, 'node/8674');
  assert.match(node.revisions[0]!.body, /^<p>Northern Harbour – Dock workers/);
});

test('a caption line above the byline, without an image, becomes the lead photo\'s caption and credit', () => {
  const withoutPhoto = sampleArticle({ photo: undefined });
  const html = renderNodePage(withoutPhoto, { theme: 'plain' }).replace('<p>By: ', '<p>Dock workers at the northern gate. (Photo: AFP - Rami Saad)</p>\n<p>By: ');
  const node = byType(captureRecords(capture(html, `${HOST}/${withoutPhoto.path}`), 'warc')).nodes[0]!;
  assert.deepEqual(node.revisions[0]!.photo, { src: '', caption: 'Dock workers at the northern gate.', credit: '(Photo: AFP - Rami Saad)' });
  assert.doesNotMatch(node.revisions[0]!.body, /Photo: AFP/);
  const plain = byType(recordsOf(withoutPhoto, `${HOST}/${withoutPhoto.path}`, { theme: 'plain' })).nodes[0]!;
  assert.equal(plain.revisions[0]!.photo, null, 'no caption line, no photo');
});
