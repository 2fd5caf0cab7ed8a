import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { wrk, type WrkResult } from './wrk.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PG_ADMIN = process.env.FOLIO_BENCH_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.FOLIO_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
/** Kept between runs (like bench/.cache): the demo is generated into it once. */
const DB = 'folio_bench_cluster';
const DEMO_ARGS = process.env.FOLIO_BENCH_CLUSTER_DEMO_ARGS ?? '--articles 2000 --arabic 100';
const PROPAGATION_SAMPLES = 40;

/** What the cluster benchmark measured. */
export interface ClusterBenchResult {
  readonly oneInstance: WrkResult;
  readonly threeInstances: WrkResult;
  readonly readIdle: WrkResult;
  readonly readDuringFlood: WrkResult;
  readonly flood: WrkResult;
  /** Milliseconds from a comment's 303 on one instance to its text on another's page. */
  readonly propagationMs: readonly number[];
  /** Page-cache hits and misses of the three instances during the idle read and during the flood. */
  readonly cacheIdle: CacheCounts;
  readonly cacheFlood: CacheCounts;
}

/** Page-cache hits and misses summed over instances. */
export interface CacheCounts { readonly hits: number; readonly misses: number }

/** The page-cache counters of the instances, read from their metrics ports (instance port + 1000). */
async function cacheCounts(ports: readonly number[]): Promise<CacheCounts> {
  let hits = 0;
  let misses = 0;
  for (const port of ports) {
    const text = (await fetchRaw(port + 1000, '/metrics', `127.0.0.1:${port + 1000}`)).body;
    hits += Number(/folio_page_cache_requests_total\{result="hit"\} (\d+)/.exec(text)?.[1] ?? 0);
    misses += Number(/folio_page_cache_requests_total\{result="miss"\} (\d+)/.exec(text)?.[1] ?? 0);
  }
  return { hits, misses };
}

const minus = (a: CacheCounts, b: CacheCounts): CacheCounts => ({ hits: a.hits - b.hits, misses: a.misses - b.misses });

interface Answer { status: number; body: string; location?: string }

/** One GET or POST on a fresh connection, with the Host nginx forwards (the page cache's key includes it). */
function fetchRaw(port: number, path: string, host: string, post?: { body: string; ip: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, 'accept-encoding': 'identity' };
    if (post) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': post.ip });
    const req = request({ host: '127.0.0.1', port, path, method: post ? 'POST' : 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ...(res.headers.location ? { location: res.headers.location } : {}) }));
    });
    req.on('error', reject);
    req.end(post?.body);
  });
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/**
 * `npm run bench -- cluster`: the deployment `npm run cluster` starts (PostgreSQL, Redis, nginx),
 * with 1 and then 3 instances behind the same nginx: warm article throughput, read latency while
 * comments flood in, and how long a comment posted on one instance takes to show on another.
 */
