import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../bin/folio', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

/**
 * Runs the launcher through a symlink (as npm links a package's bin) with a `node` first on PATH
 * that prints what it was started with instead of running Folio.
 */
function launch(args: string[], env: NodeJS.ProcessEnv = {}): { args: string[]; arenas: string } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-launcher-'));
  try {
    writeFileSync(join(dir, 'node'), '#!/bin/sh\nprintf "%s\\n" "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-unset}" "$@"\n');
    chmodSync(join(dir, 'node'), 0o755);
    symlinkSync(LAUNCHER, join(dir, 'folio'));
    const out = execFileSync(join(dir, 'folio'), args, { env: { PATH: `${dir}:${process.env.PATH}`, ...env }, encoding: 'utf8' });
    const [arenas, ...rest] = out.trimEnd().split('\n');
    return { arenas: arenas!, args: rest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('`folio export static` starts node with two malloc arenas and a small young generation for its main thread', () => {
  const run = launch(['export', 'static', 'out dir/', '--threads', '2']);
  assert.equal(run.arenas, 'MALLOC_ARENA_MAX=2');
  assert.deepEqual(run.args, ['--max-semi-space-size=4', ENTRY, 'export', 'static', 'out dir/', '--threads', '2']);
});

test('a MALLOC_ARENA_MAX already set is kept', () => {
  assert.equal(launch(['export', 'static', 'site'], { MALLOC_ARENA_MAX: '4' }).arenas, 'MALLOC_ARENA_MAX=4');
});

test('other commands run as they are, arguments untouched', () => {
  for (const args of [['serve'], ['export', 'warc', 'a.warc'], ['--version'], ['export'], []]) {
    const run = launch(args);
    assert.equal(run.arenas, 'MALLOC_ARENA_MAX=unset');
    assert.deepEqual(run.args, [ENTRY, ...args]);
  }
});
