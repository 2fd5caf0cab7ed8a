import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { runCli } from '../support/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

describe('an acknowledged comment survives the server being killed', () => {
  let dir: string;
  let server: ChildProcess;
  const port = 20000 + Math.floor(Math.random() * 20000);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-durable-'));
    const seeded = await runCli(['demo', '--articles', '20', '--arabic', '5', '--database', `sqlite:${join(dir, 'folio.db')}`]);
    assert.equal(seeded.code, 0, seeded.stderr);
    server = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--host', '127.0.0.1', '--port', String(port), '--database', `sqlite:${join(dir, 'folio.db')}`], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FOLIO_MIN_POST_SECONDS: '0', FOLIO_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('the server did not start');
  });
  after(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('SIGKILL right after the 303 loses nothing', async () => {
    const nid = 1006; // the demo's co-authored article: always present
    const form = await (await fetch(`http://127.0.0.1:${port}/comment/reply/${nid}`)).text();
    const token = /name="form_token" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const bodies = Array.from({ length: 5 }, (_, i) => `durable comment ${i}`);
    const answers = await Promise.all(bodies.map((comment, i) => fetch(`http://127.0.0.1:${port}/comment/reply/${nid}`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ op: 'save', form_token: token, website: '', name: `Reader ${i}`, mail: `r${i}@private.example`, comment }).toString(),
    })));
    assert.deepEqual(answers.map((a) => a.status), [303, 303, 303, 303, 303]);
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    const db = new SqliteDatabase(join(dir, 'folio.db'), { readonly: true });
    const saved = db.prepare(`select body from comments where body like 'durable comment %' order by body`).all() as { body: string }[];
    db.close();
    assert.deepEqual(saved.map((r) => r.body), bodies);
  });
});