export async function measureCluster(seconds: number): Promise<ClusterBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-cluster-'));
  const configFile = join(dir, 'folio.json');
  writeFileSync(configFile, JSON.stringify({ editions: { ar: { commentPolicy: 'open' } } }));
  const base = 41_000 + Math.floor(Math.random() * 2_000);
  const host = `127.0.0.1:${base}`;
  const env = {
    ...process.env, FOLIO_CLUSTER_DIR: join(dir, 'cluster'), FOLIO_CLUSTER_PORT: String(base), FOLIO_CLUSTER_FIRST_PORT: String(base + 1),
    FOLIO_CLUSTER_DB: DB, FOLIO_CLUSTER_PG_ADMIN: PG_ADMIN, FOLIO_CLUSTER_REDIS: REDIS, FOLIO_CLUSTER_DEMO_ARGS: DEMO_ARGS,
    FOLIO_CONFIG: configFile, FOLIO_MIN_POST_SECONDS: '0', FOLIO_FLOOD_LIMIT: '10000', FOLIO_LOG_LEVEL: 'warn',
  };
  const cluster = (...args: string[]) => run('bash', ['scripts/cluster.sh', ...args], { cwd: ROOT, env, timeout: 900_000 });
  const ports = (n: number) => Array.from({ length: n }, (_, i) => base + 1 + i);
  const nginx = `http://${host}`;
  const gzip = { 'accept-encoding': 'gzip' };
  try {
    await cluster('up', '1');
    const client = new pg.Client({ connectionString: PG_ADMIN.replace(/\/[^/]*$/, `/${DB}`) });
    await client.connect();
    const en = (await client.query<{ path: string }>("SELECT path FROM nodes WHERE edition = 'en' AND kind = 'article' AND path IS NOT NULL ORDER BY random() LIMIT 2000")).rows.map((r) => `/${encodeURI(r.path)}`);
    const ar = (await client.query<{ nid: number; path: string }>("SELECT nid, path FROM nodes WHERE edition = 'ar' AND kind = 'article' AND path IS NOT NULL ORDER BY nid LIMIT 50")).rows;
    await client.end();

    // Every instance renders each page once and keeps it compressed (under nginx's Host).
    const warm = async (n: number) => {
      for (const port of ports(n)) for (const path of en) await fetchRaw(port, path, host);
      await wrk({ base: nginx, paths: en, connections: 50, threads: 2, seconds: 2, headers: gzip });
    };
    await warm(1);
    const oneInstance = await wrk({ base: nginx, paths: en, connections: 50, threads: 2, seconds, headers: gzip });
    await cluster('down');

    await cluster('up', '3');
    await warm(3);
    const threeInstances = await wrk({ base: nginx, paths: en, connections: 50, threads: 2, seconds, headers: gzip });

    // A comment flood on the Arabic articles while readers read them (each comment drops the
    // edition's cached pages on every instance, so readers meet cache misses too).
    const arPaths = ar.map((r) => `/ar/${encodeURI(r.path)}`);
    const tokens: { path: string; body: string }[] = [];
    for (const row of ar) {
      const form = await fetchRaw(base + 1, `/ar/comment/reply/${row.nid}`, host);
      const token = /name="form_token" value="([^"]+)"/.exec(form.body)?.[1];
      if (!token) throw new Error(`no form token for node ${row.nid}`);
      tokens.push({ path: `/ar/comment/reply/${row.nid}`, body: new URLSearchParams({
        op: 'save', form_token: token, website: '', name: 'Bench Reader', mail: 'bench@example.net', homepage: '', subject: '',
        comment: 'تعليق من اختبار الأداء، مع رابط www.example.com\nوسطر ثانٍ.',
      }).toString() });
    }
    // Propagation (before the flood, so each comment lands on its article's first page, which the
    // reading instance has cached): post on one instance, poll another's copy until it shows.
    const propagationMs: number[] = [];
    for (let i = 0; i < PROPAGATION_SAMPLES; i++) {
      const [from, to] = [ports(3)[i % 3]!, ports(3)[(i + 1) % 3]!];
      const row = ar[i % ar.length]!;
      const target = tokens[i % tokens.length]!;
      const path = `/ar/${encodeURI(row.path)}`;
      await fetchRaw(to, path, host); // cached on the reading instance before the change
      const text = `propagation-${Date.now()}-${i}`;
      const body = target.body.replace(/comment=[^&]*/, `comment=${encodeURIComponent(text)}`);
      const posted = await fetchRaw(from, target.path, host, { body, ip: `10.77.${i >> 8}.${i & 255}` });
      if (posted.status !== 303) throw new Error(`posting answered ${posted.status}`);
      const started = performance.now();
      // The 303 names the page the comment is on (the article's first, cached above, unless it is long).
      // Its "?comment=posted" is left out: that URL is never cached, so it would always be fresh.
      const shown = new URL(posted.location ?? path, nginx);
      const page = shown.searchParams.get('page');
      const reading = `${shown.pathname}${page ? `?page=${page}` : ''}`;
      for (;;) {
        const page = await fetchRaw(to, reading, host);
        if (page.body.includes(text)) break;
        if (performance.now() - started > 10_000) throw new Error(`comment ${i} did not show on instance ${to} within 10 s`);
      }
      propagationMs.push(performance.now() - started);
    }
    for (const port of ports(3)) for (const path of arPaths) await fetchRaw(port, path, host);
    const c0 = await cacheCounts(ports(3));
    const readIdle = await wrk({ base: nginx, paths: arPaths, connections: 25, threads: 1, seconds, headers: gzip });
    const c1 = await cacheCounts(ports(3));
    const [readDuringFlood, flood] = await Promise.all([
      wrk({ base: nginx, paths: arPaths, connections: 25, threads: 1, seconds, headers: gzip }),
      wrk({ base: nginx, paths: tokens.map((t) => t.path), bodies: tokens.map((t) => t.body), randomClientIp: true, connections: 25, threads: 1, seconds }),
    ]);
    const c2 = await cacheCounts(ports(3));

    return { oneInstance, threeInstances, readIdle, readDuringFlood, flood, propagationMs, cacheIdle: minus(c1, c0), cacheFlood: minus(c2, c1) };
  } finally {
    await cluster('down').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    // The bench's own database goes with it (the cluster script keeps its database for `up` again).
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect().then(() => admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`)).catch(() => undefined).finally(() => admin.end().catch(() => undefined));
  }
}
