import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

/** Width and height from a PNG's IHDR, after checking that its pixels inflate to that size. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat = bytes.indexOf('IDAT', 0, 'latin1');
  const pixels = inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4)));
  assert.equal(pixels.length, (width * 3 + 1) * height, 'RGB rows with their filter bytes');
  return { width, height };
}

describe('static assets and icons', () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', seedFixture);
  });
  after(() => site.close());
  const get = (url: string, headers: Record<string, string> = {}) => site.folio.app.inject({ method: 'GET', url, headers });

  test('pages link the stylesheet by a content-hashed name, cached a year as immutable', async () => {
    const home = await get('/');
    const href = /<link rel="stylesheet" href="(\/assets\/folio\.[0-9a-f]{10}\.css)">/.exec(home.body)?.[1];
    assert.ok(href, 'hashed stylesheet link');
    const css = await get(href);
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
    const plain = await get('/assets/folio.css');
    assert.equal(plain.statusCode, 200, 'the old name still answers');
    assert.equal(plain.headers['cache-control'], 'public, max-age=86400');
    assert.equal(plain.body, css.body);
    assert.equal((await get(href, { 'if-none-match': String(css.headers.etag) })).statusCode, 304);
  });

  test('the stylesheet is precompressed in brotli and gzip', async () => {
    const plain = (await get('/assets/folio.css')).rawPayload;
    const br = await get('/assets/folio.css', { 'accept-encoding': 'gzip, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.ok(br.rawPayload.length < plain.length / 3);
    assert.deepEqual(brotliDecompressSync(br.rawPayload), plain);
    const gz = await get('/assets/folio.css', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.rawPayload), plain);
    assert.match(String(gz.headers.etag), /-gzip"$/);
  });

  test('every icon and the manifest a page links answer, in both editions', async () => {
    for (const [home, prefix] of [['/', ''], ['/ar/', '/ar']] as const) {
      const page = (await get(home)).body;
      const links = [...page.matchAll(/<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
      assert.deepEqual(links.map(([rel]) => rel), ['icon', 'apple-touch-icon', 'manifest']);
      for (const [rel, href] of links) assert.equal((await get(href)).statusCode, 200, `${rel} ${href}`);
      const touch = await get(links[1]![1]);
      assert.equal(touch.headers['content-type'], 'image/png');
      assert.deepEqual(pngSize(touch.rawPayload), { width: 180, height: 180 });
      const manifest = await get(`${prefix}/manifest.webmanifest`);
      assert.match(String(manifest.headers['content-type']), /^application\/manifest\+json/);
      const parsed = JSON.parse(manifest.body) as { lang: string; dir: string; start_url: string; icons: { src: string; sizes: string }[] };
      assert.equal(parsed.start_url, `${prefix}/`);
      assert.equal(parsed.dir, prefix === '/ar' ? 'rtl' : 'ltr');
      for (const icon of parsed.icons) {
        const res = await get(icon.src);
        const { width, height } = pngSize(res.rawPayload);
        assert.equal(`${width}x${height}`, icon.sizes);
      }
      const ico = await get(`${prefix}/favicon.ico`);
      assert.equal(ico.statusCode, 200);
      assert.equal(ico.headers['content-type'], 'image/x-icon');
      assert.deepEqual([...ico.rawPayload.subarray(0, 6)], [0, 0, 1, 0, 1, 0], 'ICO header, one image');
      assert.deepEqual(pngSize(ico.rawPayload.subarray(ico.rawPayload.readUInt32LE(18))), { width: 32, height: 32 });
    }
  });

  test('an unknown asset is a 404 page', async () => {
    assert.equal((await get('/assets/folio.0000000000.css')).statusCode, 404);
    assert.equal((await get('/assets/nothing.css')).statusCode, 404);
  });
});
