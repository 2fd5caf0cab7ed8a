import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { RedisChangeChannel } from '../../src/store/redis/change-channel.ts';
import { RedisConnections } from '../../src/store/redis/redis-connections.ts';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { seedFixture } from '../support/fixture-site.ts';

const skip = process.env.FOLIO_TEST_REDIS === '0' ? 'no Redis at 127.0.0.1:6379 (scripts/test.sh reports it)' : false;
const REDIS = process.env.FOLIO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => (check() ? resolve(true) : Date.now() - started > ms ? resolve(false) : setTimeout(tick, 10));
    tick();
  });
}

describe('page-cache invalidation through Redis pub/sub', { skip }, () => {
  test('a change published by one instance reaches the others, not itself', async () => {
    const heard: string[][] = [[], [], []];
    const connections = heard.map(() => new RedisConnections(REDIS, () => undefined));
    const channels = heard.map((list, i) => new RedisChangeChannel(connections[i]!, ['en', 'ar'], (e, stamp) => list.push(`${e} ${stamp}`), () => undefined));
    try {
      for (const c of channels) await c.listen();
      channels[0]!.publish('ar', '1796000000000-1-abc');
      assert.ok(await waitFor(() => heard[1]!.length > 0 && heard[2]!.length > 0, 1000), 'B and C heard within 1 s');
      assert.deepEqual(heard[1], ['ar 1796000000000-1-abc']);
      assert.deepEqual(heard[2], ['ar 1796000000000-1-abc']);
      assert.deepEqual(heard[0], [], 'A does not invalidate twice');
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  test('with Redis unreachable, publishing neither throws nor waits, and the warning is said once', async () => {
    const warnings: string[] = [];
    const connections = new RedisConnections('redis://127.0.0.1:1', (m) => warnings.push(m));
    const channel = new RedisChangeChannel(connections, ['en'], () => undefined, () => undefined);
    try {
      const started = Date.now();
      for (let i = 0; i < 100; i++) channel.publish('en', `stamp-${i}`);
      assert.ok(Date.now() - started < 200);
      await channel.listen();
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /unreachable: changes reach other instances through the database stamps/);
    } finally {
      await connections.close();
    }
  });

  describe('two instances sharing a database', () => {
    let db: TestDatabase;
    let a: StoreRuntime;
    let b: StoreRuntime;
    before(async () => {
      db = createSqliteDatabase();
      const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test', FOLIO_REDIS_URL: REDIS }, { databaseUrl: db.url, port: 8080 });
      a = await openStoreRuntime(config);
      await seedFixture(a);
      b = await openStoreRuntime(config);
      // A poll too slow to explain what B sees: only pub/sub can deliver within a second.
      await a.watchChanges(600_000);
      await b.watchChanges(600_000);
    });
    after(async () => {
      await a.close();
      await b.close();
      await db.drop();
    });

    test('a comment approved on A drops the English caches of B within 1 s', async () => {
      const changed: string[] = [];
      b.onContentChanged((e) => changed.push(e));
      const started = Date.now();
      assert.deepEqual(await a.moderation.act({ kind: 'cli', login: 'test' }, 'approve', [5]), [5]);
      assert.ok(await waitFor(() => changed.includes('en'), 1000), `B heard: ${changed.join(', ')}`);
      assert.ok(Date.now() - started < 1000);
      // The stamp came with the message: B's poll finds nothing new, so the caches drop once.
      await new Promise((r) => setTimeout(r, 700));
      const before = changed.length;
      await b.watchChanges(600_000);
      assert.equal(changed.length, before, `B invalidated again on its poll: ${changed.join(', ')}`);
    });
  });
});
