import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/import/importer.ts';
import type { ImportSummary, ReportSink, UrlFate } from '../../src/import/import-report.ts';
import { textSource } from '../../src/import/sources/text-source.ts';
import { renderTextDump } from '../fixtures/original-site/render-text-dump.ts';
import { renderTextListing, type TextListingItem } from '../fixtures/original-site/render-text-listing.ts';
import { sampleArticle } from '../fixtures/original-site/sample-pages.ts';
import { testDialects } from '../support/databases.ts';
import { runCli } from '../support/run-cli.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { storeSnapshot } from '../support/store-snapshot.ts';

// A folder of text dumps as an archivist would have it (issue 11, points 2 to 4): articles that
// name their URL in each of the three ways, one captured at /node/<nid> and again at its alias,
// a percent-encoded slug, every kind of listing (with and without heading, with a notice whose
// link text is lost), the front page and /node, and a dump that names no URL at all.

const HOST = 'http://english.meridian-daily.example';
const DAY = 86_400;
const harbour = sampleArticle();
const director = sampleArticle({ nid: 9003, title: 'Port authority names new director', path: 'content/port-authority-names-new-director', authors: [], comments: [], paragraphs: ['The port authority named Salwa Haddad as its new director on Thursday, the first woman in the post.'], publishedAt: harbour.publishedAt + 2 * DAY });
const dock = sampleArticle({ nid: null, title: 'Dock cranes idle for a second week', comments: [], publishedAt: harbour.publishedAt + 3 * DAY });
/** The curly quote of the original slug, percent-encoded as the old site's URL had it. */
const HARBOUR_URL = `${HOST}/content/harbour-workers%E2%80%99-strike-ends`;

const harbourTeaser: TextListingItem = { title: harbour.title, authors: ['Lea al-Qazzi', 'Omar Haddad'], date: harbour.publishedAt, teaser: 'Northern Harbour – Dock workers returned to work on Tuesday after a nine-day strike, a union...', comments: 3 };
const directorTeaser: TextListingItem = { title: director.title, date: director.publishedAt, teaser: 'The port authority named Salwa Haddad as its new director on Thursday, the first woman in the post.', comments: 0 };
/** Listed, never captured: these become teaser-only items. */
const uncaptured = (n: number, from: number): TextListingItem[] => Array.from({ length: n }, (_, i) => ({
  title: `Harbour story number ${from + i}`, authors: ['Omar Haddad'], date: harbour.publishedAt - (from + i) * DAY, teaser: `What the harbour saw on day ${from + i} of the long dispute...`, comments: i % 3,
}));

