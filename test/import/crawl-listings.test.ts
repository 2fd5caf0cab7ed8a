import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/import/importer.ts';
import type { ImportSummary, ReportSink, UrlFate } from '../../src/import/import-report.ts';
import { warcSource } from '../../src/import/sources/warc-source.ts';
import { renderNodePage, renderTeaserListing, type FixtureTeaser } from '../fixtures/original-site/render-page.ts';
import { sampleArticle } from '../fixtures/original-site/sample-pages.ts';
import { writeWarc, type FixtureResponse } from '../fixtures/original-site/write-fixture-warc.ts';
import { testDialects } from '../support/databases.ts';
import { runCli } from '../support/run-cli.ts';
import { storeSnapshot } from '../support/store-snapshot.ts';
import { headersAreWireSafe, socketRequest } from '../support/socket-client.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// A WARC crawl of the old site's listings as well as its articles (issue 11, points 2 and 3): the
// front page and /node, a tag over two pages, a subsection printed without a heading, an author,
// a blog by owner id and by alias, every blog post; one article at a percent-encoded slug, one
// captured only at /node/<nid>; teasers of articles never captured.

const HOST = 'http://english.meridian-daily.example';
const DAY = 86_400;
const ENCODED = 'content/harbour-workers%E2%80%99-strike';
const harbour = sampleArticle({ path: ENCODED, tags: [], sections: [] });
const director = sampleArticle({ nid: 9003, title: 'Port authority names new director', path: 'content/port-authority-names-new-director', authors: [], comments: [], tags: [], sections: [], publishedAt: harbour.publishedAt + DAY, paragraphs: ['The port authority named a new director on Thursday.'] });
const lea = { name: 'Lea al-Qazzi', path: 'author/lea-al-qazzi' };

const harbourTeaser: FixtureTeaser = { title: harbour.title, href: ENCODED, authors: [lea], date: harbour.publishedAt, teaser: 'Northern Harbour – Dock workers returned to work...', comments: 3 };
const directorTeaser: FixtureTeaser = { title: director.title, href: director.path, date: director.publishedAt, teaser: 'The port authority named a new director on Thursday.', comments: 0 };
const uncaptured = (from: number, n: number): FixtureTeaser[] => Array.from({ length: n }, (_, i) => ({
  title: `Quayside report ${from + i}`, href: `content/quayside-report-${from + i}`, date: harbour.publishedAt - (from + i) * DAY, teaser: `Day ${from + i} on the quays...`, comments: i % 2,
}));
const nightMarket: FixtureTeaser = { title: 'Notes from the night market', href: 'blogs/street-level/notes-night-market', teaser: 'The stalls open at nine and close when the last lamp does.' };

function crawl(): FixtureResponse[] {
  const at = (url: string, body: string, minute: number): FixtureResponse => ({ url: `${HOST}/${url}`, date: `2015-04-01T10:${String(minute).padStart(2, '0')}:00Z`, body });
  // The director's page lost its head when saved: only /node/9003 names it, the tag listing links its alias.
  const directorPage = renderNodePage(director).replace(/<link rel="canonical"[^>]*>/, '');
  return [
    at(ENCODED, renderNodePage(harbour), 1),
    at('node/9003', directorPage, 2),
    at('', renderTeaserListing(null, [harbourTeaser, directorTeaser], { front: true }), 3),
    at('node?page=0', renderTeaserListing(null, [harbourTeaser, directorTeaser], { front: true }), 4),
    // This listing was saved after two comments on the director's page that the capture of the page never saw.
    at('tags/harbour-strike', renderTeaserListing('Harbour strike', [harbourTeaser, { ...directorTeaser, comments: 2 }, ...uncaptured(1, 8)]), 5),
    at('tags/harbour-strike?page=1', renderTeaserListing('Harbour strike', uncaptured(9, 2)), 6),
    at('section/politics/lebanon', renderTeaserListing(null, [harbourTeaser]), 7),
    at('section/politics', renderTeaserListing('Politics', [harbourTeaser]), 8),
    at('author/lea-al-qazzi', renderTeaserListing('Lea al-Qazzi', [{ ...harbourTeaser, authors: [] }]), 9),
    at('blog/42', renderTeaserListing('Street Level', [nightMarket]), 10),
    at('blogs/street-level', renderTeaserListing('Street Level', [nightMarket]), 11),
    at('blog', renderTeaserListing('Blogs', [nightMarket]), 12),
    // A tag captured only at its third page: its three items are all Folio holds, so page 2 is past the end.
    at('tags/quayside?page=2', renderTeaserListing('Quayside', uncaptured(20, 3)), 13),
    // The front listing's later pages, one within what the import holds and one past it.
    at('node?page=1', renderTeaserListing(null, uncaptured(30, 2), { front: true }), 14),
    at('node?page=7', renderTeaserListing(null, uncaptured(40, 1), { front: true }), 15),
    // An article's second page of comments.
    at(`${director.path}?page=1`, directorPage, 16),
  ];
}

