import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { openRuntime } from '../../src/runtime.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { runCli } from '../support/run-cli.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-backup-'));
const configFile = join(dir, 'folio.json');
writeFileSync(configFile, JSON.stringify({ editions: { ar: { commentPolicy: 'open' } } }));

for (const dialect of testDialects()) {
  describe(`folio backup and restore (${dialect})`, () => {
    let site: TestSite;
    let target: TestDatabase;
    const file = join(dir, `${dialect}.backup`);

    before(async () => {
      site = await openTestSite(dialect, seedFixture, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_FLOOD_LIMIT: '10000', FOLIO_CONFIG: configFile });
      target = await createTestDatabase(dialect);
    });
    after(async () => {
      await site.close();
      await target.drop();
    });

    test('a backup taken during a comment flood holds every comment acknowledged before it began', async () => {
      const page = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.path}` });
      const token = inputValue(page.body, 'form_token');
      const acked: { cid: number; at: number }[] = [];
      let stop = false;
      let sent = 0;
      const poster = async (n: number) => {
        while (!stop) {
          const res = await site.folio.app.inject({
            method: 'POST', url: `/ar/comment/reply/${FIXTURE.arabic.nid}`, remoteAddress: `192.0.2.${n}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: formBody({ op: 'save', form_token: token, website: '', name: `Reader ${n}`, mail: `r${n}@private.example`, homepage: '', subject: '', comment: `Flood comment ${sent++} from ${n}.` }),
          });
          assert.equal(res.statusCode, 303, res.body.slice(0, 300));
          acked.push({ cid: Number(/#comment-(\d+)$/.exec(String(res.headers.location))![1]), at: Date.now() });
        }
      };
      const flood = Promise.all([1, 2, 3, 4].map(poster));
      while (acked.length < 40) await new Promise((r) => setTimeout(r, 20));
      const began = Date.now();
      const before = acked.filter((a) => a.at < began).map((a) => a.cid);
      const backup = await runCli(['backup', file, '--database', site.db.url]);
      stop = true;
      await flood;
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(backup.stdout, /^backed up .* to .*\.backup \([\d.]+ MiB\) in [\d.]+s\n$/);
      assert.ok(acked.length > before.length, 'comments kept arriving while the backup ran');

      const restore = await runCli(['restore', file, '--database', target.url]);
      assert.equal(restore.code, 0, restore.stderr);
      const restored = await openRuntime(loadConfig({ FOLIO_BASE_URL: 'http://folio.test' }, { databaseUrl: target.url, port: 8080 }));
      try {
        const ar = restored.editions.get('ar');
        for (const cid of before) {
          const location = await restored.reader.commentLocation(ar, cid);
          assert.equal(location.nid, FIXTURE.arabic.nid, `comment ${cid}`);
        }
        assert.equal((await restored.reader.node(restored.editions.get('en'), FIXTURE.article.nid, 0)).node.title, FIXTURE.article.title);
      } finally {
        await restored.close();
      }
    });

    test('a backup never overwrites a file, and a restore never replaces content without --force', async () => {
      const again = await runCli(['backup', file, '--database', site.db.url]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /^folio: .* already exists: choose a new file name/);
      const refused = await runCli(['restore', file, '--database', site.db.url]);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^folio: the target database already holds content: restore into an empty one, or pass --force/);
      const missing = await runCli(['restore', join(dir, 'nothing-here'), '--database', target.url]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /there is no backup at/);
    });
  });
}
