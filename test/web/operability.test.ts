import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/web/app.ts';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { socketRequest } from '../support/socket-client.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// What an operator and a load balancer rely on: health and readiness, keep-alive longer than the
// balancer's, and an access log that includes pages answered from the page cache.

for (const dialect of testDialects()) {
  describe(`operability (${dialect})`, () => {
    let site: TestSite;
    let port: number;
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });

    before(async () => {
      site = await openTestSite(dialect, seedFixture, {}, { level: 'info', stream });
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      port = (site.folio.app.server.address() as AddressInfo).port;
    });
    after(async () => {
      await site.close();
    });

    test('/healthz says the process is alive; /readyz that the database answers; neither is cached', async () => {
      const health = await socketRequest(port, { path: '/healthz' });
      assert.equal(health.status, 200);
      assert.equal(health.body, 'ok\n');
      assert.equal(health.headers['cache-control'], 'no-store');
      const ready = await socketRequest(port, { path: '/readyz' });
      assert.equal(ready.status, 200);
      assert.deepEqual(JSON.parse(ready.body), { status: 'ready', checks: [{ name: 'database', ok: true }] });
      assert.equal(ready.headers['cache-control'], 'no-store');
    });

    test('/readyz answers 503 with Retry-After when the database does not answer', async () => {
      const down = await buildApp({ ...site.runtime, health: { database: async () => ({ name: 'database', ok: false, detail: 'connection refused' }), replica: async () => null, commentQueueDepth: () => 0, poolUse: () => [] } as unknown as typeof site.runtime.health });
      try {
        const res = await down.app.inject({ url: '/readyz' });
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['retry-after'], '5');
        assert.equal(JSON.parse(res.body).checks[0].detail, 'connection refused');
        assert.equal((await down.app.inject({ url: '/healthz' })).statusCode, 200, 'alive, though not ready');
      } finally {
        await down.app.close();
      }
    });

    test('idle connections are kept longer than a load balancer keeps its own (60 s)', async () => {
      const res = await socketRequest(port, { path: '/', headers: { connection: 'keep-alive' } });
      assert.match(String(res.headers['keep-alive']), /timeout=75/);
      assert.ok(site.folio.app.server.headersTimeout > site.folio.app.server.keepAliveTimeout);
    });

    test('pages answered from the page cache are in the access log, in batches', async () => {
      const path = `/${FIXTURE.article.path}?from=log-test`;
      assert.equal((await socketRequest(port, { path })).status, 200);
      assert.equal((await socketRequest(port, { path })).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      const batches = lines.map((l) => JSON.parse(l) as { msg: string; requests?: string[] }).filter((l) => l.msg === 'cached responses');
      const logged = batches.flatMap((b) => b.requests ?? []);
      assert.ok(logged.some((r) => r.startsWith('GET ') && r.includes(`/${FIXTURE.article.path}?from=log-test 200 `)), JSON.stringify(logged));
    });
  });
}

describe('keep-alive is configurable', () => {
  test('FOLIO_KEEP_ALIVE_SECONDS sets the idle timeout, with the headers and request timeouts above it', async () => {
    const site = await openTestSite('sqlite', seedFixture, { FOLIO_KEEP_ALIVE_SECONDS: '120' });
    try {
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (site.folio.app.server.address() as AddressInfo).port;
      const res = await socketRequest(port, { path: '/healthz', headers: { connection: 'keep-alive' } });
      assert.match(String(res.headers['keep-alive']), /timeout=120/);
      assert.equal(site.folio.app.server.headersTimeout, 125_000);
      assert.ok(site.folio.app.server.requestTimeout > site.folio.app.server.headersTimeout);
    } finally {
      await site.close();
    }
  });
});
