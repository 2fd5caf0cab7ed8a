import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCParser } from 'warcio';
import { exportWarc, type WarcExportReport } from '../../../src/export/warc-export.ts';
import { sitemapLocations } from '../../../src/export/sitemap-locations.ts';
import { FIXTURE, seedFixture } from '../../support/fixture-site.ts';
import { testDialects } from '../../support/databases.ts';
import { runCli } from '../../support/run-cli.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';

/** RFC 4648 base32, as WARC tools print SHA-1 digests. */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

const sha1 = (bytes: Buffer) => `sha1:${base32(createHash('sha1').update(bytes).digest())}`;

interface ReadRecord {
  readonly type: string;
  readonly headers: Headers;
  readonly block: Buffer;
}

/** Every record of a WARC, read back with warcio, with its whole block unparsed (to recompute the block digest over its exact bytes). */
async function readWarc(file: string): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  for await (const record of new WARCParser(createReadStream(file), { parseHttp: false })) {
    records.push({ type: record.warcType!, headers: record.warcHeaders.headers as Headers, block: Buffer.from(await record.readFully(false)) });
  }
  return records;
}

/** Every URL the fixture's sitemaps list, read through the app. */
async function sitemapUrlsOf(site: TestSite): Promise<string[]> {
  const index = await site.folio.app.inject({ method: 'GET', url: '/sitemap.xml' });
  const urls: string[] = [];
  for (const page of sitemapLocations(index.body)) {
    urls.push(page, ...sitemapLocations((await site.folio.app.inject({ method: 'GET', url: new URL(page).pathname })).body));
  }
  return urls;
}

for (const dialect of testDialects()) {
  describe(`folio export warc (${dialect})`, () => {
    let site: TestSite;
    let dir: string;
    let file: string;
    let report: WarcExportReport;
    let records: ReadRecord[];

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      dir = mkdtempSync(join(tmpdir(), 'folio-warc-'));
      file = join(dir, 'folio.warc.gz');
      report = await exportWarc({ app: site.folio.app, siteUrl: site.runtime.config.baseUrl, clock: () => new Date('2026-11-25T10:00:00.123Z') }, file);
      records = await readWarc(file);
    });
    after(async () => {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('starts with a warcinfo record, then a response and its request per URL', () => {
      assert.equal(records[0]!.type, 'warcinfo');
      assert.equal(records[0]!.headers.get('WARC-Filename'), 'folio.warc.gz');
      assert.equal(records.filter((r) => r.type === 'response').length, report.urls);
      assert.equal(records.filter((r) => r.type === 'request').length, report.urls);
      assert.deepEqual(report.notOk, []);
    });

    test('every record has WARC/1.1 headers: an id, a date, and the HTTP content type', () => {
      const ids = new Set<string>();
      for (const r of records) {
        const id = r.headers.get('WARC-Record-ID')!;
        assert.match(id, /^<urn:uuid:[0-9a-f-]{36}>$/);
        ids.add(id);
        assert.match(r.headers.get('WARC-Date')!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        assert.equal(Number(r.headers.get('Content-Length')), r.block.length);
        if (r.type === 'response') assert.equal(r.headers.get('Content-Type'), 'application/http; msgtype=response');
        if (r.type === 'request') assert.equal(r.headers.get('Content-Type'), 'application/http; msgtype=request');
      }
      assert.equal(ids.size, records.length);
      assert.equal(records.find((r) => r.type === 'response')!.headers.get('WARC-Date'), '2026-11-25T10:00:00Z');
    });

    test('each request names its response, for the same URL', () => {
      const responses = new Map(records.filter((r) => r.type === 'response').map((r) => [r.headers.get('WARC-Record-ID'), r.headers.get('WARC-Target-URI')]));
      for (const r of records.filter((x) => x.type === 'request')) {
        assert.equal(responses.get(r.headers.get('WARC-Concurrent-To')), r.headers.get('WARC-Target-URI'));
        assert.match(r.block.toString('latin1'), /^GET \/\S* HTTP\/1\.1\r\n/);
      }
    });

    test('every block and payload digest is correct, recomputed from the bytes read back', () => {
      for (const r of records.filter((x) => x.type !== 'warcinfo')) {
        assert.equal(r.headers.get('WARC-Block-Digest'), sha1(r.block), r.headers.get('WARC-Target-URI')!);
        const split = r.block.indexOf('\r\n\r\n');
        assert.ok(split > 0);
        assert.equal(r.headers.get('WARC-Payload-Digest'), sha1(r.block.subarray(split + 4)), r.headers.get('WARC-Target-URI')!);
      }
    });

    test('every sitemap URL is archived, answering 200 with the page the site serves', async () => {
      const responses = new Map(records.filter((r) => r.type === 'response').map((r) => [r.headers.get('WARC-Target-URI'), r.block]));
      const urls = await sitemapUrlsOf(site);
      assert.ok(urls.length > 20);
      for (const url of urls) {
        const block = responses.get(url);
        assert.ok(block, `${url} is missing from the WARC`);
        assert.match(block.toString('latin1'), /^HTTP\/1\.1 200 OK\r\n/, url);
      }
      // Article pages carry a per-reader form token, so compare what does not vary: the title, and the Repr-Digest the page was sent with.
      const block = responses.get(`${site.runtime.config.baseUrl}/${FIXTURE.article.path}`)!;
      const head = block.subarray(0, block.indexOf('\r\n\r\n')).toString('latin1');
      const payload = block.subarray(block.indexOf('\r\n\r\n') + 4);
      assert.ok(payload.toString('utf8').includes(FIXTURE.article.title));
      assert.match(head, new RegExp(`\r\nrepr-digest: sha-256=:${createHash('sha256').update(payload).digest('base64').replace(/[+/]/g, '\\$&')}:`, 'i'));
    });

    test('the CLI writes the same through the real command and says what it did', async () => {
      const cliFile = join(dir, 'cli.warc.gz');
      const res = await runCli(['export', 'warc', cliFile, '--database', site.db.url], { FOLIO_BASE_URL: site.runtime.config.baseUrl });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, new RegExp(`archived ${report.urls} URLs to ${cliFile}`));
      assert.equal((await readWarc(cliFile)).length, records.length);
    });
  });
}
