import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import type { ImportRecord } from '../../../src/domain/import-record.ts';
import { formatToString } from '../../../src/filter/index.ts';
import { htmlSource } from '../../../src/import/sources/html-source.ts';
import { renderListingPage, renderNodePage } from '../../fixtures/original-site/render-page.ts';
import { sampleArticle, sampleTagListing } from '../../fixtures/original-site/sample-pages.ts';
import { byType, displayedBody } from './expected-records.ts';

async function collect(source: AsyncIterable<ImportRecord>): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const r of source) out.push(r);
  return out;
}

test('a folder of saved pages is read recursively: URL from the canonical link or the file path, time from mtime', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-html-'));
  try {
    const article = sampleArticle();
    const noCanonical = sampleArticle({ nid: null, title: 'A page saved without its head', path: 'content/saved-without-head' });
    const arabic = sampleArticle({ nid: 9001, title: 'عمال المرفأ ينهون الإضراب', path: 'content/arabic-story', comments: [], paragraphs: ['عاد العمال إلى المرفأ.'] });
    const files: [string, Uint8Array | string, number][] = [
      ['english.meridian-daily.example/node/8674.html', renderNodePage(article), 1428000000],
      ['english.meridian-daily.example/content/saved-without-head.htm', renderNodePage(noCanonical, { theme: 'plain' }).replace(/<link rel="canonical"[^>]*>/, ''), 1428000100],
      ['english.meridian-daily.example/tags/harbour-strike/index.html', renderListingPage(sampleTagListing()), 1428000200],
      ['english.meridian-daily.example/z/arabic.html', iconv.encode(renderNodePage(arabic, { charset: 'windows-1256' }), 'windows-1256'), 1428000300],
      ['english.meridian-daily.example/z/broken.html', '', 1428000400],
      ['english.meridian-daily.example/z/notes.txt', 'not a page', 1428000500],
    ];
    for (const [rel, body, mtime] of files) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
      utimesSync(path, mtime, mtime);
    }
    const records = await collect(htmlSource([dir]));
    const { nodes: all } = byType(records);
    const nodes = all.filter((n) => n.sourceType !== 'teaser-only');
    // The tag listing links ten items no file holds: each is kept as its teaser, filed under the tag.
    assert.deepEqual(all.filter((n) => n.sourceType === 'teaser-only').map((n) => [n.key, n.path, n.tagKeys, n.revisions[0]!.title, n.revisions[0]!.body]),
      Array.from({ length: 10 }, (_, i) => [`path/content/harbour-story-${i + 1}`, `content/harbour-story-${i + 1}`, ['path/tags/harbour-strike'], `Harbour story ${i + 1}`, `<p>Teaser text of Harbour story ${i + 1}...</p>`]));
    assert.deepEqual(nodes.map((n) => [n.key, n.path, n.legacyPaths, n.provenance.capturedAt, n.provenance.source]), [
      ['path/content/saved-without-head', 'content/saved-without-head', [], 1428000100, 'html'],
      ['node/8674', article.path, [], 1428000000, 'html'],
      ['node/9001', arabic.path, [], 1428000300, 'html'],
    ]);
    assert.equal(formatToString('filtered_html', nodes[0]!.revisions[0]!.body), displayedBody(noCanonical));
    assert.equal(nodes[2]!.revisions[0]!.title, arabic.title);
    assert.ok(records.some((r) => r.type === 'term' && r.key === 'path/tags/harbour-strike' && r.name === 'Harbour strike'));
    assert.deepEqual(records.filter((r) => r.type === 'skip').map((r) => r.type === 'skip' && [r.ref.slice(dir.length + 1), r.reason]), [['english.meridian-daily.example/z/broken.html', 'empty page']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
