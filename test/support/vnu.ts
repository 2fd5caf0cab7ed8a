// The W3C Nu HTML checker (vnu-jar, run with Java) over a set of named pages: every page-validity
// test writes its pages to a scratch folder, runs the checker once over all of them, and asserts
// on the errors, each named after the page it came from.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The package's main file sits beside build/dist/vnu.jar.
const VNU_JAR = join(createRequire(import.meta.url).resolve('vnu-jar'), '..', 'build', 'dist', 'vnu.jar');

/** The skip reason for a test that needs Java (scripts/test.sh sets FOLIO_TEST_VNU=0 without it). */
export const vnuSkip: string | false = process.env.FOLIO_TEST_VNU === '0' ? 'no java on this machine (scripts/test.sh reports it)' : false;

/** One page to check: the name errors are reported under, and its markup. */
export interface NamedPage {
  readonly name: string;
  readonly html: string;
}

/** The checker's errors over `pages`, as "<page name>: <message> [<extract>]"; empty when all are valid. */
export async function vnuErrors(pages: readonly NamedPage[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-vnu-'));
  try {
    const files = pages.map((page, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.html`);
      writeFileSync(file, page.html);
      return file;
    });
    // vnu exits non-zero when it finds errors; its JSON report is what counts.
    const result = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], { maxBuffer: 16 * 1024 * 1024 })
      .catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: { type: string; url: string; message: string; extract?: string }[] };
    if (!Array.isArray(report.messages)) throw new Error('vnu printed no report');
    return report.messages.filter((m) => m.type === 'error')
      .map((m) => `${pages[Number(m.url.match(/(\d+)\.html$/)?.[1])]?.name ?? m.url}: ${m.message} [${m.extract ?? ''}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
