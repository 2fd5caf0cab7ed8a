import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { socketRequest } from '../support/socket-client.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const SLOW_CLIENTS = 200;
/** The server's keep-alive for this test: its headers timeout is this plus 5 s (web/app.ts). */
const KEEP_ALIVE_SECONDS = 1;

/** The status line of whatever the server sent before closing, or 0 for a close without a word. */
function statusOf(bytes: Buffer): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(bytes.toString('latin1'))?.[1] ?? 0);
}

/** Sends `head` (and `body`, if any) on a fresh connection and resolves to the status the server answered. */
function rawExchange(port: number, head: string, body?: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      if (body) socket.write(body, () => undefined);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // The status line is all we need; the server may keep reading an unwanted body otherwise.
      if (statusOf(Buffer.concat(chunks)) !== 0) socket.destroy();
    });
    socket.on('close', () => resolve(statusOf(Buffer.concat(chunks))));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err)));
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer in 30 s')));
  });
}

// Slow and oversized clients against one instance: a slowloris crowd that never finishes its
// headers is answered 408 within the headers timeout, headers past 16 KiB get 431, bodies past
// the form limit get 413, and the instance serves everyone else meanwhile.
describe('slow and oversized clients are bounded and answered', { timeout: 120_000 }, () => {
  let site: TestSite;
  let port: number;

  before(async () => {
    site = await openTestSite('sqlite', seedFixture, { FOLIO_KEEP_ALIVE_SECONDS: String(KEEP_ALIVE_SECONDS), FOLIO_MIN_POST_SECONDS: '0' });
    await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
    port = (site.folio.app.server.address() as AddressInfo).port;
  });
  after(async () => {
    await site.close();
  });

  test('a slowloris crowd gets 408 within the bound while other readers get their pages', async () => {
    const answers: Promise<number>[] = [];
    const sockets: Socket[] = [];
    const drips: NodeJS.Timeout[] = [];
    for (let i = 0; i < SLOW_CLIENTS; i++) {
      answers.push(new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET /${FIXTURE.article.path} HTTP/1.1\r\nHost: folio.test\r\n`));
        sockets.push(socket);
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(statusOf(Buffer.concat(chunks))));
        // One more header line every 400 ms, never the blank line that ends them.
        let n = 0;
        const drip = setInterval(() => socket.writable && socket.write(`X-Slow-${n++}: ${'a'.repeat(8)}\r\n`), 400);
        drips.push(drip);
        socket.on('close', () => clearInterval(drip));
      }));
    }
    // While they hang on, the instance answers everyone else.
    const others: number[] = [];
    for (let i = 0; i < 60; i++) others.push((await socketRequest(port, { path: i % 2 === 0 ? `/${FIXTURE.article.path}` : `/ar/${FIXTURE.arabic.path}?k=${i}` })).status);
    const statuses = await Promise.all(answers);
    for (const d of drips) clearInterval(d);
    for (const s of sockets) s.destroy();
    const timedOut = statuses.filter((s) => s === 408).length;
    console.log(`slowloris: ${SLOW_CLIENTS} slow connections, ${timedOut} answered 408, ${statuses.filter((s) => s === 0).length} closed without an answer; ` +
      `other readers meanwhile: ${others.length} requests, ${others.filter((s) => s === 200).length} answered 200`);
    assert.deepEqual(others.filter((s) => s !== 200), [], 'every other reader got a page');
    assert.equal(timedOut, SLOW_CLIENTS, 'every slow client was answered 408 and closed');
  });

  test('oversized headers get 431 and oversized bodies 413, and the instance goes on serving', async () => {
    const bigHeader = await rawExchange(port, `GET / HTTP/1.1\r\nHost: folio.test\r\nX-Big: ${'b'.repeat(20 * 1024)}\r\n\r\n`);
    const manyHeaders = await rawExchange(port, `GET / HTTP/1.1\r\nHost: folio.test\r\n${Array.from({ length: 4000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`);
    const body = Buffer.from(`comment=${'c'.repeat(300 * 1024)}`);
    const bigBody = await rawExchange(port, `POST /ar/comment/reply/${FIXTURE.arabic.nid} HTTP/1.1\r\nHost: folio.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`, body);
    // A declared length far past the limit is refused before any of it is read.
    const declared = await rawExchange(port, `POST /ar/comment/reply/${FIXTURE.arabic.nid} HTTP/1.1\r\nHost: folio.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${1024 * 1024 * 1024}\r\n\r\n`);
    const chunked = await rawExchange(port, `POST /ar/comment/reply/${FIXTURE.arabic.nid} HTTP/1.1\r\nHost: folio.test\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
      Buffer.concat([Buffer.from(`${(300 * 1024).toString(16)}\r\n`), Buffer.alloc(300 * 1024, 0x63), Buffer.from('\r\n0\r\n\r\n')]));
    const after = await socketRequest(port, { path: `/${FIXTURE.article.path}` });
    console.log(`oversized: 20 KiB header → ${bigHeader}, 4,000 headers (50 KiB) → ${manyHeaders}, 300 KiB form → ${bigBody}, Content-Length 1 GiB → ${declared}, 300 KiB chunked → ${chunked}; next reader → ${after.status}`);
    assert.equal(bigHeader, 431);
    assert.equal(manyHeaders, 431);
    assert.equal(bigBody, 413);
    assert.equal(declared, 413);
    assert.equal(chunked, 413);
    assert.equal(after.status, 200);
  });
});
