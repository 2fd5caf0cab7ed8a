import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { FolioMetrics } from '../../src/web/metrics.ts';
import { startMetricsServer } from '../../src/web/metrics-server.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { socketRequest } from '../support/socket-client.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { testDialects } from '../support/databases.ts';
import { buildComment } from '../support/factories.ts';

/** A series' value in the exposition text; NaN when the series is absent. */
const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
};

// Prometheus metrics on their own port: requests by route class and status (cached ones too),
// latency, and the page cache's hits and misses.
describe('metrics for Prometheus', () => {
  let site: TestSite;
  let folio: FolioApp;
  let metricsServer: Server;
  let port: number;
  let metricsPort: number;

  before(async () => {
    site = await openTestSite('sqlite', seedFixture);
    const metrics = new FolioMetrics();
    folio = await buildApp({ ...site.runtime, metrics });
    await folio.app.listen({ port: 0, host: '127.0.0.1' });
    port = (folio.app.server.address() as AddressInfo).port;
    metricsServer = await startMetricsServer(metrics, '127.0.0.1', 0);
    metricsPort = (metricsServer.address() as AddressInfo).port;
  });
  after(async () => {
    metricsServer.close();
    await folio.app.close();
    await site.close();
  });


  test('requests are counted by route class and status, with cache hits and misses', async () => {
    const path = `/${FIXTURE.article.path}`;
    for (let i = 0; i < 3; i++) assert.equal((await socketRequest(port, { path })).status, 200);
    assert.equal((await socketRequest(port, { path: '/no/such/page' })).status, 404);
    const res = await socketRequest(metricsPort, { path: '/metrics' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const text = res.body;
    assert.equal(value(text, 'folio_http_requests_total{route="cached",status="200"}'), 2, 'the second and third were cache hits');
    assert.equal(value(text, 'folio_http_requests_total{route="/*",status="200"}'), 1);
    assert.equal(value(text, 'folio_http_requests_total{route="/*",status="404"}'), 1);
    assert.equal(value(text, 'folio_page_cache_requests_total{result="hit"}'), 2);
    assert.ok(value(text, 'folio_page_cache_requests_total{result="miss"}') >= 2);
    assert.ok(value(text, 'folio_http_request_duration_seconds_count{route="/*"}') >= 2);
    assert.ok(value(text, 'folio_page_cache_entries') >= 1);
    assert.match(text, /^folio_process_resident_memory_bytes \d+/m);
  });

  test('the metrics port serves nothing else, and the public port no metrics', async () => {
    assert.equal((await socketRequest(metricsPort, { path: '/' })).status, 404);
    assert.equal((await socketRequest(port, { path: '/metrics' })).status, 404);
  });
});

// Search latency, the comment write queue and the database pools.
describe('metrics of search and of the store', () => {
  test('each search is timed in a histogram by edition', async () => {
    const site = await openTestSite('sqlite', seedFixture);
    const metrics = new FolioMetrics({ processMetrics: false });
    const folio = await buildApp({ ...site.runtime, metrics });
    try {
      for (const url of ['/search?q=article', '/search.json?q=article', '/ar/search?q=%D9%85%D9%82%D8%A7%D9%84']) assert.equal((await folio.app.inject({ url })).statusCode, 200, url);
      const text = (await metrics.text()).body;
      assert.equal(value(text, 'folio_search_duration_seconds_count{edition="en"}'), 2);
      assert.equal(value(text, 'folio_search_duration_seconds_count{edition="ar"}'), 1);
      assert.ok(value(text, 'folio_search_duration_seconds_sum{edition="en"}') > 0);
      assert.equal(value(text, 'folio_search_duration_seconds_bucket{le="+Inf",edition="en"}'), 2);
    } finally {
      await folio.app.close();
      await site.close();
    }
  });

  test('the store\'s figures are exported as gauges: queue depth, idle, busy and waiting connections', async () => {
    const metrics = new FolioMetrics({ processMetrics: false });
    metrics.watchStore({ commentQueueDepth: () => 3, poolUse: () => [{ pool: 'primary', total: 7, idle: 2, waiting: 4 }, { pool: 'replica', total: 1, idle: 1, waiting: 0 }], replicaLagSeconds: () => 2.5 });
    const text = (await metrics.text()).body;
    assert.equal(value(text, 'folio_comment_write_queue_depth'), 3);
    assert.equal(value(text, 'folio_db_pool_connections{pool="primary",state="idle"}'), 2);
    assert.equal(value(text, 'folio_db_pool_connections{pool="primary",state="busy"}'), 5);
    assert.equal(value(text, 'folio_db_pool_waiting{pool="primary"}'), 4);
    assert.equal(value(text, 'folio_db_pool_connections{pool="replica",state="idle"}'), 1);
    assert.equal(value(text, 'folio_db_replica_lag_seconds{pool="replica"}'), 2.5);
  });

  for (const dialect of testDialects()) {
    test(`on ${dialect}, a comment counts in the queue until it is committed; pools as the store has them`, async () => {
      const site = await openTestSite(dialect, seedFixture);
      const metrics = new FolioMetrics({ processMetrics: false });
      const folio = await buildApp({ ...site.runtime, metrics });
      try {
        const { thread: _thread, cid: _cid, ...comment } = buildComment({ cid: 1, nid: FIXTURE.article.nid, body: 'queued' });
        const saving = site.runtime.store.comments.addComment({ ...comment, uid: null }, { uid: null, name: 'test' }, null);
        assert.equal(value((await metrics.text()).body, 'folio_comment_write_queue_depth'), 1, 'accepted, not yet committed');
        await saving;
        const text = (await metrics.text()).body;
        assert.equal(value(text, 'folio_comment_write_queue_depth'), 0);
        if (dialect === 'postgres') {
          assert.ok(value(text, 'folio_db_pool_connections{pool="primary",state="idle"}') >= 1, 'the pool keeps a connection after use');
          assert.equal(value(text, 'folio_db_pool_waiting{pool="primary"}'), 0);
        } else {
          assert.doesNotMatch(text, /^folio_db_pool_connections\{/m, 'SQLite has no pool: no made-up series');
        }
        assert.doesNotMatch(text, /^folio_db_replica_lag_seconds/m, 'no replica, no lag series');
        if (dialect === 'postgres') {
          assert.equal(value(text, 'folio_db_pool_connections{pool="replica",state="idle"}'), Number.NaN, 'and no replica pool');
        }
      } finally {
        await folio.app.close();
        await site.close();
      }
    });
  }
});
