import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CompressionThread } from '../../src/web/compression-client.ts';
import { compressAt, compressFast } from '../../src/web/compression.ts';

// Issue 14: `folio serve` compresses a cache miss's first response on a thread of its own. What
// comes back must be what the miss path's fast level gives in place, for every body, and a
// thread that is gone must never cost a reader the page.
describe('the compression thread', () => {
  const page = (n: number) => Buffer.from(`<!doctype html><html lang="ar" dir="rtl"><p>${'دفتر المشرق، مقالة رقم '.repeat(n)}</p></html>`, 'utf8');

  test('gives the same bytes as compressing in place, gzip and brotli, many bodies at once', async () => {
    const thread = new CompressionThread();
    try {
      const bodies = Array.from({ length: 40 }, (_, i) => page(10 + i * 7));
      const gz = await Promise.all(bodies.map((b) => thread.compress(b, 'gzip', 'first')));
      const br = await Promise.all(bodies.map((b) => thread.compress(b, 'br', 'first')));
      const keptGz = await Promise.all(bodies.map((b) => thread.compress(b, 'gzip', 'kept')));
      const keptBr = await Promise.all(bodies.map((b) => thread.compress(b, 'br', 'kept')));
      bodies.forEach((body, i) => {
        assert.deepEqual(gz[i], compressFast(body, 'gzip'), `gzip of body ${i}`);
        assert.deepEqual(keptGz[i], compressAt(body, 'gzip', 'kept'), `kept gzip of body ${i}`);
        assert.deepEqual(keptBr[i], compressAt(body, 'br', 'kept'), `kept brotli of body ${i}`);
        assert.deepEqual(gunzipSync(gz[i]!), body);
        assert.deepEqual(brotliDecompressSync(br[i]!), body, `brotli of body ${i}`);
        assert.ok(gz[i]!.length < body.length / 3, 'compressed');
      });
      assert.notDeepEqual(keptGz[5], gz[5], 'the kept copy is made at its own level');
      // The body handed over is still the caller's (it is copied, not moved): the cache keeps it.
      assert.equal(bodies[0]!.toString('utf8'), page(10).toString('utf8'));
    } finally {
      await thread.close();
    }
  });

  test('a first response asked in the same turn as the cache\'s copies is answered before them', async () => {
    const thread = new CompressionThread();
    try {
      const order: string[] = [];
      const kept = Array.from({ length: 6 }, (_, i) => thread.compress(page(4000 + i), 'br', 'kept').then(() => order.push(`kept ${i}`)));
      const first = thread.compress(page(30), 'gzip', 'first').then(() => order.push('first'));
      await Promise.all([...kept, first]);
      assert.equal(order[0], 'first', order.join(', '));
    } finally {
      await thread.close();
    }
  });

  test('a thread that died, or was closed, leaves the body compressed in place', async () => {
    const thread = new CompressionThread();
    const body = page(50);
    assert.deepEqual(gunzipSync(await thread.compress(body, 'gzip', 'first')), body);
    assert.equal(thread.starts, 1, 'the thread started on the first body');
    // Asked in the same turn as the thread is stopped: answered in place, not lost.
    const during = thread.compress(body, 'gzip', 'first');
    await thread.terminate();
    assert.deepEqual(gunzipSync(await during), body);
    // The next body starts another thread.
    assert.deepEqual(gunzipSync(await thread.compress(body, 'gzip', 'first')), body);
    assert.equal(thread.starts, 2, 'a new thread took over');
    await thread.close();
    assert.deepEqual(gunzipSync(await thread.compress(body, 'gzip', 'first')), body);
  });
});
