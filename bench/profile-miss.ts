// Profiles the cache-miss path (issue 14): `folio serve` with the page cache off under
// `node --cpu-prof`, wrk asking for one page kind drawn at random from every page of that kind,
// then the profile's top frames (profile-top.ts). Usage:
//   node --import tsx bench/profile-miss.ts <database file> [article|tag|home] [seconds] [--no-profile]
//   (FOLIO_BENCH_PORT sets the server's port, 18571 by default)
// It also prints the server's CPU time per request (from /proc), which a busy machine leaves
// nearly untouched where requests per second halve: the figure to compare across changes.
// The profile is left in bench/.cache/profiles/ for a flame graph (Chrome DevTools, speedscope).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { wrk } from './wrk.ts';

const args = process.argv.slice(2);
const profiling = !args.includes('--no-profile');
const [file, kind = 'article', secondsArg = '10'] = args.filter((a) => a !== '--no-profile');
if (!file) {
  console.error('usage: profile-miss.ts <database file> [article|tag|home] [seconds]  (make one with `folio demo --articles 100000`)');
  process.exit(2);
}
// FOLIO_BENCH_PORT: another port, for runs beside someone else's on a shared machine.
const PORT = Number(process.env.FOLIO_BENCH_PORT ?? 18_571);
const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));
const DIR = fileURLToPath(new URL('./.cache/profiles/', import.meta.url));

/** The paths of one page kind: every English article, the biggest tag's pages, or the home page. */
function pathsOf(kindName: string): string[] {
  const db = new SqliteDatabase(file!, { readonly: true });
  try {
    if (kindName === 'article') {
      return (db.prepare(`select path from nodes where edition = 'en' and kind = 'article' and status = 1 and path is not null`).all() as { path: string }[]).map((r) => `/${r.path}`);
    }
    if (kindName === 'tag') {
      const tag = db.prepare(`select t.path, count(*) as n from node_terms nt join terms t on t.tid = nt.tid where t.vocabulary = 'tag' and t.path is not null group by t.tid order by n desc limit 1`).get() as { path: string; n: number };
      return Array.from({ length: Math.ceil(tag.n / 10) }, (_, page) => `/${tag.path}?page=${page}`);
    }
    return ['/'];
  } finally {
    db.close();
  }
}

mkdirSync(DIR, { recursive: true });
const paths = pathsOf(kind);
const started = Date.now();
const child = spawn(process.execPath, [...(profiling ? ['--cpu-prof', `--cpu-prof-dir=${DIR}`] : []), BIN, 'serve', '--no-demo', '--port', String(PORT), '--host', '127.0.0.1', '--database', `sqlite:${file}`], {
  env: { ...process.env, FOLIO_LOG_LEVEL: 'warn', FOLIO_PAGE_CACHE_MB: '0' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(`${base}/`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
const headers = { 'accept-encoding': 'gzip' };
await wrk({ base, paths, connections: 50, threads: 2, seconds: 2, headers });
/** The server's user + system CPU time so far, in ms (/proc/<pid>/stat, in clock ticks of 10 ms). */
const cpuMs = (): number => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const cpuBefore = cpuMs();
const result = await wrk({ base, paths, connections: 50, threads: 2, seconds: Number(secondsArg), headers });
const requests = result.requestsPerSec * Number(secondsArg);
console.log(`${kind}: ${paths.length.toLocaleString('en')} paths, ${result.requestsPerSec.toFixed(0)} req/s, p50 ${result.p50ms.toFixed(2)} ms, p99 ${result.p99ms.toFixed(2)} ms, non-2xx ${result.non2xx}; server CPU ${((cpuMs() - cpuBefore) / requests).toFixed(3)} ms per request${profiling ? ' (profiler on)' : ''}`);
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});
// One profile per thread (CPU.<date>.<time>.<pid>.<thread>.<seq>): the main thread is thread 0;
// the others are tsx's loader and the comment writer.
if (!profiling) process.exit(0);
const profile = readdirSync(DIR).map((f) => `${DIR}${f}`).filter((f) => /\.0\.\d+\.cpuprofile$/.test(f) && statSync(f).mtimeMs >= started).sort().at(-1);
if (!profile) throw new Error(`no profile written in ${DIR}`);
console.log(`profile: ${profile}`);
execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./profile-top.ts', import.meta.url)), profile, '15'], { stdio: 'inherit' });
