import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { failRawRequest } from '../../src/web/raw-failure.ts';
import { socketRequest } from '../support/socket-client.ts';

// The page cache's fast path runs outside Fastify: what it throws is answered here, never left
// to the event loop. A writeHead that Node refuses (an Arabic character in a header) is the case.
test('a failure on the raw path is logged once and answered with a 500, and the server goes on', async () => {
  const logged: unknown[] = [];
  const log = { error: (obj: unknown) => logged.push(obj) } as unknown as FastifyBaseLogger;
  const server = createServer((req, res) => {
    try {
      if (req.url === '/bad') res.writeHead(301, ['location', '/ا']);
      else res.end('ok');
    } catch (err) {
      failRawRequest(log, req, res, err);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    for (let i = 0; i < 2; i++) {
      const res = await socketRequest(port, { path: '/bad' });
      assert.equal(res.status, 500);
      assert.equal(res.headers.location, undefined);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    assert.equal(logged.length, 2, 'one log line per failed request');
    assert.equal((await socketRequest(port, { path: '/' })).body, 'ok');
  } finally {
    server.close();
  }
});
