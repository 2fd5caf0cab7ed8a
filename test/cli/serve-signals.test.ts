import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { socketRequest } from '../support/socket-client.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function answers(port: number): Promise<boolean> {
  try {
    return (await socketRequest(port, { path: '/healthz' })).status === 200;
  } catch {
    return false;
  }
}

// `npm start` runs the server through a shell; without `exec` the shell took npm's SIGTERM and
// the server went on running, orphaned, holding its port.
test('SIGTERM to `npm start` stops the server gracefully, within its bound', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-signals-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const npm = spawn('npm', ['start', '--', '--no-demo', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT, env: { ...process.env, FOLIO_DATABASE_URL: `sqlite:${join(dir, 'folio.db')}` }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (d) => (output += d));
  npm.stderr.on('data', (d) => (output += d));
  try {
    for (let i = 0; i < 120 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 500));
    assert.ok(await answers(port), `the server started: ${output}`);
    const exited = new Promise<number | null>((resolve) => npm.on('exit', resolve));
    npm.kill('SIGTERM');
    await exited;
    let stillUp = true;
    for (let i = 0; i < 40 && stillUp; i++) {
      await new Promise((r) => setTimeout(r, 250));
      stillUp = await answers(port);
    }
    assert.equal(stillUp, false, 'the server stopped with npm');
    assert.match(output, /stopping: finishing in-flight requests/);
  } finally {
    npm.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
