import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { checkBag } from '../../../src/export/bagit/bag-checker.ts';
import { filesUnder } from '../../../src/export/bagit/manifest.ts';
import { BAG_JSON_FILE, BAG_STATIC_DIR, exportBagit, type BagitExportReport } from '../../../src/export/bagit-export.ts';
import { seedFixture } from '../../support/fixture-site.ts';
import { testDialects } from '../../support/databases.ts';
import { runCli } from '../../support/run-cli.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';
import { OLD_FILES, storeOldFiles } from '../static/export-site.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A manifest's lines as path → checksum, read independently of the checker under test. */
function manifest(path: string): Map<string, string> {
  return new Map(readFileSync(path, 'utf8').trim().split('\n').map((line) => {
    const [sum, ...rest] = line.split(/\s+/);
    return [rest.join(' '), sum!] as const;
  }));
}

for (const dialect of testDialects()) {
  describe(`folio export bagit (${dialect})`, () => {
    let site: TestSite;
    let tmp: string;
    let bag: string;
    let report: BagitExportReport;

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      await storeOldFiles(site.runtime.files);
      tmp = mkdtempSync(join(tmpdir(), 'folio-bag-'));
      bag = join(tmp, 'bag');
      const rt = site.runtime;
      report = await exportBagit({
        exports: rt.exports,
        staticSite: { app: site.folio.app, editions: rt.editions, exports: rt.exports, sitemap: rt.sitemap, siteUrl: rt.config.baseUrl, files: rt.files },
        organization: 'Meridian Daily',
        clock: () => new Date('2026-11-25T10:00:00Z'),
      }, bag);
    });
    after(async () => {
      await site.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    test('has the RFC 8493 tag files, with the declaration exactly as §2.1.1 gives it', () => {
      for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']) assert.ok(existsSync(join(bag, name)), name);
      assert.equal(readFileSync(join(bag, 'bagit.txt'), 'utf8'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
      const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
      assert.match(info, /^Source-Organization: Meridian Daily$/m);
      assert.match(info, /^Bagging-Date: 2026-11-25$/m);
      assert.match(info, /^External-Description: Folio archive export: .+$/m);
      assert.match(info, new RegExp(`^Payload-Oxum: ${report.payloadOxum.replace('.', '\\.')}$`, 'm'));
    });

    test('the payload holds the JSON export and the static site, and the manifest lists every payload file with its SHA-256', async () => {
      const json = gunzipSync(readFileSync(join(bag, BAG_JSON_FILE))).toString('utf8').trim().split('\n');
      assert.ok(json.length > 10);
      assert.ok(existsSync(join(bag, BAG_STATIC_DIR, 'index.html')));
      const listed = manifest(join(bag, 'manifest-sha256.txt'));
      const files = await filesUnder(bag, join(bag, 'data'));
      assert.deepEqual([...listed.keys()].sort(), files);
      let bytes = 0;
      for (const file of files) {
        const content = readFileSync(join(bag, file));
        bytes += content.length;
        assert.equal(listed.get(file), sha256(content), file);
      }
      assert.equal(report.payloadOxum, `${bytes}.${files.length}`);
    });

    test('the old site\'s files are in the payload at their old URLs, each with its checksum in the manifest', () => {
      const listed = manifest(join(bag, 'manifest-sha256.txt'));
      for (const f of OLD_FILES) {
        const file = `${BAG_STATIC_DIR}/${f.path}`;
        assert.deepEqual(readFileSync(join(bag, file)), f.bytes, file);
        assert.equal(listed.get(file), sha256(f.bytes), `${file} in the manifest`);
      }
    });

    test('the tag manifest covers the tag files', () => {
      const tags = manifest(join(bag, 'tagmanifest-sha256.txt'));
      assert.deepEqual([...tags.keys()].sort(), ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
      for (const [name, sum] of tags) assert.equal(sum, sha256(readFileSync(join(bag, name))), name);
    });

    test('the checker finds the bag valid', async () => {
      assert.deepEqual((await checkBag(bag)).problems, []);
    });

    test('folio verify --bag names a file with one flipped byte, a missing file and a stray one', async () => {
      const ok = await runCli(['verify', '--bag', bag, '--database', site.db.url]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /checked bag .+ \(\d+ payload files\): valid/);

      const page = join(bag, BAG_STATIC_DIR, 'index.html');
      const original = readFileSync(page);
      const flipped = Buffer.from(original);
      flipped[100] = flipped[100]! ^ 0x01;
      writeFileSync(page, flipped);
      const res = await runCli(['verify', '--bag', bag, '--database', site.db.url]);
      assert.equal(res.code, 1, res.stdout);
      assert.match(res.stdout, new RegExp(`DAMAGED ${bag}/${BAG_STATIC_DIR}/index\\.html: checksum mismatch, expected ${sha256(original)}, actual ${sha256(flipped)}`));
      writeFileSync(page, original);

      rmSync(join(bag, BAG_JSON_FILE));
      writeFileSync(join(bag, 'data', 'stray.txt'), 'x');
      const problems = (await checkBag(bag)).problems.map((p) => `${p.file}: ${p.problem}`).sort();
      assert.deepEqual(problems, ['bag-info.txt: oxum mismatch', `${BAG_JSON_FILE}: missing`, 'data/stray.txt: not in manifest']);
    });

    test('the CLI writes a bag (JSON only with --no-site) that folio verify accepts, and says what it wrote', async () => {
      const cliBag = join(tmp, 'cli-bag');
      const res = await runCli(['export', 'bagit', cliBag, '--no-site', '--database', site.db.url]);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^bagged 1 files \(.+ MiB, Payload-Oxum \d+\.1\) to .+: \d+ JSON records\n$/);
      const verified = await runCli(['verify', '--bag', cliBag, '--database', site.db.url]);
      assert.equal(verified.code, 0, verified.stdout);
    });

    test('refuses to write into a folder that is not empty', async () => {
      await assert.rejects(exportBagit({ exports: site.runtime.exports, staticSite: null, organization: 'x', clock: () => new Date() }, bag), /not empty/);
    });
  });
}
