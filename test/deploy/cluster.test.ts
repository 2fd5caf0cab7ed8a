import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { runCli } from '../support/run-cli.ts';
import { socketRequest } from '../support/socket-client.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const skip = process.env.FOLIO_TEST_CLUSTER === '0' ? 'no nginx, PostgreSQL or Redis (scripts/test.sh reports it)' : false;
const PG_ADMIN = process.env.FOLIO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.FOLIO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// `npm run cluster` as an operator runs it: two instances on PostgreSQL and Redis behind nginx,
// on ports and a database of this test's own. A change made on one instance shows on the other
// at once, and an instance killed with SIGKILL costs readers nothing.
describe('the local cluster behind nginx', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-cluster-'));
  const base = 30_000 + Math.floor(Math.random() * 20_000);
  const db = `folio_cluster_test_${process.pid}`;
  const env = {
    ...process.env, FOLIO_CLUSTER_DIR: dir, FOLIO_CLUSTER_PORT: String(base), FOLIO_CLUSTER_FIRST_PORT: String(base + 1), FOLIO_CLUSTER_DB: db,
    FOLIO_CLUSTER_PG_ADMIN: PG_ADMIN, FOLIO_CLUSTER_REDIS: REDIS, FOLIO_CLUSTER_DEMO_ARGS: '--articles 60 --arabic 20',
  };
  const databaseUrl = PG_ADMIN.replace(/\/[^/]*$/, `/${db}`);

  before(async () => {
    await run('bash', ['scripts/cluster.sh', 'up', '2'], { cwd: ROOT, env, timeout: 240_000 });
  });
  after(async () => {
    await run('bash', ['scripts/cluster.sh', 'down'], { cwd: ROOT, env, timeout: 60_000 }).catch(() => undefined);
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  test('nginx answers for both editions, with instances ready and Arabic redirects encoded', async () => {
    assert.equal((await socketRequest(base, { path: '/readyz' })).status, 200);
    assert.equal((await socketRequest(base, { path: '/' })).status, 200);
    const ar = await socketRequest(base, { path: '/ar/' });
    assert.equal(ar.status, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    const metrics = await socketRequest(base + 1001, { path: '/metrics' });
    assert.equal(metrics.status, 200);
    assert.match(metrics.body, /folio_http_requests_total/);
    const redirect = await socketRequest(base, { path: '/%D8%A7/' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/%D8%A7');
  });

  test('a correction made from the command line shows on both instances at once (Redis pub/sub)', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ nid: number; path: string }>("SELECT nid, path FROM nodes WHERE edition = 'ar' AND kind = 'article' ORDER BY nid LIMIT 1");
    await client.end();
    const path = `/ar/${encodeURI(rows[0]!.path)}`;
    for (const port of [base + 1, base + 2]) assert.equal((await socketRequest(port, { path })).status, 200, 'cached on both');
    const text = 'تحديث عبر نسختين من الخادم';
    const cli = await runCli(['correction', 'add', '--edition', 'ar', '--nid', String(rows[0]!.nid), '--kind', 'update', '--text', text], { FOLIO_DATABASE_URL: databaseUrl, FOLIO_REDIS_URL: REDIS });
    assert.equal(cli.code, 0, cli.stderr);
    const started = Date.now();
    for (const port of [base + 1, base + 2]) {
      let seen = false;
      while (!seen && Date.now() - started < 1_000) seen = (await socketRequest(port, { path })).body.includes(text);
      assert.ok(seen, `instance ${port} shows the change within 1 s`);
    }
  });

  test('with one instance killed (SIGKILL), reads through nginx keep succeeding', async () => {
    const pid = Number(readFileSync(join(dir, `instance-${base + 2}.pid`), 'utf8'));
    process.kill(pid, 'SIGKILL');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await socketRequest(base, { path: `/archive?k=${i}` })).status);
    assert.deepEqual(statuses.filter((s) => s !== 200), [], 'no failed read');
  });
});
