import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// The first reader of a page (a cache miss: most of an archive's traffic) gets it compressed,
// and the digest and tag name exactly the bytes they got.
for (const dialect of testDialects()) {
  describe(`compression of a page's first response (${dialect})`, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(async () => {
      await site.close();
    });

    test('a miss is sent gzipped to a client that takes gzip, with its own tag and digest', async () => {
      for (const url of [`/${FIXTURE.article.path}`, `/ar/${FIXTURE.arabic.path}`, '/search?q=gaza', '/no/such/page', '/rss.xml']) {
        const plain = await site.folio.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}v=plain` });
        const res = await site.folio.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}v=gzip`, headers: { 'accept-encoding': 'gzip, deflate' } });
        assert.equal(res.headers['content-encoding'], 'gzip', url);
        assert.equal(res.headers.vary, 'Accept-Encoding');
        const decoded = gunzipSync(res.rawPayload).toString('utf8');
        assert.equal(decoded.length > 200, true);
        assert.equal(plain.headers['content-encoding'], undefined);
        if (res.statusCode === 200) {
          assert.equal(res.headers['repr-digest'], `sha-256=:${createHash('sha256').update(res.rawPayload).digest('base64')}:`);
          assert.match(String(res.headers.etag), /-gzip-fast"$/);
        }
      }
    });

    test('a client that refuses gzip (q=0) or takes none gets identity', async () => {
      for (const ae of ['gzip;q=0', 'identity', 'br;q=0, gzip;q=0']) {
        const res = await site.folio.app.inject({ url: `/${FIXTURE.gazaTag.path}?ae=${encodeURIComponent(ae)}`, headers: { 'accept-encoding': ae } });
        assert.equal(res.headers['content-encoding'], undefined, ae);
        assert.match(res.body, /<html/);
      }
    });

    test('a revalidation with the fast tag answers 304 on the miss path', async () => {
      const url = `/${FIXTURE.coAuthored.path}?v=etag`;
      const first = await site.folio.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      site.folio.contentChanged('en');
      const again = await site.folio.app.inject({ url, headers: { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) } });
      assert.equal(again.statusCode, 304);
    });
  });
}
