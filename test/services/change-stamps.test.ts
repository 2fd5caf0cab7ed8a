import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
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
