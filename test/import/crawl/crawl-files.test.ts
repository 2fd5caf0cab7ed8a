import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runImport } from '../../../src/import/importer.ts';
import { siteFileCopier } from '../../../src/import/file-copier.ts';
import { htmlSource } from '../../../src/import/sources/html-source.ts';
import { openTestSite } from '../../support/test-runtime.ts';
import { renderNodePage } from '../../fixtures/original-site/render-page.ts';
import { sampleArticle } from '../../fixtures/original-site/sample-pages.ts';

// The crawl importers reach --files through the same importer step as Drupal's: a saved page's lead
// photo (a Drupal 7 image style URL on an absolute host) is copied and answers at its old URL.
// SQLite only: nothing here depends on the store's dialect (the file step writes no rows but gone paths).
test('a crawl with --files copies the photos its pages showed; a style derivative comes from its original', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-crawl-files-'));
  const site = await openTestSite('sqlite');
  try {
    const article = sampleArticle();
    const page = join(dir, 'pages/english.meridian-daily.example/node/8674.html');
    mkdirSync(dirname(page), { recursive: true });
    writeFileSync(page, renderNodePage(article));
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    mkdirSync(join(dir, 'old-files'), { recursive: true });
    // The files folder holds the original only: Drupal made styles/large/public/harbour.jpg on demand.
    writeFileSync(join(dir, 'old-files/harbour.jpg'), jpeg);
    const summary = await runImport({
      source: htmlSource([join(dir, 'pages')]), sourceName: 'html', inputs: [], edition: site.runtime.editions.get('en'), service: site.runtime.imports,
      files: siteFileCopier(join(dir, 'old-files'), site.runtime.files, false),
    });
    assert.deepEqual(summary.files, { copied: 1, unchanged: 0, missing: 0 });
    const res = await site.folio.app.inject({ url: '/sites/default/files/styles/large/public/harbour.jpg' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.deepEqual(res.rawPayload, jpeg);
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