function dumps(): Record<string, string> {
  const front = [
    { ...harbourTeaser, caption: 'Dock workers gather at the northern gate on Tuesday. (Photo: AFP - Rami Saad)', teaser: harbour.paragraphs[0]! },
    { ...directorTeaser },
  ];
  return {
    // 1. A first line naming the URL, with a percent-encoded curly quote in the slug; caption above the byline.
    'harbour.txt': `URL: ${HARBOUR_URL}\n${renderTextDump(harbour, { caption: true })}`,
    // 2. A file name that is the percent-encoded path: the /node/<nid> capture…
    'node%2F9003.txt': renderTextDump(director),
    // 3. …and the same article at its alias, named by the manifest.
    'director.txt': renderTextDump(director),
    'urls.tsv': [
      '# file\turl',
      `director.txt\t${HOST}/${director.path}`,
      `lebanon.txt\t${HOST}/section/politics/lebanon`,
      `lea.txt\t${HOST}/author/lea-al-qazzi`,
    ].join('\n'),
    // A tag listing over two pages, with a heading.
    'tags%2Fharbour-strike.txt': renderTextListing([harbourTeaser, ...uncaptured(9, 1)], { heading: 'Harbour strike' }),
    'tags%2Fharbour-strike%3Fpage%3D1.txt': renderTextListing(uncaptured(2, 10), { heading: 'Harbour strike' }),
    // A tag dumped only at its fourth page: past what the import holds, so it leads to the tag's last page.
    'tags%2Fquays%3Fpage%3D3.txt': renderTextListing(uncaptured(2, 30), { heading: 'Quays' }),
    // A subsection without a heading; the article under its first headline (matched by date and teaser text).
    'lebanon.txt': renderTextListing([{ ...harbourTeaser, title: 'Harbour strike ends', authors: [] }, { title: 'Cabinet meets on port budget', date: harbour.publishedAt - DAY, teaser: 'Ministers met on Monday to discuss the port budget...' }]),
    // An author listing whose notice lost its link text.
    'lea.txt': renderTextListing([{ ...harbourTeaser, authors: [] }, { ...directorTeaser }], { heading: 'Lea al-Qazzi', noticeWithoutLink: true }),
    // A blog by owner id and by alias; another blog whose owner no capture names; every blog post.
    'blog%2F42.txt': renderTextListing([{ title: 'Notes from the night market', teaser: 'The stalls open at nine and close when the last lamp does.' }], { heading: 'Street Level' }),
    'blogs%2Fstreet-level.txt': renderTextListing([{ title: 'Notes from the night market', teaser: 'The stalls open at nine and close when the last lamp does.' }], { heading: 'Street Level' }),
    'blogs%2Fother-voices.txt': renderTextListing([{ title: 'A letter from the coast', teaser: 'The sea was calm the morning the boats came back.' }], { heading: 'Other Voices' }),
    'blog.txt': renderTextListing([{ title: 'Notes from the night market', teaser: 'The stalls open at nine and close when the last lamp does.' }], { url: `${HOST}/blog` }),
    // The front page and /node: several Published blocks, so listings, not articles.
    'front.txt': renderTextListing(front, { front: true, url: `${HOST}/` }),
    'node.txt': renderTextListing(front, { front: true, url: `${HOST}/node?page=0` }),
    // No URL anywhere: today's behaviour, and the report says so.
    'dock.txt': renderTextDump(dock),
  };
}

/** Every URL the dumps name, as an archivist's list: each must answer 200, 301 or 410. */
const SOURCE_URLS = [
  HARBOUR_URL, `${HOST}/node/9003`, `${HOST}/${director.path}`, `${HOST}/section/politics/lebanon`, `${HOST}/author/lea-al-qazzi`,
  `${HOST}/tags/harbour-strike`, `${HOST}/tags/harbour-strike?page=1`, `${HOST}/blog/42`, `${HOST}/blogs/street-level`,
  `${HOST}/blogs/other-voices`, `${HOST}/blog`, `${HOST}/`, `${HOST}/node?page=0`, `${HOST}/tags/quays?page=3`,
];

function writeDumps(dir: string): void {
  for (const [name, text] of Object.entries(dumps())) {
    writeFileSync(join(dir, name), text);
    utimesSync(join(dir, name), 1430000000, 1430000000);
  }
}

/** A report sink that keeps what the importer says about each URL. */
function collectingSink(): ReportSink & { urls: UrlFate[]; warnings: string[] } {
  const urls: UrlFate[] = [];
  const warnings: string[] = [];
  return { urls, warnings, item() {}, skip() {}, url: (e) => urls.push(e), warn: (e) => warnings.push(`${e.ref}: ${e.reason}`), async close() {} };
}

