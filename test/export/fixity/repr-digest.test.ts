import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { FIXTURE, seedFixture } from '../../support/fixture-site.ts';
import { testDialects } from '../../support/databases.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';

/** RFC 9530 §4: the structured-field dictionary member for SHA-256, over the bytes as sent. */
const reprDigest = (bytes: Buffer) => `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`;

for (const dialect of testDialects()) {
  describe(`Repr-Digest on pages (${dialect})`, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(() => site.close());

    test('an article page carries the digest of its bytes, rendered and then from the cache', async () => {
      const url = `/${FIXTURE.article.path}`;
      for (const round of ['fresh', 'cached']) {
        const res = await site.folio.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, round);
        assert.equal(res.headers['repr-digest'], reprDigest(res.rawPayload), round);
      }
    });

    test('each compressed variant of a cached page carries the digest of its own bytes', async () => {
      const url = `/ar/${FIXTURE.arabic.path}`;
      await site.folio.app.inject({ method: 'GET', url });
      // Compression runs after the response, off the request path.
      await new Promise((resolve) => setImmediate(resolve));
      for (const encoding of ['gzip', 'br', 'identity']) {
        const res = await site.folio.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
        assert.equal(res.headers['content-encoding'], encoding === 'identity' ? undefined : encoding);
        assert.equal(res.headers['repr-digest'], reprDigest(res.rawPayload), encoding);
      }
    });

    test('a page compressed on its first rendering carries no digest of other bytes', async () => {
      const res = await site.folio.app.inject({ method: 'GET', url: `/${FIXTURE.coAuthored.path}`, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(res.statusCode, 200);
      const digest = res.headers['repr-digest'];
      if (digest !== undefined) assert.equal(digest, reprDigest(res.rawPayload), String(res.headers['content-encoding']));
    });

    test('error pages carry none', async () => {
      const res = await site.folio.app.inject({ method: 'GET', url: '/content/no-such-page-here' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.headers['repr-digest'], undefined);
    });
  });
}
