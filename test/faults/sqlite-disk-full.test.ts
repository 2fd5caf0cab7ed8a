import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { runCli } from '../support/run-cli.ts';
import { socketRequest } from '../support/socket-client.ts';
import { mountSmallVolume, type SmallVolume } from '../support/small-volume.ts';

const mounted = await mountSmallVolume(24);
const volume: SmallVolume | null = 'path' in mounted ? mounted : null;
const skip = volume ? false : `no small volume can be mounted here: ${'reasons' in mounted ? mounted.reasons.join('; ') : ''}`;
if (!volume) console.log(`SQLite full-disk fault skipped: ${skip}`);
const configDir = mkdtempSync(join(tmpdir(), 'folio-disk-full-'));
const configFile = join(configDir, 'folio.json');
writeFileSync(configFile, JSON.stringify({ editions: { ar: { commentPolicy: 'open' } } }));

// SQLite on a disk that fills up under a running server: comments are refused with a readable
// 507 that gives the reader's text back, nothing acknowledged is lost, the file is not damaged,
// the server saves again as soon as there is room, and `folio verify` finds everything intact.
describe('SQLite on a full disk', { skip, timeout: 120_000 }, () => {
  const file = volume ? join(volume.path, 'folio.db') : '';
  const env = { FOLIO_BASE_URL: 'http://folio.test', FOLIO_MIN_POST_SECONDS: '0', FOLIO_CONFIG: configFile, FOLIO_FLOOD_LIMIT: '10000' };
  let runtime: StoreRuntime;
  let folio: FolioApp;
  let port: number;
  let token: string;
  const acknowledged: string[] = [];
  let serial = 0;

  const post = async () => {
    const text = `disk-full ${++serial}: تعليق رقم ${serial} على قرص ممتلئ، ويجب ألّا يضيع حرف منه.`;
    const res = await socketRequest(port, {
      method: 'POST', path: `/ar/comment/reply/${FIXTURE.arabic.nid}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ op: 'save', form_token: token, website: '', name: 'سلمى', mail: 'salma@private.example', homepage: '', subject: '', comment: text }),
    });
    if (res.status === 303) acknowledged.push(text);
    return { res, text };
  };

  before(async () => {
    runtime = await openStoreRuntime(loadConfig(env, { databaseUrl: `sqlite:${file}`, port: 8080 }));
    await seedFixture(runtime);
    folio = await buildApp(process.env.FOLIO_FAULTS_DEBUG === '1' ? { ...runtime, logger: { level: 'error' } } : runtime);
    runtime.onContentChanged((e) => folio.contentChanged(e));
    await folio.app.listen({ port: 0, host: '127.0.0.1' });
    port = (folio.app.server.address() as AddressInfo).port;
    token = inputValue((await socketRequest(port, { path: `/ar/${FIXTURE.arabic.path}` })).body, 'form_token');
  });
  after(async () => {
    await folio?.app.close();
    await runtime?.close().catch(() => undefined);
    await volume?.unmount();
    rmSync(configDir, { recursive: true, force: true });
  });

  test('a full disk answers 507 with the text kept, then saves again once there is room; verify is clean', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await post()).res.status, 303, 'comments save while there is room');
    const filled = volume!.fill('filler.bin');
    // The WAL reuses its own pages after a checkpoint, so a few comments may still fit: post until one is refused.
    let refused: Awaited<ReturnType<typeof post>> | null = null;
    const statuses: number[] = [];
    for (let i = 0; i < 400 && !refused; i++) {
      const attempt = await post();
      statuses.push(attempt.res.status);
      if (attempt.res.status !== 303) refused = attempt;
    }
    assert.ok(refused, `a comment was refused once the disk was full (${statuses.length} tried)`);
    assert.equal(refused.res.status, 507, `the refusal is a 507 (${statuses.slice(-5).join(',')})`);
    assert.equal(refused.res.headers['retry-after'], '300');
    assert.ok(refused.res.body.includes(refused.text), 'every word typed comes back');
    assert.match(refused.res.body, /نفدت مساحة القرص/);
    const more = [await post(), await post()];
    assert.deepEqual(more.map((m) => m.res.status), [507, 507], 'it stays a clear 507 while the disk is full');
    assert.equal((await socketRequest(port, { path: `/ar/${FIXTURE.arabic.path}` })).status, 200, 'reads go on');

    // An operator's write from the command line says the same in one line.
    const cli = await runCli(['correction', 'add', '--edition', 'ar', '--nid', String(FIXTURE.arabic.nid), '--kind', 'update', '--text', 'تحديث على قرص ممتلئ'], { FOLIO_DATABASE_URL: `sqlite:${file}` });
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /disk holding the SQLite database .* is full: nothing was saved/);

    rmSync(join(volume!.path, 'filler.bin'));
    const again = await post();
    assert.equal(again.res.status, 303, 'the same server saves again once space is freed');

    await folio.app.close();
    await runtime.close();
    const db = new SqliteDatabase(file, { readonly: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    const stored = db.prepare(`select body from comments where body like 'disk-full %'`).all() as { body: string }[];
    db.close();
    const found = acknowledged.filter((t) => stored.some((s) => s.body === t)).length;
    const verify = await runCli(['verify', '--database', `sqlite:${file}`]);
    console.log(`SQLite full disk (${volume!.kind}, 24 MB, filler ${(filled / 1024 / 1024).toFixed(1)} MB): comments sent ${serial}, acknowledged (303) ${acknowledged.length}, ` +
      `refused 507 with text kept ${statuses.filter((s) => s === 507).length + 2}, other ${statuses.filter((s) => s !== 303 && s !== 507).length}; ` +
      `acknowledged comments found afterwards ${found}/${acknowledged.length}; integrity_check ${integrity}; folio verify exit ${verify.code}`);
    assert.equal(integrity, 'ok');
    assert.equal(found, acknowledged.length, 'every acknowledged comment is in the file');
    assert.equal(stored.length, acknowledged.length, 'and nothing that was refused');
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /all intact/);
  });
});