for (const dialect of testDialects()) {
  describe(`text dumps keep every old URL (${dialect})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-dumps-'));
    let site: TestSite;
    let first: ImportSummary;
    let sink: ReturnType<typeof collectingSink>;
    const importOnce = (report?: ReportSink) => runImport({
      source: textSource([dir]), sourceName: 'text', inputs: [dir], edition: site.runtime.editions.get('en'), service: site.runtime.imports, ...(report ? { report } : {}),
    });
    const get = (url: string) => site.folio.app.inject({ method: 'GET', url: url.replace(HOST, '') });

    before(async () => {
      writeDumps(dir);
      site = await openTestSite(dialect);
      sink = collectingSink();
      first = await importOnce(sink);
    });
    after(async () => {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('every source URL, query string and all, answers 200, 301 or 410', async () => {
      for (const url of SOURCE_URLS) {
        const res = await get(url);
        assert.ok([200, 301, 410].includes(res.statusCode), `${url} answered ${res.statusCode}`);
      }
    });

    test('the original path is canonical byte for byte, percent-encoded quote included', async () => {
      const page = await get(HARBOUR_URL);
      assert.equal(page.statusCode, 200);
      // Links carry the path as an IRI (the quote itself); a browser requests it percent-encoded, byte for byte the old URL.
      assert.match(page.body, /<link rel="canonical" href="[^"]*\/content\/harbour-workers’-strike-ends"/);
      assert.equal((await get('/content/harbour-workers-end-strike-after-port-authority-agrees-pay-talks')).statusCode, 404, 'no slug rebuilt from the title');
    });

    test('the caption and credit above the byline are the lead photo\'s', async () => {
      const page = await get(HARBOUR_URL);
      assert.match(page.body, /<figcaption>Dock workers gather at the northern gate on Tuesday\. <span class="photo-credit">\(Photo: AFP - Rami Saad\)<\/span><\/figcaption>/);
      assert.doesNotMatch(page.body, /<img src="" /);
    });

    test('a page captured at /node/<nid> keeps that nid, and it and the alias reach each other', async () => {
      const raw = await get('/node/9003');
      assert.equal(raw.statusCode, 301);
      assert.equal(raw.headers.location, `/${director.path}`);
      const page = await get(`/${director.path}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Port authority names new director/);
      assert.match(page.body, /href="\/author\/lea-al-qazzi"/, 'the author listing named it');
    });

    test('listings give their terms, sections, authors and blogs, with their names and members', async () => {
      const tag = await get('/tags/harbour-strike');
      assert.equal(tag.statusCode, 200);
      assert.match(tag.body, /<h1[^>]*>Harbour strike<\/h1>/);
      assert.match(tag.body, /href="\/content\/harbour-workers’-strike-ends"/);
      const second = await get('/tags/harbour-strike?page=1');
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /Harbour story number 1[01]/);
      const section = await get('/section/politics/lebanon');
      assert.equal(section.statusCode, 200);
      assert.match(section.body, /<h1[^>]*>Lebanon<\/h1>/, 'named from its path: the page printed no heading');
      assert.match(section.body, /harbour-workers’-strike-ends/, 'matched by date and teaser text under its first headline');
      assert.match(section.body, /Cabinet meets on port budget/);
      assert.equal((await get('/section/politics')).statusCode, 200, 'the parent section its path implies');
      const author = await get('/author/lea-al-qazzi');
      assert.equal(author.statusCode, 200);
      assert.match(author.body, /Port authority names new director/);
      const blog = await get('/blogs/street-level');
      assert.equal(blog.statusCode, 200);
      assert.match(blog.body, /Notes from the night market/);
      assert.equal((await get('/blog/42')).headers.location, '/blogs/street-level');
      const unknownOwner = await get('/blogs/other-voices');
      assert.equal(unknownOwner.statusCode, 301);
      assert.equal(unknownOwner.headers.location, '/blog');
    });

    test('front pages and /node are listings, not articles; the chrome and the notice stay out of bodies', async () => {
      assert.equal(first.counts.node.imported, 3 + 11 + 2 + 1 + 2, 'three captured articles, thirteen tag teasers, the cabinet teaser and two blog posts');
      const page = await get(HARBOUR_URL);
      assert.doesNotMatch(page.body, /Syndicate content|Back to Top<\/p>|first ‹ previous/);
      const home = await get('/node');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /harbour-workers’-strike-ends/, 'featured on the front page: promoted');
    });

    test('the report counts teaser-only items and says which URLs are unknown', () => {
      assert.equal(first.itemsByType['teaser-only'], 11 + 2 + 1 + 2);
      assert.ok(sink.warnings.some((w) => /^path\/content\/dock-cranes-idle-second-week: its original URL is unknown/.test(w)), sink.warnings.join('\n'));
      assert.ok(sink.warnings.some((w) => /teaser only: listed on \/tags\/harbour-strike, but its page was never captured \(the listing shows 1 comment\)/.test(w)));
      assert.ok(sink.warnings.some((w) => /the listing \/tags\/harbour-strike shows 3 comments; 3 captured/.test(w)) === false, 'three shown, three captured: nothing to say');
    });

    test('each URL the report gives a fate answers it', async () => {
      assert.ok(sink.urls.length > 20);
      for (const fate of sink.urls) {
        const res = await get(`/${encodeURI(fate.path)}`);
        const expected = fate.fate === 'canonical' ? 200 : fate.fate === 'redirect' ? 301 : 410;
        assert.equal(res.statusCode, expected, `${fate.path}: report says ${fate.fate}, site answers ${res.statusCode}`);
      }
    });

    test('over a real socket: the encoded path answers 200, the /node/<nid> redirect carries an ASCII Location', async () => {
      const address = await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      const page = await fetch(`${address}/content/harbour-workers%E2%80%99-strike-ends`);
      assert.equal(page.status, 200);
      await page.text();
      const raw = await fetch(`${address}/node/9003`, { redirect: 'manual' });
      assert.equal(raw.status, 301);
      assert.equal(raw.headers.get('location'), `/${director.path}`);
    });

    test('a second run over the unchanged dumps changes nothing: counts, records and their hashes', async () => {
      const before = await storeSnapshot(site.runtime);
      const again = await importOnce();
      assert.deepEqual(await storeSnapshot(site.runtime), before);
      for (const [type, c] of Object.entries(again.counts)) assert.equal(c.imported + c.updated, 0, `${type}: ${JSON.stringify(c)}`);
      assert.equal(again.counts.node.unchanged, first.counts.node.imported);
    });
  });
}

