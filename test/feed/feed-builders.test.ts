import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Parser from 'rss-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { rssFeed } from '../../src/feed/rss-feed.ts';
import { atomFeed } from '../../src/feed/atom-feed.ts';
import type { FeedDocument } from '../../src/feed/feed-document.ts';
import { xmlText } from '../../src/feed/xml-text.ts';
import { newsSitemap, robotsTxt, sitemapIndex, sitemapUrlset, SITEMAP_MAX_URLS } from '../../src/feed/sitemap-xml.ts';

const HOSTILE = 'Fish & Chips <script>alert(1)</script> ]]> "quoted" \'single\'\u0001\u000B';
const HOSTILE_CLEAN = 'Fish & Chips <script>alert(1)</script> ]]> "quoted" \'single\'';

const doc: FeedDocument = {
  title: `Feed ${HOSTILE}`,
  link: 'http://x.test/tags/a?b=1&c=2',
  self: 'http://x.test/tags/a/feed',
  description: 'A & B',
  language: 'ar',
  entries: [
    { title: HOSTILE, link: 'http://x.test/content/new', published: 1_416_263_400, authors: ['Lea al-Qazzi', 'Omar <Haddad>'], categories: ['Politics', 'Gaza & Sinai'], summary: 'Teaser <b>text</b>', credit: '(Reuters)' },
    { title: 'Older', link: 'http://x.test/content/old', published: 1_416_000_000, authors: [], categories: [], summary: '', htmlContent: '<p>A &amp; <em>B</em></p>' },
  ],
};

describe('xmlText', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<x>', '&lt;x&gt;'],
    [']]>', ']]&gt;'],
    ['"\'', '&quot;&apos;'],
    ['bell\u0007tab\tnl\n', 'belltab\tnl\n'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 😀 ok', 'emoji 😀 ok'],
  ];
  for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.equal(xmlText(input), expected));
});

describe('rssFeed', () => {
  test('parses back with every field, hostile text intact as text', async () => {
    const xml = rssFeed(doc);
    assert.equal(XMLValidator.validate(xml), true);
    const feed = await new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } }).parseString(xml);
    assert.equal(feed.title, `Feed ${HOSTILE_CLEAN}`);
    assert.equal(feed.language, 'ar');
    assert.equal(feed.items.length, 2);
    const [first, second] = feed.items as (Parser.Item & { creators?: string[] })[];
    assert.equal(first!.title, HOSTILE_CLEAN);
    assert.equal(first!.link, 'http://x.test/content/new');
    assert.equal(first!.guid, 'http://x.test/content/new');
    assert.equal(new Date(first!.pubDate!).getTime(), 1_416_263_400_000);
    assert.deepEqual(first!.creators, ['Lea al-Qazzi', 'Omar <Haddad>']);
    assert.deepEqual(first!.categories, ['Politics', 'Gaza & Sinai']);
    assert.equal(first!.content, 'Teaser <b>text</b> (Reuters)');
    assert.equal(second!.content, '<p>A &amp; <em>B</em></p>');
    assert.ok(!xml.includes('<script>'));
  });

  test('an empty feed is still valid', async () => {
    const xml = rssFeed({ ...doc, entries: [] });
    assert.equal(XMLValidator.validate(xml), true);
    assert.equal((await new Parser().parseString(xml)).items.length, 0);
  });
});

describe('atomFeed', () => {
  test('parses back with the same entries', async () => {
    const xml = atomFeed(doc);
    assert.equal(XMLValidator.validate(xml), true);
    const feed = await new Parser().parseString(xml);
    assert.equal(feed.items.length, 2);
    assert.equal(feed.items[0]!.title, HOSTILE_CLEAN);
    assert.equal(feed.items[0]!.link, 'http://x.test/content/new');
    assert.equal(feed.items[0]!.id, 'http://x.test/content/new');
    assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ar">/);
    assert.match(xml, /<updated>2014-11-17T22:30:00Z<\/updated>/);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    assert.equal(parsed.feed.entry[1].content['#text'], '<p>A &amp; <em>B</em></p>');
  });
});

describe('sitemaps', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

  test('a urlset escapes locations and percent-encodes non-ASCII paths', () => {
    const xml = sitemapUrlset([{ loc: 'http://x.test/a?b=1&c=<2>', lastmod: 1_416_263_400 }, { loc: 'http://x.test/ar/author/ليا' }]);
    assert.equal(XMLValidator.validate(xml), true);
    const urls = parser.parse(xml).urlset.url;
    assert.equal(urls[0].loc, 'http://x.test/a?b=1&c=<2>');
    assert.equal(urls[0].lastmod, '2014-11-17T22:30:00Z');
    assert.equal(urls[1].loc, `http://x.test/ar/author/${encodeURIComponent('ليا')}`);
  });

  test('a urlset refuses more than the protocol allows', () => {
    assert.throws(() => sitemapUrlset(Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({ loc: `http://x.test/${i}` }))), RangeError);
  });

  test('an index lists its sitemaps', () => {
    const xml = sitemapIndex([{ loc: 'http://x.test/sitemap-1.xml' }, { loc: 'http://x.test/sitemap-2.xml' }]);
    assert.deepEqual(parser.parse(xml).sitemapindex.sitemap.map((s: { loc: string }) => s.loc), ['http://x.test/sitemap-1.xml', 'http://x.test/sitemap-2.xml']);
  });

  test('a news sitemap escapes hostile titles', () => {
    const xml = newsSitemap([{ loc: 'http://x.test/ar/content/a', title: HOSTILE, published: 1_416_263_400, publicationName: 'A & B', language: 'ar' }]);
    assert.equal(XMLValidator.validate(xml), true);
    const url = parser.parse(xml).urlset.url[0];
    assert.equal(url['news:news']['news:title'], HOSTILE_CLEAN);
    assert.equal(url['news:news']['news:publication']['news:name'], 'A & B');
  });

  test('robots.txt names the sitemap and the private areas', () => {
    assert.equal(robotsTxt('http://x.test/sitemap.xml', ['/admin/', '/user/']), 'User-agent: *\nDisallow: /admin/\nDisallow: /user/\n\nSitemap: http://x.test/sitemap.xml\n');
  });
});
