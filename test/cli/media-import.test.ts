import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { buildNode } from '../support/factories.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { buildImage } from '../support/image-factories.ts';
import { runCli } from '../support/run-cli.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 12, point 5: imported archive photos go through the same pipeline (`folio media
// import-files`), so archive articles get srcset too, and the old file URLs keep answering.

describe('folio media import-files', () => {
  let site: TestSite;
  const files = mkdtempSync(join(tmpdir(), 'folio-files-h3-media-'));
  const photos = join(files, 'sites', 'default', 'files', 'photos');

  before(async () => {
    mkdirSync(photos, { recursive: true });
    writeFileSync(join(photos, 'harbour view.jpg'), await buildImage({ format: 'jpeg', width: 900, height: 600, gps: true }));
    writeFileSync(join(photos, 'map.png'), await buildImage({ format: 'png', width: 300, height: 200 }));
    writeFileSync(join(photos, 'not-a-photo.jpg'), 'plain text with a photo name\n');
    writeFileSync(join(photos, 'report.pdf'), '%PDF-1.4\n');
    site = await openTestSite('sqlite', seedFixture, { FOLIO_FILES_DIR: files });
    await site.runtime.store.writer.saveNodes(sanctionedWriter(site.runtime.editions.get('en'), 'import'), [
      buildNode({ nid: 990, title: 'Archive photo story', photo: { src: '/sites/default/files/photos/harbour%20view.jpg', caption: 'The harbour', credit: null } }),
    ]);
  });
  after(async () => {
    await site.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('registers each readable image once, skips the rest, and says what it did', async () => {
    const env = { FOLIO_FILES_DIR: files };
    const first = await runCli(['media', 'import-files', '--database', site.db.url], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^media import-files: 2 imported, 0 already in the library, 1 skipped \(not a readable JPEG, PNG, WebP or AVIF\) of 3 image files in .+, in \d+\.\d s; derivatives in folder .+media\n$/);
    const again = await runCli(['media', 'import-files', '--database', site.db.url], env);
    assert.match(again.stdout, /0 imported, 2 already in the library, 1 skipped/);
    const item = await site.runtime.store.media.findByLegacyPath('sites/default/files/photos/harbour view.jpg');
    assert.deepEqual([item?.edition, item?.width, item?.height, item?.widths], ['en', 900, 600, [480, 800, 900]]);
    const log = await site.runtime.audit.list('cli', { limit: 10, actionPrefix: 'media.upload' });
    assert.equal(log.length, 2);
  });

  test('the archive article now shows the photo with srcset and its real size, and the old URL still answers', async () => {
    const item = (await site.runtime.store.media.findByLegacyPath('sites/default/files/photos/harbour view.jpg'))!;
    let res = await site.folio.app.inject({ url: '/node/990' });
    if (res.statusCode === 301) res = await site.folio.app.inject({ url: String(res.headers.location) });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<picture><source type="image/avif" srcset="/media/${item.id}-480\\.avif 480w, /media/${item.id}-800\\.avif 800w, /media/${item.id}-900\\.avif 900w"`));
    assert.match(res.body, new RegExp(`<img src="/media/${item.id}-900\\.jpg" [^>]*alt="The harbour" width="900" height="600" decoding="async">`));
    const old = await site.folio.app.inject({ url: '/sites/default/files/photos/harbour%20view.jpg' });
    assert.equal(old.statusCode, 200);
    assert.equal((await site.folio.app.inject({ url: `/media/${item.id}-480.webp` })).statusCode, 200);
  });
});
