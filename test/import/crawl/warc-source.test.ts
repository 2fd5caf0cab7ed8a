import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ImportRecord } from '../../../src/domain/import-record.ts';
import { warcSource, warcUrls } from '../../../src/import/sources/warc-source.ts';
import { renderListingPage, renderNodePage } from '../../fixtures/original-site/render-page.ts';
import { sampleArticle, sampleTagListing } from '../../fixtures/original-site/sample-pages.ts';
import { httpResponse, writeArc } from '../../fixtures/original-site/write-arc.ts';
import { writeWarc, type FixtureResponse } from '../../fixtures/original-site/write-fixture-warc.ts';
import { byType, displayedBody } from './expected-records.ts';

const HOST = 'http://english.meridian-daily.example';

async function collect(source: AsyncIterable<ImportRecord>): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const r of source) out.push(r);
  return out;
}

function withTemp(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-warc-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const article = sampleArticle();
const edited = sampleArticle({ title: 'Harbour strike ends after pay talks agreed', paragraphs: ['A shorter, corrected story.'] });
const arabic = sampleArticle({ nid: 9001, title: 'عمال المرفأ ينهون الإضراب', path: 'content/arabic-story', authors: [], tags: [], sections: [], comments: [], photo: undefined, paragraphs: ['عاد عمال المرفأ إلى العمل يوم الثلاثاء.'] });
const latin = sampleArticle({ nid: 9002, title: 'Café owners on the façade', path: 'content/cafe-owners-facade', authors: [], tags: [], sections: [], comments: [], photo: undefined, paragraphs: ['The café’s façade was repainted.'] });

function responses(): FixtureResponse[] {
  return [
    { url: `${HOST}/node/8674`, date: '2015-04-01T10:00:00Z', body: renderNodePage(article) },
    { url: `https://english.meridian-daily.example/${article.path}?page=1`, date: '2016-06-01T10:00:00Z', body: renderNodePage(edited) },
    { url: `${HOST}/tags/harbour-strike`, date: '2015-04-01T10:05:00Z', body: renderListingPage(sampleTagListing()) },
    { url: `${HOST}/content/old-alias`, date: '2015-04-01T10:06:00Z', body: '', status: 301, headers: { Location: `${HOST}/${article.path}` } },
    { url: `${HOST}/content/missing`, date: '2015-04-01T10:07:00Z', body: '<h1>Page not found</h1>', status: 404 },
    { url: `${HOST}/sites/default/files/harbour.jpg`, date: '2015-04-01T10:08:00Z', body: new Uint8Array([0xff, 0xd8, 0xff]), headers: { 'Content-Type': 'image/jpeg' } },
    { url: `${HOST}/content/arabic-story`, date: '2015-04-01T10:09:00Z', body: iconv.encode(renderNodePage(arabic, { charset: 'windows-1256' }), 'windows-1256'), headers: { 'Content-Type': 'text/html' } },
    { url: `${HOST}/content/cafe-owners-facade`, date: '2015-04-01T10:10:00Z', body: iconv.encode(renderNodePage(latin, { charset: 'iso-8859-1', httpEquiv: true }), 'windows-1252'), headers: { 'Content-Type': 'text/html; charset=iso-8859-1' } },
  ];
}

function checkRecords(records: ImportRecord[], source: 'warc'): void {
  const { nodes: all } = byType(records);
  // The tag listing's ten items were never captured: they come last, as teasers.
  assert.equal(all.filter((n) => n.sourceType === 'teaser-only').length, 10);
  const nodes = all.filter((n) => n.sourceType !== 'teaser-only');
  assert.deepEqual(nodes.map((n) => [n.key, n.revisions[0]!.title, n.provenance.capturedAt]), [
    ['node/8674', article.title, Date.UTC(2015, 3, 1, 10) / 1000],
    ['node/8674', edited.title, Date.UTC(2016, 5, 1, 10) / 1000],
    ['node/9001', arabic.title, Date.UTC(2015, 3, 1, 10, 9) / 1000],
    ['node/9002', latin.title, Date.UTC(2015, 3, 1, 10, 10) / 1000],
  ]);
  assert.equal(nodes[1]!.revisions[0]!.body, '<p>A shorter, corrected story.</p>');
  assert.equal(nodes[0]!.revisions[0]!.revisedAt, Date.UTC(2015, 3, 1, 10) / 1000);
  assert.equal(nodes[0]!.provenance.source, source);
  assert.equal(nodes[0]!.provenance.originalUrl, `${HOST}/node/8674`);
  assert.equal(nodes[2]!.revisions[0]!.body, displayedBody(arabic));
  assert.equal(nodes[3]!.revisions[0]!.body, displayedBody(latin));
  assert.ok(records.some((r) => r.type === 'term' && r.key === 'path/tags/harbour-strike' && r.name === 'Harbour strike'));
  const skips = records.filter((r) => r.type === 'skip').map((r) => r.type === 'skip' && [r.ref, r.reason]);
  assert.deepEqual(records.filter((r) => r.type === 'redirect').map((r) => r.type === 'redirect' && [r.from, r.to]), [['content/old-alias', article.path]]);
  assert.deepEqual(skips, [
    [`${HOST}/content/missing`, 'HTTP status 404'],
    [`${HOST}/sites/default/files/harbour.jpg`, 'not HTML (image/jpeg)'],
  ]);
}

for (const gzip of [false, true]) {
  test(`a ${gzip ? 'gzipped ' : ''}WARC gives every capture of a page as a node with one revision, and skips the rest`, withTemp(async (dir) => {
    const path = join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
    await writeWarc(path, responses(), gzip);
    if (gzip) assert.deepEqual([...readFileSync(path).subarray(0, 2)], [0x1f, 0x8b]);
    checkRecords(await collect(warcSource([path])), 'warc');
    const urls: string[] = [];
    for await (const url of warcUrls([path])) urls.push(url);
    assert.deepEqual(urls, responses().map((r) => r.url));
  }));
}

for (const gzip of [false, true]) {
  test(`${gzip ? 'a gzipped' : 'an'} ARC file is read like a WARC`, withTemp(async (dir) => {
    const path = join(dir, gzip ? 'crawl.arc.gz' : 'crawl.arc');
    const date = (iso: string): string => iso.replace(/[-:TZ]/g, '').slice(0, 14);
    writeArc(path, responses().map((r) => {
      const headers = { 'Content-Type': 'text/html; charset=utf-8', ...r.headers };
      return { url: r.url, date: date(r.date), contentType: headers['Content-Type'].split(';')[0]!, http: httpResponse(r.status ?? 200, headers, r.body) };
    }), gzip);
    const records = await collect(warcSource([path]));
    const nodes = byType(records).nodes.filter((n) => n.sourceType !== 'teaser-only');
    assert.deepEqual(nodes.map((n) => [n.key, n.revisions[0]!.title]), [['node/8674', article.title], ['node/8674', edited.title], ['node/9001', arabic.title], ['node/9002', latin.title]]);
    assert.equal(nodes[2]!.revisions[0]!.body, displayedBody(arabic));
    assert.equal(nodes[3]!.revisions[0]!.body, displayedBody(latin));
    assert.equal(nodes[1]!.provenance.capturedAt, Date.UTC(2016, 5, 1, 10) / 1000);
    assert.deepEqual(records.filter((r) => r.type === 'skip').map((r) => r.type === 'skip' && r.reason), ['HTTP status 404', 'not HTML (image/jpeg)']);
    assert.equal(records.filter((r) => r.type === 'redirect').length, 1);
    const urls: string[] = [];
    for await (const url of warcUrls([path])) urls.push(url);
    assert.equal(urls.length, responses().length);
  }));
}

test('a truncated WARC keeps the records read before the damage and reports the rest', withTemp(async (dir) => {
  const path = join(dir, 'cut.warc');
  await writeWarc(path, responses(), false);
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const records = await collect(warcSource([path, join(dir, 'absent.warc')]));
  assert.ok(byType(records).nodes.length >= 1);
  assert.ok(records.some((r) => r.type === 'skip' && r.ref.endsWith('absent.warc')));
}));
