import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.ts';

/** A TCP port on 127.0.0.1 that nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The CLI's contract for a failure: one line on stderr, starting "folio: ", and a non-zero exit. */
function assertOneLineFailure(result: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.notEqual(result.code, 0, result.stderr);
  assert.equal(result.stderr.split('\n').filter((l) => l !== '').length, 1, result.stderr);
  assert.match(result.stderr, /^folio: /);
  assert.match(result.stderr, pattern);
}

describe('start-up errors and --version', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'folio-startup-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('folio --version prints package.json\'s version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${version}\n`);
  });

  test('an unreachable PostgreSQL is named with its host:port and a fix, not as a failed migration', async () => {
    const port = await closedPort();
    const result = await runCli(['migrate', '--database', `postgres://postgres@127.0.0.1:${port}/folio`]);
    assertOneLineFailure(result, new RegExp(`cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}: connection refused\\. Start PostgreSQL there, or set FOLIO_DATABASE_URL`));
    assert.doesNotMatch(result.stderr, /Migration/);
  });

  test('serve stops the same way before listening', async () => {
    const port = await closedPort();
    const result = await runCli(['serve', '--no-demo', '--port', '0', '--database', `postgres://postgres@127.0.0.1:${port}/folio`]);
    assertOneLineFailure(result, new RegExp(`cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}`));
  });

  test('an SQLite file that cannot be opened is named', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const underFile = join(blocker, 'folio.db');
    assertOneLineFailure(await runCli(['migrate', '--database', `sqlite:${underFile}`]), new RegExp(`cannot open SQLite database ${underFile}: cannot create its folder ${blocker}`));

    const folder = join(dir, 'a-folder.db');
    mkdirSync(folder);
    assertOneLineFailure(await runCli(['migrate', '--database', `sqlite:${folder}`]), new RegExp(`cannot open SQLite database ${folder}: unable to open the file`));

    const notDb = join(dir, 'not-a-database.db');
    writeFileSync(notDb, 'this is text, not SQLite '.repeat(100));
    assertOneLineFailure(await runCli(['migrate', '--database', `sqlite:${notDb}`]), new RegExp(`cannot open SQLite database ${notDb}: the file is not a SQLite database`));
  });

  test('a bad configuration stops every command with its problems and a non-zero exit', async () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ editions: { ar: { siteName: 42 } } }));
    const one = await runCli(['migrate', '--database', 'sqlite::memory:'], { FOLIO_CONFIG: file });
    assertOneLineFailure(one, /^folio: invalid configuration: FOLIO_CONFIG editions\.ar\.siteName: expected string, got number\n$/);

    const several = await runCli(['migrate', '--database', 'sqlite::memory:'], { FOLIO_CONFIG: file, FOLIO_FLOOD_LIMIT: 'lots' });
    assert.notEqual(several.code, 0);
    assert.equal(several.stderr, [
      'folio: invalid configuration, 2 problems:',
      '  - FOLIO_FLOOD_LIMIT: expected a whole number from 1 to 10000, got "lots"',
      '  - FOLIO_CONFIG editions.ar.siteName: expected string, got number',
      '',
    ].join('\n'));
  });
});
