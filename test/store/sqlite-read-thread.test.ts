import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { Unavailable } from '../../src/domain/errors.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { KyselyContentReader } from '../../src/store/queries/content-reader.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { SqliteReadThread } from '../../src/store/sqlite/read-thread-client.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';

// Issue 14: `folio serve` reads SQLite on a connection of its own in a worker thread, so an
// article's statements run beside the event loop. What it reads must be what the primary reads,
// at once after a write, and a thread that dies must fail its queries and be replaced.
describe('SQLite reads on their own thread', () => {
  let dir: string;
  let runtime: StoreRuntime;
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-read-thread-'));
    file = join(dir, 'folio.db');
    const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test', FOLIO_FILES_DIR: join(dir, 'files') }, { databaseUrl: `sqlite:${file}`, port: 8080 });
    // As `folio serve` opens it: readReplica asks SQLite for its read thread.
    runtime = await openStoreRuntime(config, { readReplica: true });
    await seedFixture(runtime);
    await runtime.related.rebuild('en');
  });
  after(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('only a file opened for the server gets a read thread', async () => {
    const plain = connectSqlite(file);
    const memory = connectSqlite(':memory:', undefined, { readThread: true });
    const threaded = connectSqlite(file, undefined, { readThread: true });
    try {
      assert.equal(plain.readDb, plain.db);
      assert.equal(memory.readDb, memory.db);
      assert.notEqual(threaded.readDb, threaded.db);
    } finally {
      await Promise.all([plain.close(), memory.close(), threaded.close()]);
    }
  });

  test('reads through the thread return what the primary returns', async () => {
    const primary = connectSqlite(file);
    const onPrimary = new KyselyContentReader(primary.db, 'sqlite');
    const threaded = runtime.store.content;
    try {
      for (const nid of [FIXTURE.article.nid, FIXTURE.coAuthored.nid, FIXTURE.closed.nid, FIXTURE.arabic.nid, 999_999]) {
        for (const edition of ['en', 'ar']) {
          assert.deepEqual(await threaded.findNodePage(edition, nid), await onPrimary.findNodePage(edition, nid), `node ${nid} in ${edition}`);
        }
      }
      assert.ok(await threaded.findNodePage('en', FIXTURE.article.nid), 'the fixture article is read');
      assert.deepEqual(await threaded.resolvePath('en', FIXTURE.article.path), await onPrimary.resolvePath('en', FIXTURE.article.path));
      const listing = { edition: 'en', filter: { type: 'term', tid: FIXTURE.gazaTag.tid }, page: 1, pageSize: 10 } as const;
      const page = await threaded.listNodes(listing);
      assert.equal(page.total, FIXTURE.gazaTag.items);
      assert.deepEqual(page, await onPrimary.listNodes(listing));
      assert.deepEqual(await threaded.listPublishedComments(FIXTURE.article.nid, 0, 50), await onPrimary.listPublishedComments(FIXTURE.article.nid, 0, 50));
    } finally {
      await primary.close();
    }
  });

  test('a write acknowledged on the primary is read at once through the thread', async () => {
    for (let i = 0; i < 20; i++) {
      await runtime.store.writer.setMeta('read-thread-probe', `value ${i}`);
      assert.equal(await runtime.store.content.getMeta('read-thread-probe'), `value ${i}`);
    }
  });

  test('the read side refuses writes and transactions, and keeps answering after an error', async () => {
    const connection = connectSqlite(file, undefined, { readThread: true });
    try {
      await assert.rejects(connection.readDb.insertInto('folio_meta').values({ key: 'sneaked', value: 'in' }).execute(), /readonly|query_only|attempt to write/i);
      await assert.rejects(connection.readDb.transaction().execute(async () => undefined), /takes no transactions/);
      await assert.rejects(connection.readDb.selectFrom('no_such_table' as never).selectAll().execute(), (err: Error & { code?: string }) => /no such table: no_such_table/.test(err.message) && err.code === 'SQLITE_ERROR');
      const rows = await connection.readDb.selectFrom('folio_meta').select('value').where('key', '=', 'sneaked').execute();
      assert.deepEqual(rows, []);
    } finally {
      await connection.close();
    }
  });

  test('queries asked in the same turn all get their own rows', async () => {
    const nids = [FIXTURE.article.nid, FIXTURE.coAuthored.nid, FIXTURE.unsigned.nid, FIXTURE.closed.nid];
    const pages = await Promise.all(nids.flatMap((nid) => [nid, nid]).map((nid) => runtime.store.content.findNodePage('en', nid)));
    assert.deepEqual(pages.map((p) => p?.node.nid), nids.flatMap((nid) => [nid, nid]));
  });

  test('a thread that dies fails what it was asked as Unavailable, and the next query starts another', async () => {
    const reads = new SqliteReadThread(file, 4);
    try {
      assert.deepEqual(await reads.query('select 1 as one', []), [{ one: 1 }]);
      // A statement still running when the thread is stopped (a worker stops when SQLite returns
      // to JavaScript, so the statement must end: a few hundred milliseconds of counting).
      const stuck = reads.query('with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000) select count(*) from n', []);
      await new Promise((r) => setTimeout(r, 50));
      await reads.terminate();
      await assert.rejects(stuck, (err) => err instanceof Unavailable);
      assert.deepEqual(await reads.query('select ? as two', [2]), [{ two: 2 }]);
      assert.equal(reads.starts, 2);
    } finally {
      await reads.close();
    }
    await assert.rejects(reads.query('select 1', []), /closed/);
  });
});
