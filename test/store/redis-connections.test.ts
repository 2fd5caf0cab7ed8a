import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/web/app.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite } from '../support/test-runtime.ts';

const skip = process.env.FOLIO_TEST_REDIS === '0' ? 'no Redis at 127.0.0.1:6379 (scripts/test.sh reports it)' : false;
const REDIS = process.env.FOLIO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The names of the connections Redis sees open whose name starts with `prefix`. */
async function connectionsNamed(admin: Redis, prefix: string): Promise<string[]> {
  const list = (await admin.call('CLIENT', 'LIST')) as string;
  return list.split('\n').map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '').filter((name) => name.startsWith(prefix)).sort();
}

// One owner for an instance's Redis connections (store/redis/redis-connections.ts): one command
// connection shared by change announcements, sign-in limits and readiness, one subscriber for
// pub/sub, and none left open after shutdown.
describe('the Redis connections of an instance', { skip }, () => {
  test('a serving instance opens one command and one subscriber connection, and closes both', async () => {
    const admin = new Redis(REDIS);
    const site = await openTestSite('sqlite', seedFixture, { FOLIO_REDIS_URL: REDIS });
    let closed = false;
    try {
      const redis = site.runtime.redis;
      assert.ok(redis, 'the runtime owns the connections');
      await site.runtime.watchChanges(600_000);
      // A second app on the same runtime (as in shared-rate-limit.test.ts) shares them too.
      const second = await buildApp(site.runtime);
      const ready = await second.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(JSON.parse(ready.body).checks.map((c: { name: string }) => c.name), ['database', 'redis']);
      await site.folio.app.inject({ method: 'POST', url: '/user/login', payload: 'name=x&pass=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.deepEqual(await connectionsNamed(admin, `folio-${redis.id}-`), [`folio-${redis.id}-commands`, `folio-${redis.id}-subscriber`]);
      await second.app.close();
      assert.equal((await connectionsNamed(admin, `folio-${redis.id}-`)).length, 2, 'closing an app leaves the runtime\'s connections to the runtime');
      await site.close();
      closed = true;
      // QUIT is answered before Redis frees the connection: allow it a moment (bounded), then check.
      const deadline = Date.now() + 5000;
      while ((await connectionsNamed(admin, `folio-${redis.id}-`)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(await connectionsNamed(admin, `folio-${redis.id}-`), [], 'the runtime closed both');
    } finally {
      if (!closed) await site.close();
      admin.disconnect();
    }
  });
});
