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

  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };

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
