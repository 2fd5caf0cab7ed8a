import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { startFolio } from './folio-server.ts';
import { wrk, type WrkResult } from './wrk.ts';

/** What the comment benchmark measured. */
export interface CommentBenchResult {
  readonly posting: WrkResult;
  readonly readIdle: WrkResult;
  readonly readWhilePosting: WrkResult;
  readonly postingWithReads: WrkResult;
  readonly stored: number;
  /** Seconds of posting in all (the median's runs and the run alongside reads): `stored` over this is the durable rate. */
  readonly postingSeconds: number;
  /** The same posts to a bare node:http + better-sqlite3 (synchronous=FULL, group commit) server, median of 3. */
  readonly baseline: WrkResult;
  /** Rows the baseline stored over its runs, and their seconds. */
  readonly baselineStored: number;
  readonly baselineSeconds: number;
}

const BASELINE = fileURLToPath(new URL('./comment-baseline-server.ts', import.meta.url));

/** Starts the bare baseline server on a fresh file and waits for its port. */
async function startCommentBaseline(file: string): Promise<{ base: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', BASELINE, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`comment baseline server exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** The median run of `runs` by requests per second. */
function median(runs: WrkResult[]): WrkResult {
  return [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(runs.length / 2)]!;
}

/** Posting runs of which the median is reported (issue 14: medians of 3). */
const POSTING_RUNS = 3;

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));

/**
 * Durable comments per second through HTTP (the real form endpoint, anti-abuse on, SQLite with
 * synchronous=FULL and group commit), and article-page read latency while they are posted.
 */
export async function measureComments(seconds: number): Promise<CommentBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-comments-'));
  const file = join(dir, 'folio.db');
  try {
    execFileSync(process.execPath, [BIN, 'demo', '--articles', '3000', '--arabic', '50', '--database', `sqlite:${file}`], { stdio: 'ignore' });
    const db = new SqliteDatabase(file, { readonly: true });
    const nodes = db.prepare(`select nid, path from nodes where edition = 'en' and kind = 'article' and path is not null order by nid limit 400`).all() as { nid: number; path: string }[];
    const before = (db.prepare('select count(*) as n from comments').get() as { n: number }).n;
    db.close();
    const server = await startFolio(`sqlite:${file}`, 18090, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_TRUST_PROXY: '127.0.0.1' });
    try {
      const posts: { path: string; body: string }[] = [];
      for (const node of nodes) {
        const form = await (await fetch(`${server.base}/comment/reply/${node.nid}`)).text();
        const token = /name="form_token" value="([^"]+)"/.exec(form)?.[1];
        if (!token) throw new Error(`no form token for node ${node.nid}`);
        posts.push({ path: `/comment/reply/${node.nid}`, body: new URLSearchParams({
          op: 'save', form_token: token, website: '', name: 'Bench Reader', mail: 'bench@example.net', homepage: '', subject: '',
          comment: 'A benchmark comment with a link to www.example.com,\na line break and <em>emphasis</em>.\n\nA second paragraph.',
        }).toString() });
      }
      const reads = nodes.map((n) => `/${n.path}`);
      const headers = { 'accept-encoding': 'gzip' };
      for (const r of reads) await fetch(`${server.base}${r}`, { headers });
      await wrk({ base: server.base, paths: reads, connections: 50, threads: 1, seconds: 2, headers });
      const readIdle = await wrk({ base: server.base, paths: reads, connections: 25, threads: 1, seconds, headers });
      const postOptions = { base: server.base, paths: posts.map((p) => p.path), bodies: posts.map((p) => p.body), randomClientIp: true };
      // Folio and the baseline alternate run by run, so a change in the machine's load touches both.
      const runs: WrkResult[] = [];
      const baselineRuns: WrkResult[] = [];
      const baselineFile = join(dir, 'baseline.db');
      const bare = await startCommentBaseline(baselineFile);
      try {
        for (let i = 0; i < POSTING_RUNS; i++) {
          runs.push(await wrk({ ...postOptions, connections: 50, threads: 1, seconds }));
          baselineRuns.push(await wrk({ ...postOptions, base: bare.base, connections: 50, threads: 1, seconds }));
        }
      } finally {
        await bare.stop();
      }
      const posting = median(runs);
      const baseline = median(baselineRuns);
      const bareDb = new SqliteDatabase(baselineFile, { readonly: true });
      const baselineStored = (bareDb.prepare('select count(*) as n from comments').get() as { n: number }).n;
      bareDb.close();
      const [readWhilePosting, postingWithReads] = await Promise.all([
        wrk({ base: server.base, paths: reads, connections: 25, threads: 1, seconds, headers }),
        wrk({ ...postOptions, connections: 25, threads: 1, seconds }),
      ]);
      await server.stop();
      const after = new SqliteDatabase(file, { readonly: true });
      const stored = (after.prepare('select count(*) as n from comments').get() as { n: number }).n - before;
      after.close();
      return { posting, readIdle, readWhilePosting, postingWithReads, stored, postingSeconds: seconds * (POSTING_RUNS + 1), baseline, baselineStored, baselineSeconds: seconds * POSTING_RUNS };
    } finally {
      if (server.child.exitCode === null) await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
