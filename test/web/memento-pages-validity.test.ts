import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StoreRuntime } from '../../src/runtime.ts';
import { seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const run = promisify(execFile);
const VNU_JAR = join(createRequire(import.meta.url).resolve('vnu-jar'), '..', 'build', 'dist', 'vnu.jar');
const skip = process.env.FOLIO_TEST_VNU === '0' ? 'no java on this machine (scripts/test.sh reports it)' : false;
const PUBLISHED = seconds('2014-11-18T00:30:00+02:00');
const AR_PUBLISHED = seconds('2025-11-18T10:00:00+02:00');

/** The fixture with a corrected article in each edition, so every new block appears. */
async function seedCorrected(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  await runtime.auth.addUser({ name: 'Chief', email: null, password: 'a long enough password', role: 'admin' });
  await runtime.corrections.add({ edition: runtime.editions.get('en'), nid: FIXTURE.article.nid, kind: 'correction', text: 'A name was misspelled.', at: seconds('2014-11-21T09:00:00+02:00'), admin: 'Chief' });
  await runtime.corrections.add({ edition: runtime.editions.get('ar'), nid: FIXTURE.arabic.nid, kind: 'update', text: 'أُضيف ردّ الوزارة.', at: seconds('2025-11-19T09:00:00+02:00') });
}

const PAGES = [
  `/${FIXTURE.article.path}`,
  `/revisions/${PUBLISHED}/${FIXTURE.article.path}`,
  '/corrections',
  `/ar/${FIXTURE.arabic.path}`,
  `/ar/revisions/${AR_PUBLISHED}/${FIXTURE.arabic.path}`,
  '/ar/corrections',
];

describe('Memento and corrections pages are valid HTML (W3C Nu checker)', { skip }, () => {
  let site: TestSite;
  let dir: string;
  before(async () => {
    site = await openTestSite('sqlite', seedCorrected);
    dir = mkdtempSync(join(tmpdir(), 'folio-vnu-memento-'));
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('articles with versions and corrections, earlier versions and the corrections pages have no errors', async () => {
    const files = await Promise.all(PAGES.map(async (url, i) => {
      const res = await site.folio.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      const file = join(dir, `${i}.html`);
      writeFileSync(file, res.body);
      return file;
    }));
    const result = await run('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], { maxBuffer: 16 * 1024 * 1024 })
      .catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: { type: string; url: string; message: string; extract?: string }[] };
    const errors = report.messages.filter((m) => m.type === 'error').map((m) => `${PAGES[Number(m.url.match(/(\d+)\.html$/)?.[1])]}: ${m.message} [${m.extract ?? ''}]`);
    assert.deepEqual(errors, []);
  });
});
