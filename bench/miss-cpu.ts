// CPU time per cache-miss page, in process (app.inject, no socket): the render path's own cost,
// which a busy shared machine disturbs far less than requests per second. Usage:
//   node --import tsx bench/miss-cpu.ts <database file> [article|tag|home] [requests]
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../src/config/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { buildApp } from '../src/web/app.ts';
import { SeededRandom } from '../src/demo/seeded-random.ts';

const [file, kind = 'article', countArg = '3000'] = process.argv.slice(2);
if (!file) {
  console.error('usage: miss-cpu.ts <database file> [article|tag|home] [requests]');
  process.exit(2);
}
const db = new SqliteDatabase(file, { readonly: true });
let paths: string[];
if (kind === 'article') {
  paths = (db.prepare(`select path from nodes where edition = 'en' and kind = 'article' and status = 1 and path is not null`).all() as { path: string }[]).map((r) => `/${r.path}`);
} else if (kind === 'tag') {
  const tag = db.prepare(`select t.path, count(*) as n from node_terms nt join terms t on t.tid = nt.tid where t.vocabulary = 'tag' and t.path is not null group by t.tid order by n desc limit 1`).get() as { path: string; n: number };
  paths = Array.from({ length: Math.ceil(tag.n / 10) }, (_, page) => `/${tag.path}?page=${page}`);
} else {
  paths = ['/'];
}
db.close();
const runtime = await openRuntime(loadConfig({ FOLIO_PAGE_CACHE_MB: '0', FOLIO_LOG_LEVEL: 'warn' }, { databaseUrl: `sqlite:${file}`, port: 8080 }));
const folio = await buildApp(runtime);
// A fixed sequence of random pages (the demo's seeded generator), so two builds are measured on the same pages.
const random = new SeededRandom(14);
const next = () => random.next();
const request = async () => {
  const res = await folio.app.inject({ method: 'GET', url: paths[Math.floor(next() * paths.length)]!, headers: { 'accept-encoding': 'gzip' } });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}`);
};
for (let i = 0; i < 300; i++) await request();
const count = Number(countArg);
const before = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < count; i++) await request();
const used = process.cpuUsage(before);
console.log(`${kind}: ${count} cache misses in process, ${((used.user + used.system) / 1000 / count).toFixed(3)} ms CPU each (${((performance.now() - started) / count).toFixed(3)} ms wall)`);
await folio.app.close();
await runtime.close();
