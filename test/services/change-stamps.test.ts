import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildApp } from '../../src/web/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import { ChangeStamps } from '../../src/services/change-stamps.ts';
import { testDialects } from '../support/databases.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

test('stamps: the first change is written at once, the rest of a burst in one more write; only changes by others are reported', async () => {
  const table = new Map<string, string>();
  let writes = 0;
  const meta = { getMeta: async (k: string) => table.get(k), setMeta: async (k: string, v: string) => void (writes++, table.set(k, v)) };
  const heard: string[] = [];
  const announced: string[] = [];
  const mine = new ChangeStamps(meta, ['en', 'ar'], (e) => heard.push(e), 60_000, (e) => announced.push(e));
  await mine.poll();
  mine.noteLocal('ar');
  assert.deepEqual(announced, ['ar'], 'announced without waiting for the window');
  for (let i = 0; i < 49; i++) mine.noteLocal('ar');
  assert.equal(announced.length, 1, 'the rest of the burst waits for the end of the window');
  await mine.flush();
  assert.equal(writes, 2);
  assert.deepEqual(announced, ['ar', 'ar']);
  await mine.poll();
  assert.deepEqual(heard, [], 'its own change is not news to it');
  const other = new ChangeStamps(meta, ['en', 'ar'], () => undefined, 20);
  other.noteLocal('ar');
  await other.flush();
  await mine.poll();
  assert.deepEqual(heard, ['ar']);
});

test('stamps: a poll while this process\'s own write is still in flight reports nothing and keeps the new stamp', async () => {
  const table = new Map<string, string>();
  let release: () => void = () => undefined;
  const meta = {
    getMeta: async (k: string) => table.get(k),
    // The write lands only when the test says so, as a slow database would.
    setMeta: (k: string, v: string) => new Promise<void>((resolve) => { release = () => { table.set(k, v); resolve(); }; }),
  };
  const heard: string[] = [];
  const stamps = new ChangeStamps(meta, ['en', 'ar'], (e) => heard.push(e), 60_000);
  await stamps.poll();
  stamps.noteLocal('ar');
  const mine = stamps.current('ar');
  await stamps.poll();
  assert.deepEqual(heard, [], 'the old stamp still in the table is not another process\'s change');
  assert.equal(stamps.current('ar'), mine);
  release();
  await stamps.flush();
  await stamps.poll();
  assert.deepEqual(heard, [], 'once written, the table agrees with it');
  assert.equal(stamps.current('ar'), mine);
});

test('stamps: a local change moves the current stamp at once, and a poll before its write does not move it back', async () => {
  const table = new Map<string, string>();
  const meta = { getMeta: async (k: string) => table.get(k), setMeta: async (k: string, v: string) => void table.set(k, v) };
  const stamps = new ChangeStamps(meta, ['en', 'ar'], () => undefined, 1000);
  await stamps.poll();
  const before = stamps.current('ar');
  stamps.noteLocal('ar');
  const after = stamps.current('ar');
  assert.notEqual(after, before);
  assert.equal(stamps.current('en'), '', 'the other edition keeps its stamp');
  await stamps.poll();
  assert.equal(stamps.current('ar'), after, 'the table still holds the old stamp until the write');
  stamps.noteLocal('ar');
  assert.notEqual(stamps.current('ar'), after, 'a second change in the same window is a new stamp too');
  const latest = stamps.current('ar');
  await stamps.flush();
  assert.equal(table.get('changed:ar'), latest, 'the latest stamp is the one written');
});

test('stamps: a stamp announced over Redis is reported once, not again by the poll', async () => {
  const table = new Map<string, string>();
  const meta = { getMeta: async (k: string) => table.get(k), setMeta: async (k: string, v: string) => void table.set(k, v) };
  const announced: [string, string][] = [];
  const writer = new ChangeStamps(meta, ['en', 'ar'], () => undefined, 5, (e, s) => announced.push([e, s]));
  const heard: string[] = [];
  const reader = new ChangeStamps(meta, ['en', 'ar'], (e) => heard.push(e), 5);
  await reader.poll();
  writer.noteLocal('ar');
  await writer.flush();
  assert.equal(announced.length, 1);
  reader.receive(...announced[0]!);
  reader.receive(...announced[0]!);
  await reader.poll();
  assert.deepEqual(heard, ['ar'], 'one change, one invalidation');
  reader.receive('xx', 'stamp');
  assert.deepEqual(heard, ['ar'], 'an unknown edition is ignored');
});