describe('text dumps through the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-dumps-cli-'));
  const dumpsDir = join(dir, 'dumps');
  const database = `sqlite:${join(dir, 'folio.db')}`;
  before(() => {
    mkdirSync(dumpsDir);
    writeDumps(dumpsDir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the report lists each URL\'s fate, folio urls check agrees and exits 0, and a real socket serves the encoded path', async () => {
    const imported = await runCli(['import', 'text', dumpsDir, '--database', database, '--report', join(dir, 'report.json')]);
    assert.equal(imported.code, 0, imported.stderr);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { urls: UrlFate[] };
    const fates = new Map(report.urls.map((u) => [u.path, u.fate]));
    assert.equal(fates.get('content/harbour-workers’-strike-ends'), 'canonical');
    assert.equal(fates.get('node/9003'), 'redirect');
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `${[...SOURCE_URLS, ...report.urls.map((u) => `/${encodeURI(u.path)}`)].join('\n')}\n`);
    const checked = await runCli(['urls', 'check', list, '--database', database]);
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    for (const u of report.urls) {
      const line = checked.stdout.split('\n').find((l) => l.split(' ')[1] === `/${encodeURI(u.path)}`);
      assert.ok(line !== undefined, `urls check printed nothing for ${u.path}`);
      const status = Number(line.split(' ')[0]);
      assert.equal(status, u.fate === 'canonical' ? 200 : u.fate === 'redirect' ? 301 : 410, line);
    }
    // And the other way round: every URL the dumps name is in the report, query string and all.
    for (const url of SOURCE_URLS) {
      const asked = new URL(url);
      const path = `${decodeURIComponent(asked.pathname.slice(1))}${asked.search}`;
      assert.equal(report.urls.filter((u) => u.path === path).length, 1, `the report names ${path} once`);
    }
    assert.deepEqual(report.urls.find((u) => u.path === 'tags/quays?page=3'), { path: 'tags/quays?page=3', fate: 'redirect', to: 'tags/quays' });
  });
});
