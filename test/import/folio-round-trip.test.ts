import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-export-'));

/** The export's lines without the header's time stamp, for comparing two exports. */
function exportLines(file: string): string[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  delete header.exportedAt;
  return [JSON.stringify(header), ...lines.slice(1)];
}

const dialects = testDialects();
const pairs = dialects.length > 1 ? [['sqlite', 'postgres'], ['postgres', 'sqlite']] as const : [['sqlite', 'sqlite']] as const;

for (const [from, to] of pairs) {
  describe(`JSON export, then import folio (${from} to ${to})`, () => {
    const databases: TestDatabase[] = [];
    after(async () => {
      for (const db of databases) await db.drop();
    });

    test('restores every edition into an empty database, and exporting that gives the same file', async () => {
      const source = await createTestDatabase(from);
      const target = await createTestDatabase(to);
      databases.push(source, target);
      const demo = await runCli(['demo', '--articles', '80', '--arabic', '20', '--database', source.url]);
      assert.equal(demo.code, 0, demo.stderr);
      const user = await runCli(['user', 'add', '--name', 'Rania', '--role', 'moderator', '--email', 'rania@example.org', '--password-stdin', '--database', source.url], {}, 'correct horse battery staple\n');
      assert.equal(user.code, 0, user.stderr);
      const first = join(dir, `${from}-${to}-first.jsonl.gz`);
      const exported = await runCli(['export', 'json', first, '--database', source.url]);
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stdout, /exported ar, en to .*: .*\d+ node/);

      const restored = await runCli(['import', 'folio', first, '--database', target.url]);
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stdout, /Import folio into edition "en".*\n {2}items: \d+ imported, 0 updated, 0 unchanged/);
      assert.match(restored.stdout, /Import folio into edition "ar"/);
      assert.match(restored.stdout, /skipped: 0/);

      const second = join(dir, `${from}-${to}-second.jsonl.gz`);
      assert.equal((await runCli(['export', 'json', second, '--database', target.url])).code, 0);
      const a = exportLines(first);
      const b = exportLines(second);
      assert.equal(b.length, a.length);
      for (let i = 0; i < a.length; i++) assert.equal(b[i], a[i], `line ${i + 1} differs`);

      const again = await runCli(['import', 'folio', first, '--database', target.url]);
      assert.match(again.stdout, /items: 0 imported, 0 updated, \d+ unchanged/, 'a second restore changes nothing');

      const users = JSON.parse(exportLines(first)[1]!) as { type: string; name: string; email: string; passwordHash: string | null };
      assert.deepEqual([users.type, users.name, users.email, users.passwordHash], ['user', 'Rania', 'rania@example.org', null], 'no password hash without --include-secrets');
      const secret = join(dir, `${from}-${to}-secrets.jsonl.gz`);
      assert.equal((await runCli(['export', 'json', secret, '--include-secrets', '--database', source.url])).code, 0);
      const withHash = JSON.parse(exportLines(secret)[1]!) as { passwordHash: string | null };
      assert.match(withHash.passwordHash ?? '', /^scrypt/);
      assert.equal((await runCli(['import', 'folio', secret, '--database', target.url])).code, 0);
      const third = join(dir, `${from}-${to}-third.jsonl.gz`);
      assert.equal((await runCli(['export', 'json', third, '--include-secrets', '--database', target.url])).code, 0);
      assert.equal(JSON.parse(exportLines(third)[1]!).passwordHash, withHash.passwordHash, 'the restored user signs in with the same password');
    });
  });
}

test('import folio explains a file that is not an export, in one line', async () => {
  const db = await createTestDatabase('sqlite');
  try {
    const bogus = join(dir, 'not-an-export.jsonl');
    (await import('node:fs')).writeFileSync(bogus, '{"hello":1}\n');
    const res = await runCli(['import', 'folio', bogus, '--database', db.url]);
    assert.notEqual(res.code, 0);
    assert.match(res.stderr, /not a Folio export/);
    assert.equal(res.stderr.trim().split('\n').length, 1);
    const missing = await runCli(['import', 'warc', join(dir, 'nope.warc.gz'), '--database', db.url]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /no such file or folder/);
  } finally {
    await db.drop();
  }
});
