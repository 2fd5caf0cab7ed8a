import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.ts';

/** The CLI's contract for a failure: one line on stderr, starting "folio: ", and a non-zero exit. */
function assertOneLineFailure(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  assert.notEqual(result.code, 0, result.stderr);
  assert.equal(result.stderr.split('\n').filter((l) => l !== '').length, 1, result.stderr);
  assert.match(result.stderr, /^folio: /);
  assert.match(result.stderr, pattern);
}

describe('folio demo --arabic-articles', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'folio-demo-options-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const bad of ['abc', '1.5', '1000001', '2e3', '']) {
    test(`refuses ${JSON.stringify(bad)} in one line, before creating a database`, async () => {
      const file = join(dir, `bad-${bad.replace(/\W/g, '_')}.db`);
      const result = await runCli(['demo', '--arabic-articles', bad, '--database', `sqlite:${file}`]);
      assertOneLineFailure(result, /--arabic-articles must be a whole number from 0 to 1000000/);
      assert.equal(existsSync(file), false);
    });
  }

  test('refuses --arabic and --arabic-articles that disagree', async () => {
    const result = await runCli(['demo', '--arabic', '5', '--arabic-articles', '6', '--database', `sqlite:${join(dir, 'both.db')}`]);
    assertOneLineFailure(result, /--arabic and --arabic-articles disagree/);
  });

  test('generates that many Arabic articles and indexes them', async () => {
    const url = `sqlite:${join(dir, 'small.db')}`;
    const result = await runCli(['demo', '--articles', '30', '--arabic-articles', '40', '--database', url]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /demo newspaper ready: \d+ English items, 40 Arabic articles/);
    const found = await runCli(['search', 'في', '--edition', 'ar', '--json', '--database', url]);
    assert.equal(found.code, 0, found.stderr);
    assert.ok((JSON.parse(found.stdout) as { total: number }).total > 0);
  });
});
