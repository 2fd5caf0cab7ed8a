import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import { connectPostgres } from '../../src/store/postgres/connect.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import type { Connection } from '../../src/store/connection.ts';
import { KyselyContentReader } from '../../src/store/queries/content-reader.ts';
import { testDialects } from '../support/databases.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 11, review leftover: an old path is looked up in path_aliases, path_redirects and gone_paths
// by its exact spelling and, as MySQL's collation matched Drupal's aliases, in any case. Each
// lookup reads both in one statement, so a 404 (a path no table knows) costs three statements, not six.

/** Counts the statements a Kysely handle sends. */
function statementCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery<T>(args: { node: T }): T {
      counter.count++;
      return args.node;
    },
    async transformResult<R>(args: { result: R }): Promise<R> {
      return args.result;
    },
  };
  return counter;
}

for (const dialect of testDialects()) {
  describe(`old paths are found in any case with one statement per table (${dialect})`, () => {
    let site: TestSite;
    let connection: Connection;
    let reader: KyselyContentReader;
    const counter = statementCounter();

    before(async () => {
      site = await openTestSite(dialect);
      connection = dialect === 'sqlite' ? connectSqlite(site.db.url.slice('sqlite:'.length)) : connectPostgres(site.db.url);
      const db = connection.db;
      await db.insertInto('path_aliases').values([
        { edition: 'en', path: 'Content/Mixed-Case', target_type: 'node', target_id: 1, canonical: 1 },
        // Two rows that fold to one spelling: the exact one wins, whichever is canonical.
        { edition: 'en', path: 'content/two', target_type: 'node', target_id: 2, canonical: 0 },
        { edition: 'en', path: 'Content/Two', target_type: 'node', target_id: 3, canonical: 1 },
      ]).execute();
      await db.insertInto('path_redirects').values([
        { edition: 'en', path: 'News', location: 'node' },
        { edition: 'en', path: 'news', location: 'blog' },
      ]).execute();
      await db.insertInto('gone_paths').values([
        { edition: 'en', path: 'Old-Archive', reason: 'first', since: 0 },
        { edition: 'en', path: 'old-archive', reason: 'second', since: 0 },
      ]).execute();
      reader = new KyselyContentReader(db.withPlugin(counter), connection.dialect);
    });
    after(async () => {
      await connection?.close();
      await site?.close();
    });

    test('the exact spelling wins; another spelling answers, never as canonical', async () => {
      assert.deepEqual(await reader.resolvePath('en', 'Content/Mixed-Case'), { targetType: 'node', targetId: 1, canonical: true });
      assert.deepEqual(await reader.resolvePath('en', 'content/mixed-case'), { targetType: 'node', targetId: 1, canonical: false });
      assert.deepEqual(await reader.resolvePath('en', 'content/two'), { targetType: 'node', targetId: 2, canonical: false }, 'the exact row, an old alias');
      assert.deepEqual(await reader.resolvePath('en', 'Content/Two'), { targetType: 'node', targetId: 3, canonical: true });
      assert.deepEqual(await reader.resolvePath('en', 'CONTENT/TWO'), { targetType: 'node', targetId: 3, canonical: false }, 'otherwise the canonical row');
      assert.equal(await reader.resolvePath('ar', 'content/two'), undefined, 'only within its edition');
      assert.equal(await reader.redirectLocation('en', 'News'), 'node');
      assert.equal(await reader.redirectLocation('en', 'news'), 'blog');
      assert.equal(await reader.redirectLocation('en', 'NEWS'), 'node', 'the lowest stored spelling');
      assert.equal(await reader.goneReason('en', 'old-archive'), 'second');
      assert.equal(await reader.goneReason('en', 'OLD-ARCHIVE'), 'first');
      assert.equal(await reader.goneReason('en', 'old-archive-x'), undefined);
    });

    test('a path no table knows costs one statement per table', async () => {
      counter.count = 0;
      assert.equal(await reader.resolvePath('en', 'no/such/Path'), undefined);
      assert.equal(await reader.redirectLocation('en', 'no/such/Path'), undefined);
      assert.equal(await reader.goneReason('en', 'no/such/Path'), undefined);
      assert.equal(counter.count, 3);
      counter.count = 0;
      assert.equal((await reader.resolvePath('en', 'content/MIXED-case'))?.targetId, 1);
      assert.equal(counter.count, 1, 'another spelling is found by the same statement');
    });
  });
}
