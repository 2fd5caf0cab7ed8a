import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mediaType } from '../../src/web/file-type.ts';
import { testDialects } from '../support/databases.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

test('a file\'s type comes from its extension, else from its first bytes', () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const cases: [string, number[], string][] = [
    ['a.JPG', [], 'image/jpeg'], ['a.pdf', [], 'application/pdf'], ['a.svg', [], 'image/svg+xml'], ['a.docx', [], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['noext', png, 'image/png'], ['a.unknown', [0xff, 0xd8, 0xff, 0xe1], 'image/jpeg'], ['scan', [...Buffer.from('%PDF-1.7')], 'application/pdf'],
    ['x', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')], 'image/webp'], ['x', [1, 2, 3], 'application/octet-stream'], ['x', [], 'application/octet-stream'],
  ];
  for (const [name, head, type] of cases) assert.equal(mediaType(name, Uint8Array.from(head)), type, name);
});

for (const dialect of testDialects()) {
  describe(`old site files at their old URLs (${dialect})`, () => {
    let site: TestSite;
    let tmp: string;
    const put = async (path: string, bytes: string | Buffer) => {
      writeFileSync(join(tmp, 'src'), bytes);
      await site.runtime.files.put(path, join(tmp, 'src'));
    };

    before(async () => {
      site = await openTestSite(dialect);
      tmp = mkdtempSync(join(tmpdir(), 'folio-site-files-'));
      await put('sites/default/files/Photo – 1 a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]));
      await put('files/no-extension', Buffer.from('%PDF-1.4 x'));
      await put('sites/default/files/drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    });
    after(async () => {
      await site.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    test('served with type, length, strong ETag, a year of caching, and 304 on a match', async () => {
      const res = await site.folio.app.inject({ url: '/sites/default/files/Photo%20%E2%80%93%201%20a.png' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.equal(res.headers['content-length'], '10');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000');
      const etag = String(res.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]{43}"$/);
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        assert.equal((await site.folio.app.inject({ url: '/sites/default/files/Photo%20%E2%80%93%201%20a.png', headers: { 'if-none-match': header } })).statusCode, 304, header);
      }
      assert.equal((await site.folio.app.inject({ url: '/sites/default/files/Photo%20%E2%80%93%201%20a.png', headers: { 'if-none-match': '"other"' } })).statusCode, 200);
      const head = await site.folio.app.inject({ method: 'HEAD', url: '/sites/default/files/Photo%20%E2%80%93%201%20a.png' });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
    });

    test('a file without an extension is sniffed; uploaded SVG cannot run script on the site', async () => {
      assert.equal((await site.folio.app.inject({ url: '/files/no-extension' })).headers['content-type'], 'application/pdf');
      const svg = await site.folio.app.inject({ url: '/sites/default/files/drawing.svg' });
      assert.equal(svg.headers['content-type'], 'image/svg+xml');
      assert.match(String(svg.headers['content-security-policy']), /sandbox/);
      assert.equal(svg.headers['x-content-type-options'], 'nosniff');
    });

    test('the same files under the other edition\'s prefix; unknown files and escapes out of the folder are 404', async () => {
      assert.equal((await site.folio.app.inject({ url: '/ar/files/no-extension' })).statusCode, 200);
      for (const url of ['/sites/default/files/nothing.png', '/sites/default/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/files/..%2f..%2fpackage.json']) {
        assert.equal((await site.folio.app.inject({ url })).statusCode, 404, url);
      }
    });
  });
}
