import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { ReplicaRouter } from '../../src/store/postgres/replica-router.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';

// Reads on a real streaming replica (scripts/pg-replica.sh, started by scripts/test.sh): a
// primary and a hot standby made with initdb and pg_basebackup -R. Replay on the standby is
// paused (pg_wal_replay_pause()) to hold it at a known point, so "the replica has old data" is a
// fact of the test, not a race.
const skip = process.env.FOLIO_TEST_REPLICA === '1' ? false : 'no streaming replica (scripts/test.sh starts one with scripts/pg-replica.sh when PostgreSQL tools are there)';
const PRIMARY = process.env.FOLIO_TEST_REPLICA_PRIMARY_URL ?? 'postgres://postgres@127.0.0.1:5442/postgres';
const STANDBY = process.env.FOLIO_TEST_REPLICA_STANDBY_URL ?? 'postgres://postgres@127.0.0.1:5443/postgres';
const SCRIPT = join(import.meta.dirname, '../../scripts/pg-replica.sh');

/** The longest any wait below may take before the test calls it failed. */
const WAIT_MS = 20_000;

async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const onDatabase = (url: string, name: string) => url.replace(/\/[^/]*$/, `/${name}`);

describe('reads on a streaming replica', { skip }, () => {
  const name = `folio_replica_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const primaryDb = onDatabase(PRIMARY, name);
  const standbyDb = onDatabase(STANDBY, name);
  let runtime: StoreRuntime;
  let folio: FolioApp;

  const pauseReplay = () => query(STANDBY, 'select pg_wal_replay_pause()');
  const resumeReplay = () => query(STANDBY, 'select pg_wal_replay_resume()');
  /** Waits until the standby has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const [{ lsn }] = await query<{ lsn: string }>(PRIMARY, 'select pg_current_wal_lsn()::text as lsn') as [{ lsn: string }];
    await eventually(`the standby replays ${lsn}`, async () => (await query<{ ok: boolean }>(STANDBY, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn]))[0]!.ok);
  };
  const metaOn = async (url: string, key: string) => (await query<{ value: string }>(url, 'select value from folio_meta where key = $1', [key]))[0]?.value;

  before(async () => {
    await query(PRIMARY, `create database ${name}`);
    await caughtUp();
    const dir = mkdtempSync(join(tmpdir(), 'folio-replica-'));
    writeFileSync(join(dir, 'folio.json'), JSON.stringify({ editions: { ar: { commentPolicy: 'open' } } }));
    const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test', FOLIO_MIN_POST_SECONDS: '0', FOLIO_CONFIG: join(dir, 'folio.json'), FOLIO_DATABASE_REPLICA_URL: standbyDb }, { databaseUrl: primaryDb, port: 8080 });
    runtime = await openStoreRuntime(config, { readReplica: true });
    await runtime.consistency.onPrimary(() => seedFixture(runtime));
    folio = await buildApp(runtime);
    runtime.onContentChanged((e) => folio.contentChanged(e));
    await caughtUp();
  });
  after(async () => {
    await resumeReplay().catch(() => undefined);
    execFileSync('bash', [SCRIPT, 'start-standby'], { stdio: 'ignore' });
    await folio?.app.close();
    await runtime?.close();
    await query(PRIMARY, `drop database if exists ${name} with (force)`);
  });

  test('writes land on the primary; plain reads come from the replica, the writer\'s from the primary until replayed', async () => {
    await runtime.store.writer.setMeta('replica_probe', 'before');
    await caughtUp();
    await pauseReplay();
    try {
      await runtime.store.writer.setMeta('replica_probe', 'after');
      assert.equal(await metaOn(primaryDb, 'replica_probe'), 'after', 'the write is on the primary');
      assert.equal(await metaOn(standbyDb, 'replica_probe'), 'before', 'replay is paused, so the standby has the old value');
      // Only the standby still has "before": reading it proves the read went there.
      assert.equal(await runtime.store.content.getMeta('replica_probe'), 'before');
      const position = await runtime.consistency.writePosition();
      assert.ok(position !== null && runtime.consistency.isPosition(position), String(position));
      assert.equal(await runtime.consistency.readAfter(position, () => runtime.store.content.getMeta('replica_probe')), 'after');
      assert.equal(await runtime.consistency.onPrimary(() => runtime.store.content.getMeta('replica_probe')), 'after');
    } finally {
      await resumeReplay();
    }
    await eventually('plain reads see the write once it is replayed', async () => (await runtime.store.content.getMeta('replica_probe')) === 'after');
  });

  test('over HTTP, a commenter\'s next page shows its comment while other readers still read the paused replica', async () => {
    const article = `/ar/${FIXTURE.arabic.path}`;
    const text = `تعليق على النسخة المتماثلة ${Date.now()}`;
    const form = await folio.app.inject({ url: article });
    const token = inputValue(form.body, 'form_token');
    await caughtUp();
    await pauseReplay();
    try {
      const posted = await folio.app.inject({
        method: 'POST', url: `/ar/comment/reply/${FIXTURE.arabic.nid}`, remoteAddress: '192.0.2.77',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ op: 'save', form_token: token, website: '', name: 'Rana', mail: 'rana@example.org', homepage: '', subject: '', comment: text }),
      });
      assert.equal(posted.statusCode, 303, posted.body);
      const cookie = posted.cookies.find((c) => c.name === 'folio_read_after');
      assert.ok(cookie && runtime.consistency.isPosition(cookie.value), `the writer is given its position: ${JSON.stringify(posted.cookies)}`);
      assert.equal(cookie.maxAge, 60);

      // Another reader renders the page from the replica, which has not replayed the comment
      // (and the page cache now holds that page).
      const reader = await folio.app.inject({ url: article });
      assert.equal(reader.statusCode, 200);
      assert.ok(!reader.body.includes(text), 'the paused replica does not have the comment yet');

      // The writer's next page skips that cached page and reads from the primary.
      const writer = await folio.app.inject({ url: article, cookies: { folio_read_after: cookie.value } });
      assert.equal(writer.statusCode, 200);
      assert.ok(writer.body.includes(text), 'the writer sees its own comment');

      // A forged position is ignored (plain replica read), never an error.
      const forged = await folio.app.inject({ url: article, cookies: { folio_read_after: 'x; drop table' } });
      assert.equal(forged.statusCode, 200);
    } finally {
      await resumeReplay();
    }
    // Once the replica replays the comment, the stale cached page is dropped and everyone sees it.
    await eventually('every reader sees the comment after replay', async () => (await folio.app.inject({ url: article })).body.includes(text));
  });

  test('a replica too far behind serves no reads until it catches up', async () => {
    // The router alone, on a clock the test moves, with a 1 s limit (30 s in service).
    let now = 1_000_000;
    const warnings: string[] = [];
    const primary = new pg.Pool({ connectionString: primaryDb, max: 2 });
    const router = new ReplicaRouter(primary, { connect: () => primary.connect(), end: () => primary.end() }, standbyDb, 2, (m) => warnings.push(m), 1, () => now);
    /** Whether a read through the router is answered by the standby (in recovery) or the primary. */
    const readsFromReplica = async () => {
      const client = await router.readPool().connect();
      try {
        const result = (await client.query('select pg_is_in_recovery() as r', [])) as { rows: { r: boolean }[] };
        return result.rows[0]!.r;
      } finally {
        client.release();
      }
    };
    try {
      await caughtUp();
      await router.probe();
      assert.equal(await readsFromReplica(), true);
      await pauseReplay();
      try {
        await query(primaryDb, "insert into folio_meta (key, value) values ('lag_probe', 'x') on conflict (key) do update set value = excluded.value");
        await router.probe(); // samples the primary's new position at `now`
        assert.equal(await readsFromReplica(), true, 'just behind: still within the limit');
        now += 5_000;
        await assert.rejects(router.probe(), /5\.0 s behind the primary \(more than 1 s\): reads are served by the primary/);
        assert.equal(router.replicaLagSeconds(), 5);
        assert.equal(await readsFromReplica(), false, 'too far behind: reads go to the primary');
      } finally {
        await resumeReplay();
      }
      await eventually('the router sees the replica catch up', async () => {
        await router.probe();
        return true;
      });
      assert.equal(router.replicaLagSeconds(), 0);
      assert.equal(await readsFromReplica(), true);
      assert.deepEqual(warnings.filter((w) => /behind|caught up/.test(w)), [
        'PostgreSQL replica is 5.0 s behind the primary: reads go to the primary until it catches up',
        'PostgreSQL replica has caught up: reads go to it again',
      ]);
    } finally {
      await router.close();
      await primary.end();
    }
  });

  test('a replica found behind the primary (at start, or back from an outage) serves reads only once it has caught up', async () => {
    const primary = new pg.Pool({ connectionString: primaryDb, max: 2 });
    const warnings: string[] = [];
    await caughtUp();
    await pauseReplay();
    const router = new ReplicaRouter(primary, { connect: () => primary.connect(), end: () => primary.end() }, standbyDb, 2, (m) => warnings.push(m));
    try {
      await query(primaryDb, "insert into folio_meta (key, value) values ('catch_up', 'x') on conflict (key) do update set value = excluded.value");
      await assert.rejects(router.probe(), /^Error: PostgreSQL replica is catching up with the primary: reads are served by the primary$/);
      const client = await router.readPool().connect();
      try {
        const result = (await client.query('select pg_is_in_recovery() as r', [])) as { rows: { r: boolean }[] };
        assert.equal(result.rows[0]!.r, false, 'reads go to the primary meanwhile');
      } finally {
        client.release();
      }
      await resumeReplay();
      await eventually('the replica serves once caught up', async () => {
        await router.probe();
        return true;
      });
      assert.deepEqual(warnings, [], 'a replica that was never down is not reported back');
    } finally {
      await resumeReplay();
      await router.close();
      await primary.end();
    }
  });

  test('/readyz reports the replica; a stopped replica falls back to the primary and is reported, not fatal', async () => {
    const ready = await folio.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(JSON.parse(ready.body).checks.find((c: { name: string }) => c.name === 'replica'), { name: 'replica', ok: true, optional: true });

    await runtime.store.writer.setMeta('replica_probe', 'while the replica is down');
    execFileSync('bash', [SCRIPT, 'stop-standby'], { stdio: 'ignore' });
    try {
      // The first read meets the dead replica (a cut pooled connection or a refused one) and is
      // run again on the primary; the primary's value proves where it was answered.
      assert.equal(await runtime.store.content.getMeta('replica_probe'), 'while the replica is down');
      folio.contentChanged('ar');
      const page = await folio.app.inject({ url: `/ar/${FIXTURE.arabic.path}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /مقال عربي للاختبار/);
      const search = await folio.app.inject({ url: '/ar/search?q=%D9%85%D9%82%D8%A7%D9%84' });
      assert.equal(search.statusCode, 200);

      const degraded = await folio.app.inject({ url: '/readyz' });
      assert.equal(degraded.statusCode, 200, 'the instance stays in rotation');
      const body = JSON.parse(degraded.body) as { status: string; checks: { name: string; ok: boolean; optional?: boolean; detail?: string }[] };
      assert.equal(body.status, 'ready');
      const replica = body.checks.find((c) => c.name === 'replica');
      assert.equal(replica?.ok, false);
      assert.equal(replica?.optional, true);
      assert.match(String(replica?.detail), /reads are served by the primary/);
      assert.ok(body.checks.find((c) => c.name === 'database')?.ok);
    } finally {
      execFileSync('bash', [SCRIPT, 'start-standby'], { stdio: 'ignore' });
    }
    await eventually('the replica is ready again once it is back', async () => (await folio.app.inject({ url: '/readyz' })).body.includes('{"name":"replica","ok":true'));
  });

  test('reads in flight when the replica stops are answered by the primary: none fails', async () => {
    await eventually('reads use the replica again', async () => (await folio.app.inject({ url: '/readyz' })).body.includes('{"name":"replica","ok":true'));
    let running = true;
    let answered = 0;
    const failures: string[] = [];
    const reader = async () => {
      while (running) {
        try {
          await Promise.all([runtime.store.content.countNodes(), runtime.store.content.getMeta('site_secret')]);
          answered++;
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
    };
    const readers = Array.from({ length: 6 }, reader);
    try {
      await eventually('the load is running', async () => answered > 50);
      // Asynchronously, so the reads go on while the standby shuts down under them.
      await promisify(execFile)('bash', [SCRIPT, 'stop-standby']);
      const atStop = answered;
      await eventually('reads go on after the stop', async () => answered > atStop + 200);
    } finally {
      running = false;
      await Promise.all(readers);
      execFileSync('bash', [SCRIPT, 'start-standby'], { stdio: 'ignore' });
    }
    assert.deepEqual(failures, [], `${failures.length} of ${answered + failures.length} reads failed`);
    await eventually('the replica is ready again once it is back', async () => (await folio.app.inject({ url: '/readyz' })).body.includes('{"name":"replica","ok":true'));
  });
});
