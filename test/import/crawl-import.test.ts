import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { renderListingPage, renderNodePage } from '../fixtures/original-site/render-page.ts';
import { renderTextDump } from '../fixtures/original-site/render-text-dump.ts';
import { sampleArticle, sampleTagListing } from '../fixtures/original-site/sample-pages.ts';
import { writeWarc, type FixtureResponse } from '../fixtures/original-site/write-fixture-warc.ts';
import { runCli } from '../support/run-cli.ts';

// A crawl of the old site imported the way an archivist would: through the command line, then
// every captured URL checked against what Folio answers.
const HOST = 'http://english.meridian-daily.example';
const article = sampleArticle();
const edited = sampleArticle({ title: 'Harbour strike ends after pay talks agreed', paragraphs: ['A shorter, corrected story.'] });
const other = sampleArticle({ nid: 9003, title: 'Port authority names new director', path: 'content/port-authority-names-new-director', comments: [] });

function crawl(): FixtureResponse[] {
  return [
    { url: `${HOST}/node/8674`, date: '2015-04-01T10:00:00Z', body: renderNodePage(article) },
    { url: `https://english.meridian-daily.example/${article.path}?page=1`, date: '2016-06-01T10:00:00Z', body: renderNodePage(edited) },
    { url: `${HOST}/${other.path}`, date: '2015-04-02T10:00:00Z', body: renderNodePage(other) },
    { url: `${HOST}/tags/harbour-strike`, date: '2015-04-01T10:05:00Z', body: renderListingPage(sampleTagListing()) },
    { url: `${HOST}/content/old-alias`, date: '2015-04-01T10:06:00Z', body: '', status: 301, headers: { Location: `${HOST}/${article.path}` } },
    { url: `${HOST}/content/withdrawn`, date: '2015-04-01T10:07:00Z', body: '', status: 410 },
    { url: `${HOST}/content/missing`, date: '2015-04-01T10:07:00Z', body: '<h1>Page not found</h1>', status: 404 },
    { url: `${HOST}/sites/default/files/harbour.jpg`, date: '2015-04-01T10:08:00Z', body: new Uint8Array([0xff, 0xd8, 0xff]), headers: { 'Content-Type': 'image/jpeg' } },
  ];
}

describe('a crawl imported through the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-crawl-'));
  const database = `sqlite:${join(dir, 'folio.db')}`;
  const warc = join(dir, 'crawl.warc.gz');
  let runtime: StoreRuntime;
  let folio: FolioApp;
  let firstRun: string;

  before(async () => {
    await writeWarc(warc, crawl(), true);
    const res = await runCli(['import', 'warc', warc, '--database', database, '--report', join(dir, 'report.json')]);
    assert.equal(res.code, 0, res.stderr);
    firstRun = res.stdout;
    runtime = await openStoreRuntime(loadConfig({ FOLIO_BASE_URL: 'http://folio.test' }, { databaseUrl: database, port: 1 }));
    folio = await buildApp(runtime);
  });
  after(async () => {
    await folio.app.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (url: string) => folio.app.inject({ method: 'GET', url });

  test('says what it did: two articles and the ten the tag listing names only by teaser, the old redirect and the removed page kept, the 404 and the image skipped', () => {
    assert.match(firstRun, /items: 12 imported, 0 updated, 0 unchanged/);
    assert.match(firstRun, /teaser-only items \(listed, never captured\): 10/);
    assert.match(firstRun, /removed paths \(410\): 1/);
    assert.match(firstRun, /old redirects kept \(301\): 1/);
    assert.match(firstRun, /skipped: 2\n.*content\/missing: HTTP status 404\n.*harbour\.jpg: not HTML \(image\/jpeg\)/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { items: { key: string; path: string; legacyPaths: string[] }[]; skipped: unknown[] };
    const node = report.items.filter((i) => i.key === 'node/8674').at(-1)!;
    assert.equal(node.path, article.path);
    assert.deepEqual(node.legacyPaths, ['node/8674']);
    assert.equal(report.skipped.length, 2);
  });

  test('the newest capture is the page; the older one is kept as a revision', async () => {
    const page = await get(`/${article.path}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Harbour strike ends after pay talks agreed/);
    assert.match(page.body, /A shorter, corrected story\./);
    assert.match(page.body, /id="comment-501"/);
    const [stored] = await runtime.store.exports.nodes('en', 8673, 1);
    assert.deepEqual(stored?.revisions.map((r) => r.title), [article.title, edited.title], 'both captures, oldest first');
    const raw = await get('/node/8674');
    assert.equal(raw.statusCode, 301);
    assert.equal((await get('/content/old-alias')).headers.location, `/${article.path}`);
    assert.equal((await get('/content/withdrawn')).statusCode, 410);
  });

  test('folio urls check: every captured page resolves, files are not counted; an unknown URL fails the check', async () => {
    const ok = await runCli(['urls', 'check', warc, '--database', database]);
    assert.equal(ok.code, 1, 'the crawl itself holds a 404 page, which Folio does not know either');
    assert.match(ok.stdout, /^301 \/node\/8674 -> \/content\/harbour-workers.* \(200\)$/m);
    assert.match(ok.stdout, /^404 \/content\/missing {2}BROKEN$/m);
    assert.match(ok.stderr, /7 URLs: 3 answer 200, 2 redirect to a page, 1 gone \(410\), 1 broken; 1 file URLs \(images, attachments\) not checked/);
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `# old links from a newsletter\n${HOST}/node/8674\n/tags/harbour-strike?page=0\n/content/old-alias\n/taxonomy/term/1\n`);
    const good = await runCli(['urls', 'check', list, '--database', database, '--json']);
    assert.equal(good.code, 0, good.stdout + good.stderr);
    assert.equal(good.stdout.trim().split('\n').length, 4);
  });

  test('a second run of the same crawl changes nothing', async () => {
    const again = await runCli(['import', 'warc', warc, '--database', database]);
    assert.match(again.stdout, /items: 0 imported, 0 updated, 12 unchanged/);
  });

  test('saved HTML folders and text dumps import the same way', async () => {
    const pages = join(dir, 'saved', 'english.meridian-daily.example', 'content');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(pages, 'port-authority-names-new-director.html'), renderNodePage(other));
    const html = await runCli(['import', 'html', join(dir, 'saved'), '--database', database]);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /items: 0 imported, (0 updated, 1 unchanged|1 updated, 0 unchanged)/);
    const dumps = join(dir, 'dumps');
    mkdirSync(dumps);
    writeFileSync(join(dumps, 'dock.txt'), renderTextDump(sampleArticle({ nid: 9100, title: 'Dock cranes idle for a second week', comments: [] })).replace(/\n/g, '\r\n'));
    const text = await runCli(['import', 'text', dumps, '--database', database]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /items: 1 imported/);
    assert.equal((await get('/content/dock-cranes-idle-second-week')).statusCode, 200);
  });
});
