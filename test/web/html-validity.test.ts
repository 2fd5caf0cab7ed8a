import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedFixture } from '../support/fixture-site.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const run = promisify(execFile);
// The package's main file sits beside build/dist/vnu.jar.
const VNU_JAR = join(createRequire(import.meta.url).resolve('vnu-jar'), '..', 'build', 'dist', 'vnu.jar');
const skip = process.env.FOLIO_TEST_VNU === '0' ? 'no java on this machine (scripts/test.sh reports it)' : false;

describe('HTML validity (W3C Nu checker)', { skip }, () => {
  let site: TestSite;
  let dir: string;
  before(async () => {
    site = await openTestSite('sqlite', seedFixture);
    dir = mkdtempSync(join(tmpdir(), 'folio-vnu-'));
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('one page of each type, in both editions, has no errors', async () => {
    const files: string[] = [];
    for (const [i, page] of PAGE_TYPES.entries()) {
      const res = await site.folio.app.inject({ url: encodeURI(page.url) });
      assert.equal(res.statusCode, page.status ?? 200, page.url);
      const file = join(dir, `${String(i).padStart(2, '0')}.html`);
      writeFileSync(file, res.body);
      files.push(file);
    }
    // vnu exits non-zero when it finds errors; its JSON report is what we assert on.
    const result = await run('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], { maxBuffer: 16 * 1024 * 1024 })
      .catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: { type: string; url: string; message: string; extract?: string }[] };
    const errors = report.messages.filter((m) => m.type === 'error').map((m) => `${PAGE_TYPES[Number(m.url.match(/(\d+)\.html$/)?.[1])]?.name}: ${m.message} [${m.extract ?? ''}]`);
    assert.deepEqual(errors, []);
  });
});
