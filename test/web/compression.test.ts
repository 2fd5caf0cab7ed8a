import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { preferredCoding } from '../../src/web/compression.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const reprDigest = (bytes: Buffer) => `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`;

function decode(payload: Buffer, coding: unknown): string {
  if (coding === 'br') return brotliDecompressSync(payload).toString('utf8');
  if (coding === 'gzip') return gunzipSync(payload).toString('utf8');
  return payload.toString('utf8');
}

describe('preferredCoding', () => {
  const cases: [string | undefined, 'br' | 'gzip' | null][] = [
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['deflate', null],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['gzip;q=0.5, br;q=0.1', 'br'],
    ['*', 'br'],
    ['*;q=0', null],
    ['*;q=1, br;q=0', 'gzip'],
    ['GZIP;Q=1', 'gzip'],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(preferredCoding(header), expected));
  }
  test('only codings that are ready count', () => {
    assert.equal(preferredCoding('br, gzip', { br: false, gzip: true }), 'gzip');
    assert.equal(preferredCoding('br', { br: false, gzip: true }), null);
  });
});

describe('compression on the miss path', () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', seedFixture, { FOLIO_MIN_POST_SECONDS: '0' });
  });
  after(() => site.close());

  const get = (url: string, headers: Record<string, string> = {}) => site.folio.app.inject({ method: 'GET', url, headers });

  test('the first request of a page is compressed in the coding asked for, and decodes to the page', async () => {
    const identity = await get(`/${FIXTURE.article.path}`);
    assert.equal(identity.headers['content-encoding'], undefined);
    for (const [url, coding] of [[`/${FIXTURE.coAuthored.path}`, 'br'], [`/${FIXTURE.unsigned.path}`, 'gzip']] as const) {
      const plain = (await site.folio.app.inject({ method: 'GET', url: `${url}?page=0` })).body; // another cache key, same page
      const res = await get(url, { 'accept-encoding': coding });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], coding, url);
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.match(String(res.headers.etag), new RegExp(`-${coding}"$`));
      assert.equal(res.headers['repr-digest'], reprDigest(res.rawPayload));
      assert.ok(res.rawPayload.length < plain.length / 2, `${coding} shrinks the page (${res.rawPayload.length} of ${plain.length} bytes)`);
      assert.equal(decode(res.rawPayload, coding), plain.replace(`${url}?page=0`, url));
    }
  });

  test('a compressed first response revalidates with its own ETag, as a cached one does', async () => {
    const url = '/tags/gaza';
    const first = await get(url, { 'accept-encoding': 'br' });
    assert.equal(first.headers['content-encoding'], 'br');
    const etag = String(first.headers.etag);
    // Whether the page is still rendering or already cached, the same tag answers 304.
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);
  });

  test('error pages and search results are compressed too', async () => {
    const missing = await get('/content/no-such-page-here', { 'accept-encoding': 'gzip' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['content-encoding'], 'gzip');
    assert.match(decode(missing.rawPayload, 'gzip'), /<\/html>/);
    assert.equal(missing.headers['repr-digest'], undefined);
    const search = await get('/search?q=gaza', { 'accept-encoding': 'br' });
    assert.equal(search.statusCode, 200);
    assert.equal(search.headers['content-encoding'], 'br');
    assert.match(decode(search.rawPayload, 'br'), /<\/html>/);
  });

  test('a comment preview, which is never cached, is compressed', async () => {
    const page = await get(`/${FIXTURE.article.path}`);
    const res = await site.folio.app.inject({
      method: 'POST', url: `/comment/reply/${FIXTURE.article.nid}`, remoteAddress: '192.0.2.77',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'gzip, br' },
      payload: formBody({ op: 'preview', form_token: inputValue(page.body, 'form_token'), website: '', name: 'Rana', mail: 'rana@private.example', homepage: '', subject: '', comment: 'A previewed comment' }),
    });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(decode(res.rawPayload, 'br'), /A previewed comment/);
  });

  test('tiny responses and redirects go out as they are', async () => {
    const redirect = await get(`/node/${FIXTURE.article.nid}`, { 'accept-encoding': 'br' });
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers['content-encoding'], undefined);
    const health = await get('/healthz', { 'accept-encoding': 'br' });
    assert.equal(health.headers['content-encoding'], undefined);
  });

  test('a client that refuses brotli gets gzip, and one that refuses both gets identity', async () => {
    const gz = await get('/section/economy', { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const none = await get('/section/culture', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.match(none.body, /<\/html>/);
  });
});
