import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../../src/config/config.ts';
import { openRuntime } from '../../src/runtime.ts';
import { buildApp } from '../../src/web/app.ts';
import { FolderMediaStorage, type MediaStorage } from '../../src/services/media-storage.ts';
import { S3MediaStorage } from '../../src/services/s3-media-storage.ts';
import { testDialects } from '../support/databases.ts';
import { buildImage, GPS_MARK } from '../support/image-factories.ts';
import { S3TestServer } from '../support/s3-test-server.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 12, point 5: media storage behind one interface — a folder, or an S3-compatible bucket
// (tested against a small S3-compatible server in the test) that several instances share.

const NAME = `${'ab'.repeat(10)}-480.webp`;

async function behavesAsStorage(storage: MediaStorage): Promise<void> {
  assert.equal(await storage.get(NAME), null);
  await storage.put(NAME, Buffer.from('first'), 'image/webp');
  await storage.put(NAME, Buffer.from('webp bytes'), 'image/webp');
  const got = await storage.get(NAME);
  assert.equal(got?.bytes.toString(), 'webp bytes');
  assert.equal(got?.type, 'image/webp');
  await storage.delete(NAME);
  await storage.delete(NAME);
  assert.equal(await storage.get(NAME), null);
  for (const bad of ['../etc/passwd', 'x.jpg', `${'ab'.repeat(10)}-480.gif`, `ab/${NAME}`]) {
    await assert.rejects(storage.put(bad, Buffer.from('x'), 'image/jpeg'), /not a media file name/, bad);
  }
}

describe('media storage', () => {
  const s3 = new S3TestServer('folio-media');
  let endpoint: string;
  const dir = mkdtempSync(join(tmpdir(), 'folio-media-h3-media-'));
  before(async () => {
    endpoint = await s3.start();
  });
  after(async () => {
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a folder keeps, replaces, serves and deletes files by derivative name only', async () => {
    await behavesAsStorage(new FolderMediaStorage(dir));
  });

  test('an S3-compatible bucket does the same, path-style, with signed requests', async () => {
    const storage = new S3MediaStorage({ endpoint, bucket: 'folio-media', region: 'us-east-1', accessKeyId: 'TESTKEY', secretAccessKey: 'test-secret' });
    try {
      await behavesAsStorage(storage);
      await storage.put(NAME, Buffer.from('kept'), 'image/webp');
      assert.equal(s3.objects.get(NAME)?.type, 'image/webp');
      assert.equal(s3.objects.get(NAME)?.cacheControl, 'public, max-age=31536000, immutable');
      assert.ok(s3.authorizations.every((a) => a.startsWith('AWS4-HMAC-SHA256 Credential=TESTKEY/')), 'every request is signed');
    } finally {
      storage.close();
    }
  });

  test('the S3 settings are checked once: an endpoint needs its bucket and keys, and keys need an endpoint', () => {
    assert.throws(() => loadConfig({ FOLIO_MEDIA_S3_URL: endpoint }), (err: Error) => /FOLIO_MEDIA_S3_BUCKET: needed/.test(err.message) && /FOLIO_MEDIA_S3_SECRET_KEY: needed/.test(err.message));
    assert.throws(() => loadConfig({ FOLIO_MEDIA_S3_BUCKET: 'folio-media' }), /FOLIO_MEDIA_S3_BUCKET: set FOLIO_MEDIA_S3_URL too/);
    assert.throws(() => loadConfig({ FOLIO_MEDIA_S3_URL: 'ftp://x' }), /FOLIO_MEDIA_S3_URL/);
    const config = loadConfig({ FOLIO_MEDIA_S3_URL: `${endpoint}/`, FOLIO_MEDIA_S3_BUCKET: 'folio-media', FOLIO_MEDIA_S3_ACCESS_KEY: 'k', FOLIO_MEDIA_S3_SECRET_KEY: 's' });
    assert.deepEqual(config.media.storage, { kind: 's3', endpoint, bucket: 'folio-media', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' });
    assert.equal(loadConfig({ FOLIO_FILES_DIR: '/srv/files' }).media.storage.kind, 'folder');
    assert.deepEqual(loadConfig({ FOLIO_FILES_DIR: '/srv/files' }).media.storage, { kind: 'folder', dir: '/srv/files/media' });
  });

  for (const dialect of testDialects()) {
    describe(`two instances sharing a bucket (${dialect})`, () => {
      let site: TestSite;
      const env = () => ({ FOLIO_MEDIA_S3_URL: endpoint, FOLIO_MEDIA_S3_BUCKET: 'folio-media', FOLIO_MEDIA_S3_ACCESS_KEY: 'TESTKEY', FOLIO_MEDIA_S3_SECRET_KEY: 'test-secret' });
      before(async () => {
        site = await openTestSite(dialect, undefined, env());
      });
      after(async () => {
        await site.close();
      });

      test('an upload on one instance puts its derivatives in the bucket, and another instance serves them', async () => {
        const bytes = await buildImage({ format: 'jpeg', width: 900, height: 600, gps: true });
        const { item } = await site.runtime.media.upload('cli', { edition: 'ar', fileName: 'bucket.jpg', bytes, truncated: false, caption: 'في الدلو', credit: '', alt: 'دلو' });
        for (const w of [480, 800, 900]) {
          for (const ext of ['avif', 'webp', 'jpg']) {
            const stored = s3.objects.get(`${item.id}-${w}.${ext}`);
            assert.ok(stored, `${w}.${ext} is in the bucket`);
            assert.ok(!stored.bytes.includes(GPS_MARK));
          }
        }
        const other = await openRuntime(loadConfig({ FOLIO_BASE_URL: 'http://folio.test', ...env() }, { databaseUrl: site.db.url, port: 8080 }));
        const app = await buildApp(other);
        try {
          const res = await app.app.inject({ url: `/ar/media/${item.id}-800.avif` });
          assert.equal(res.statusCode, 200);
          assert.equal(res.headers['content-type'], 'image/avif');
          assert.equal((await sharp(res.rawPayload).metadata()).width, 800);
        } finally {
          await app.app.close();
          await other.close();
        }
      });
    });
  }
});
