import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime } from '../../src/runtime.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { runCli } from '../support/run-cli.ts';

for (const dialect of testDialects()) {
  describe(`folio demo and folio related store every article's related items (${dialect})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createTestDatabase(dialect);
    });
    after(async () => {
      await db.drop();
    });

    /** Every stored row of the database's articles, and how many articles there are. */
    async function stored() {
      const runtime = await openStoreRuntime(loadConfig({}, { databaseUrl: db.url, port: 8080 }));
      try {
        const subjects = [...(await runtime.store.related.inputs('en')).subjects, ...(await runtime.store.related.inputs('ar')).subjects];
        const rows = await Promise.all(subjects.map((s) => runtime.store.related.read(s.nid)));
        return { articles: subjects.length, rows };
      } finally {
        await runtime.close();
      }
    }

    test('the demo ranks every article once, and folio related ranks them again to the same rows', async () => {
      const demo = await runCli(['demo', '--articles', '60', '--arabic', '12', '--database', db.url]);
      assert.equal(demo.code, 0, demo.stderr);
      const first = await stored();
      assert.ok(first.articles > 50, `${first.articles} articles`);
      assert.ok(first.rows.every((r) => r !== undefined), 'every article has a row');
      assert.ok(first.rows.some((r) => r!.related.length > 0), 'related items were found');

      const again = await runCli(['related', '--database', db.url]);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /^en: ranked \d+ articles in [\d.]+ s\nar: ranked \d+ articles in [\d.]+ s\n$/);
      assert.deepEqual((await stored()).rows, first.rows);
    });

    test('a database that cannot be opened is refused in one line', async () => {
      const bad = await runCli(['related', '--database', 'mysql://nowhere/x']);
      assert.notEqual(bad.code, 0);
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    });
  });
}
