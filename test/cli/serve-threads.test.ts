import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime } from '../../src/runtime.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';

const BIN = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

/** A response's raw bytes as they crossed the socket (node:http does not decompress). */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

// Issue 14: `folio serve` on SQLite reads on a thread of its own and compresses first responses
// on another. Over a real socket, with the page cache off so every request takes both threads,
// many pages asked at once must each come back whole, as the coding says, with a digest that holds.
describe('folio serve with its read and compression threads', () => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  let output = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-serve-threads-'));
    const file = join(dir, 'folio.db');
    const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test', FOLIO_FILES_DIR: join(dir, 'files') }, { databaseUrl: `sqlite:${file}`, port: 8080 });
    const runtime = await openStoreRuntime(config);
    await seedFixture(runtime);
    await runtime.close();
    port = 20_000 + Math.floor(Math.random() * 20_000);
    server = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--port', String(port), '--host', '127.0.0.1', '--database', `sqlite:${file}`], {
      env: { ...process.env, FOLIO_PAGE_CACHE_MB: '0', FOLIO_LOG_LEVEL: 'warn', FOLIO_FILES_DIR: join(dir, 'files') }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    for (let i = 0; i < 120; i++) {
      if (/Folio is serving/.test(output)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the server did not start: ${output}`);
  });
  after(async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });

  test('pages asked at once come back whole, in the coding asked, their digests holding', async () => {
    const pages = [
      { path: `/${FIXTURE.article.path}`, text: FIXTURE.article.title },
      { path: `/${FIXTURE.politics.path}`, text: 'Politics' },
      { path: `/${FIXTURE.gazaTag.path}?page=1`, text: 'Gaza' },
      { path: `/ar/${FIXTURE.arabic.path}`, text: 'dir="rtl"' },
      { path: '/', text: '<!DOCTYPE html>' },
    ];
    const asks = Array.from({ length: 60 }, (_, i) => ({ ...pages[i % pages.length]!, coding: i % 3 === 0 ? 'br' : i % 3 === 1 ? 'gzip' : null }));
    const answers = await Promise.all(asks.map((ask) => rawGet(port, ask.path, ask.coding ? { 'accept-encoding': ask.coding } : {})));
    answers.forEach((answer, i) => {
      const ask = asks[i]!;
      assert.equal(answer.status, 200, `${ask.path} (${ask.coding})`);
      assert.equal(answer.headers['content-encoding'], ask.coding ?? undefined);
      const html = (ask.coding === 'br' ? brotliDecompressSync(answer.bytes) : ask.coding === 'gzip' ? gunzipSync(answer.bytes) : answer.bytes).toString('utf8');
      assert.ok(html.includes(ask.text), `${ask.path} holds ${ask.text}`);
      assert.ok(html.trimEnd().endsWith('</html>'), `${ask.path} is whole`);
      assert.equal(answer.headers['repr-digest'], `sha-256=:${createHash('sha256').update(answer.bytes).digest('base64')}:`);
    });
  });

  test('a page that is not there is still a readable 404', async () => {
    const answer = await rawGet(port, '/content/no-such-article', { 'accept-encoding': 'gzip' });
    assert.equal(answer.status, 404);
    assert.match(gunzipSync(answer.bytes).toString('utf8'), /<html/);
  });
});