for (const dialect of testDialects()) {
  describe(`a change made by another process retires the page cache's disk tier (${dialect})`, () => {
    let site: TestSite;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'folio-stamped-pages-'));
      site = await openTestSite(dialect, seedFixture, { FOLIO_PAGE_CACHE_DIR: dir });
      await site.runtime.watchChanges(50);
    });
    after(async () => {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a page kept on disk before a command-line publish is not served after it, even by a restarted server', async () => {
      const first = await site.folio.app.inject({ method: 'GET', url: '/ar/section/politics', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(first.statusCode, 200);
      const written = () => readdirSync(dir, { recursive: true }).some((f) => /[0-9a-f]{40}$/.test(String(f)));
      for (let i = 0; i < 40 && !written(); i++) await sleep(50);
      assert.ok(written(), 'the page was written to disk');
      // A restarted server (an empty memory tier) serves it from disk, already compressed.
      const restarted = await buildApp(site.runtime);
      const fromDisk = await restarted.app.inject({ method: 'GET', url: '/ar/section/politics', headers: { 'accept-encoding': 'gzip' } });
      // The first response went out gzipped at the miss path's fast level, and the cache kept those
      // very bytes: the page on disk answers with the same ETag.
      assert.equal(first.headers['content-encoding'], 'gzip');
      assert.equal(fromDisk.headers['content-encoding'], 'gzip');
      assert.equal(fromDisk.headers.etag, first.headers.etag);
      assert.equal(gunzipSync(fromDisk.rawPayload).toString('utf8'), gunzipSync(first.rawPayload).toString('utf8'));
      await restarted.app.close();
      const cli = await openRuntime(loadConfig({ FOLIO_BASE_URL: 'http://folio.test' }, { databaseUrl: site.db.url, port: 1 }));
      await cli.publishing.addArticle(cli.editions.get('ar'), parseArticleInput({
        title: 'خبر محفوظ على القرص', body: '<p>نص الخبر.</p>', published: new Date().toISOString(), section: 'politics', authors: [], tags: [], credit: null,
      }));
      await cli.close();
      let shown = false;
      for (let i = 0; i < 40 && !shown; i++) {
        await sleep(50);
        shown = (await site.folio.app.inject({ method: 'GET', url: '/ar/section/politics' })).body.includes('خبر محفوظ على القرص');
      }
      assert.ok(shown, 'the running server saw the change');
      const again = await buildApp(site.runtime);
      const fresh = await again.app.inject({ method: 'GET', url: '/ar/section/politics' });
      assert.ok(fresh.body.includes('خبر محفوظ على القرص'), 'the disk tier did not serve the page from before the change');
      await again.app.close();
    });
  });

  describe(`a change made by another process reaches the server's caches (${dialect})`, () => {
    let site: TestSite;
    let cli: Runtime;
    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      await site.runtime.watchChanges(50);
      cli = await openRuntime(loadConfig({ FOLIO_BASE_URL: 'http://folio.test' }, { databaseUrl: site.db.url, port: 1 }));
    });
    after(async () => {
      await site.close();
    });

    test('an article published from the command line shows on the cached Arabic section page', async () => {
      const first = await site.folio.app.inject({ method: 'GET', url: '/ar/section/politics' });
      assert.equal(first.statusCode, 200);
      assert.ok(!first.body.includes('خبر جديد من سطر الأوامر'));
      await cli.publishing.addArticle(cli.editions.get('ar'), parseArticleInput({
        title: 'خبر جديد من سطر الأوامر', body: '<p>نص الخبر.</p>', published: new Date().toISOString(), section: 'politics', authors: [], tags: [], credit: null,
      }));
      await cli.close();
      let shown = false;
      for (let i = 0; i < 40 && !shown; i++) {
        await sleep(50);
        shown = (await site.folio.app.inject({ method: 'GET', url: '/ar/section/politics' })).body.includes('خبر جديد من سطر الأوامر');
      }
      assert.ok(shown, 'the page cache was dropped within two seconds');
    });
  });
}
