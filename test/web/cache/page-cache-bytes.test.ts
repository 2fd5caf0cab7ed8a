import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { PageCache } from '../../../src/web/page-cache.ts';
import { ENTRY_OVERHEAD_BYTES, exactBuffer, stringBytes } from '../../../src/web/cache/page-bytes.ts';
import { LruPolicy } from '../../../src/web/cache/eviction-policy.ts';

const headers = { 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Encoding' };
const settle = () => new Promise((r) => setImmediate(r));

function page(body: string) {
  return { edition: 'en', status: 200, etag: '"abc"', headers, body: Buffer.from(body, 'utf8') };
}

test('a page counts its key, headers, etag, each body it holds and a fixed overhead', async () => {
  const cache = new PageCache(10 * 1024 * 1024, { policy: (max) => new LruPolicy(max) });
  const body = '<p>word</p>'.repeat(1000);
  const entry = cache.set('example.org/a', page(body));
  const fixed = ENTRY_OVERHEAD_BYTES + 'example.org/a'.length + 'en'.length + '"abc"'.length
    + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length, 0);
  assert.equal(entry.size, fixed + Buffer.byteLength(body));
  assert.equal(cache.bytes, entry.size);
  await settle();
  // Compressed: the body is dropped and both encodings are held instead.
  assert.equal(entry.body, null);
  assert.equal(entry.size, fixed + entry.gzip!.length + entry.br!.length);
  assert.equal(cache.bytes, entry.size);
  cache.delete('example.org/a');
  assert.equal(cache.bytes, 0);
});

test('compressed bodies own exactly their bytes (zlib hands back views of 16 KiB chunks)', async () => {
  const cache = new PageCache(10 * 1024 * 1024);
  const entry = cache.set('example.org/b', page('<p>x</p>'.repeat(500)));
  await settle();
  for (const buffer of [entry.gzip!, entry.br!]) assert.equal(buffer.buffer.byteLength, buffer.length);
  const view = gzipSync(Buffer.from('y'.repeat(1000)));
  assert.ok(view.buffer.byteLength > view.length, 'zlib returns a view of a larger chunk');
  assert.equal(exactBuffer(view).buffer.byteLength, view.length);
  assert.deepEqual(exactBuffer(view), view);
});

test('Arabic text counts two bytes per character, as V8 holds it', () => {
  assert.equal(stringBytes('abc'), 3);
  assert.equal(stringBytes('قال'), 6);
});

test('the cache never counts more than its bound, and invalidation gives the bytes back', async () => {
  const max = 256 * 1024;
  const cache = new PageCache(max);
  for (let i = 0; i < 200; i++) {
    cache.set(`example.org/${i}`, page(`<p>${i}</p>`.repeat(1500)));
    if (i % 10 === 0) await settle();
    assert.ok(cache.bytes <= max, `${cache.bytes} > ${max}`);
  }
  await settle();
  assert.ok(cache.size > 0);
  cache.invalidate('en');
  assert.equal(cache.size, 0);
  assert.ok(cache.bytes < 64 * 1024, 'only the frequency sketch remains');
});

test('a cache of 0 bytes keeps nothing', () => {
  const cache = new PageCache(0);
  cache.set('example.org/c', page('<p>c</p>'));
  assert.equal(cache.get('example.org/c'), undefined);
  assert.equal(cache.size, 0);
});