function sink(): ReportSink & { urls: UrlFate[]; warnings: string[] } {
  const urls: UrlFate[] = [];
  const warnings: string[] = [];
  return { urls, warnings, item() {}, skip() {}, url: (e) => urls.push(e), warn: (e) => warnings.push(`${e.ref}: ${e.reason}`), async close() {} };
}

for (const dialect of testDialects()) {
  describe(`a crawl's listings and articles keep every URL (${dialect})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-crawl-listings-'));
    const warc = join(dir, 'crawl.warc.gz');
    let site: TestSite;
    let first: ImportSummary;
    let report: ReturnType<typeof sink>;
    const importOnce = (r?: ReportSink) => runImport({ source: warcSource([warc]), sourceName: 'warc', inputs: [warc], edition: site.runtime.editions.get('en'), service: site.runtime.imports, ...(r ? { report: r } : {}) });
    const get = (url: string) => site.folio.app.inject({ method: 'GET', url });

    before(async () => {
      await writeWarc(warc, crawl(), true);
      site = await openTestSite(dialect);
      report = sink();
      first = await importOnce(report);
    });
    after(async () => {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('every captured URL, query string and all, answers 200, 301 or 410', async () => {
      for (const r of crawl()) {
        const res = await get(r.url.slice(HOST.length));
        assert.ok([200, 301, 410].includes(res.statusCode), `${r.url} answered ${res.statusCode}`);
      }
      assert.equal((await get(`/${ENCODED}`)).statusCode, 200, 'the encoded slug is the canonical page itself');
    });

    test('over a real socket, every captured URL answers 200, 301 or 410, with headers a socket carries', async () => {
      const address = await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      const port = Number(new URL(address).port);
      for (const r of crawl()) {
        const res = await socketRequest(port, { path: r.url.slice(HOST.length) || '/' });
        assert.ok([200, 301, 410].includes(res.status), `${r.url} answered ${res.status}`);
        assert.deepEqual(headersAreWireSafe(res.headers), [], r.url);
      }
    });

    test('a listing captured only past its first page answers there: a 301 to the last page Folio holds', async () => {
      const quayside = await get('/tags/quayside?page=2');
      assert.equal(quayside.statusCode, 301);
      assert.equal(quayside.headers.location, '/tags/quayside');
      assert.match((await get('/tags/quayside')).body, /Quayside report 21/);
      assert.deepEqual(report.urls.find((u) => u.path === 'tags/quayside?page=2'), { path: 'tags/quayside?page=2', fate: 'redirect', to: 'tags/quayside' });
      assert.equal((await get('/tags/quayside?page=3')).statusCode, 404, 'a page the old site was never seen at is still a 404');
      assert.equal((await get('/tags/harbour-strike?page=1')).statusCode, 200, 'a page within the listing is the page itself');
      assert.deepEqual(report.urls.find((u) => u.path === 'tags/harbour-strike?page=1'), { path: 'tags/harbour-strike?page=1', fate: 'canonical' });
      const front = await get('/node?page=7');
      assert.equal(front.statusCode, 301);
      assert.equal(front.headers.location, '/node', 'the front listing holds one page of promoted items');
    });

    test('--report names every captured URL, query string and all, with the fate folio urls check finds for it', async () => {
      const check = await runCli(['urls', 'check', warc, '--database', site.db.url, '--json']);
      assert.equal(check.code, 0, check.stdout + check.stderr);
      const answers = check.stdout.trim().split('\n').map((l) => JSON.parse(l) as { url: string; status: number; finalStatus: number });
      assert.equal(answers.length, crawl().length, 'every capture was checked');
      for (const answer of answers) {
        const asked = new URL(answer.url);
        const path = `${decodeURIComponent(asked.pathname.slice(1))}${asked.search}`;
        const fates = report.urls.filter((u) => u.path === path);
        assert.equal(fates.length, 1, `${path} is named once in the report (${JSON.stringify(fates)})`);
        assert.equal(answer.status, { canonical: 200, redirect: 301, gone: 410 }[fates[0]!.fate], `${path}: the report says ${fates[0]!.fate}, Folio answers ${answer.status}`);
        assert.ok([200, 410].includes(answer.finalStatus), `${path} ends at ${answer.finalStatus}`);
      }
    });

    test('the listings give the articles their tag, sections and author; the front page promotes them', async () => {
      const tag = await get('/tags/harbour-strike');
      assert.match(tag.body, /Harbour workers end strike/);
      assert.match(tag.body, /Port authority names new director/);
      const lebanon = await get('/section/politics/lebanon');
      assert.equal(lebanon.statusCode, 200);
      assert.match(lebanon.body, /<h1[^>]*>Lebanon<\/h1>/);
      assert.match(lebanon.body, /Harbour workers end strike/);
      assert.match((await get('/author/lea-al-qazzi')).body, /Harbour workers end strike/);
      assert.match((await get('/node')).body, /Port authority names new director/);
      assert.equal((await get('/blog/42')).headers.location, '/blogs/street-level');
      assert.match((await get('/blogs/street-level')).body, /Notes from the night market/);
    });

    test('a page captured only at /node/<nid> keeps its nid and learns its alias from the listing that linked it', async () => {
      const raw = await get('/node/9003');
      assert.equal(raw.statusCode, 301);
      assert.equal(raw.headers.location, `/${director.path}`);
      assert.equal((await get(`/${director.path}`)).statusCode, 200);
    });

    test('articles never captured answer with their teaser and are counted', async () => {
      assert.equal(first.itemsByType['teaser-only'], 10 + 1 + 3 + 2 + 1);
      const teaserOnly = await get('/content/quayside-report-3');
      assert.equal(teaserOnly.statusCode, 200);
      assert.match(teaserOnly.body, /Day 3 on the quays/);
    });

    test('a teaser-only item keeps the comment count its listing showed; a captured page whose listing shows another count is named', async () => {
      // uncaptured(1, 8): report 2 showed one comment, report 3 none.
      const listing = (await get('/tags/harbour-strike')).body;
      assert.match(listing, /href="\/content\/quayside-report-2#comments">1 Comment</);
      assert.doesNotMatch(listing, /href="\/content\/quayside-report-3#comments"/);
      const teaserOnly = await site.runtime.store.content.resolvePath('en', 'content/quayside-report-2');
      const [summary] = await site.runtime.store.content.summariesByIds([teaserOnly!.targetId]);
      assert.equal(summary?.commentCount, 1, 'stored, so every listing and feed shows it');
      let exported: unknown;
      for await (const record of site.runtime.exports.records('en')) if (record.type === 'node' && record.path === 'content/quayside-report-2') exported = record;
      assert.equal((exported as { listedComments?: number } | undefined)?.listedComments, 1, 'the JSON export keeps it, so a restore shows it too');
      assert.ok(report.warnings.some((w) => w.includes('the listing /tags/harbour-strike shows 2 comments; 0 captured')), report.warnings.join('\n'));
      assert.ok(!report.warnings.some((w) => /shows 3 comments; 3 captured/.test(w)), 'counts that agree are not named');
    });

    test('each URL the report gives a fate answers it', async () => {
      for (const fate of report.urls) {
        const res = await get(`/${encodeURI(fate.path)}`);
        assert.equal(res.statusCode, fate.fate === 'canonical' ? 200 : fate.fate === 'redirect' ? 301 : 410, `${fate.path}: ${fate.fate}`);
      }
    });

    test('a second run over the unchanged crawl changes nothing: counts, records and their hashes', async () => {
      const before = await storeSnapshot(site.runtime);
      const again = await importOnce();
      assert.deepEqual(await storeSnapshot(site.runtime), before);
      for (const [type, c] of Object.entries(again.counts)) assert.equal(c.imported + c.updated, 0, `${type}: ${JSON.stringify(c)}`);
    });
  });
}
