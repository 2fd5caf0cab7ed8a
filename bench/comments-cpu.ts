// CPU time per durable comment, in process (app.inject, no socket): the posting path's own cost
// (form parsing, filter, anti-abuse, the writer thread, its group commits), which a busy shared
// machine disturbs far less than posts per second. Both threads count: process.cpuUsage() covers
// the writer thread too. Usage:
//   node --import tsx bench/comments-cpu.ts <database file> [comments] [in flight]
// The database is written to (comments are added): give it a copy.
import { readFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../src/config/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { buildApp } from '../src/web/app.ts';
import { SeededRandom } from '../src/demo/seeded-random.ts';

const [file, countArg = '6000', inFlightArg = '50'] = process.argv.slice(2);
if (!file) {
  console.error('usage: comments-cpu.ts <database file> [comments] [in flight]');
  process.exit(2);
}
const db = new SqliteDatabase(file, { readonly: true });
const nodes = db.prepare(`select nid from nodes where edition = 'en' and kind = 'article' and path is not null order by nid limit 400`).all() as { nid: number }[];
const stored = () => (db.prepare('select count(*) as n from comments').get() as { n: number }).n;
const runtime = await openRuntime(loadConfig({ FOLIO_LOG_LEVEL: 'warn', FOLIO_MIN_POST_SECONDS: '0', FOLIO_TRUST_PROXY: '127.0.0.1' }, { databaseUrl: `sqlite:${file}`, port: 8080 }));
const folio = await buildApp(runtime);
const posts: { url: string; payload: string }[] = [];
for (const { nid } of nodes) {
  const form = (await folio.app.inject({ method: 'GET', url: `/comment/reply/${nid}` })).body;
  const token = /name="form_token" value="([^"]+)"/.exec(form)?.[1];
  if (!token) throw new Error(`no form token for node ${nid}`);
  posts.push({ url: `/comment/reply/${nid}`, payload: new URLSearchParams({
    op: 'save', form_token: token, website: '', name: 'Bench Reader', mail: 'bench@example.net', homepage: '', subject: '',
    comment: 'A benchmark comment with a link to www.example.com,\na line break and <em>emphasis</em>.\n\nA second paragraph.',
  }).toString() });
}
// The same sequence of posts and client addresses in every build (the demo's seeded generator), as in miss-cpu.ts.
const random = new SeededRandom(14);
const next = () => random.next();
const post = async () => {
  const p = posts[Math.floor(next() * posts.length)]!;
  const ip = `10.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${1 + Math.floor(next() * 254)}`;
  const res = await folio.app.inject({ method: 'POST', url: p.url, payload: p.payload, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
  if (res.statusCode !== 303) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
};
/** `count` posts, `inFlight` at a time (as wrk's connections keep that many waiting). */
const flood = async (count: number, inFlight: number) => {
  let left = count;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (left-- > 0) await post();
  }));
};
await flood(500, Number(inFlightArg));
const count = Number(countArg);
const rows = stored();
/** The main thread's CPU in ms (/proc: clock ticks of 10 ms), apart from the writer thread's. */
const mainThreadMs = () => {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const mainBefore = mainThreadMs();
const before = process.cpuUsage();
const started = performance.now();
await flood(count, Number(inFlightArg));
const used = process.cpuUsage(before);
const mainUsed = mainThreadMs() - mainBefore;
const seconds = (performance.now() - started) / 1000;
const saved = stored() - rows;
if (saved !== count) throw new Error(`${count} posts answered 303 but ${saved} comments were stored`);
console.log(`${count} comments posted in process, ${Number(inFlightArg)} in flight: ${((used.user + used.system) / 1000 / count).toFixed(3)} ms CPU each ` +
  `(main thread ${(mainUsed / count).toFixed(3)} ms, system ${(used.system / 1000 / count).toFixed(3)} ms; ${(count / seconds).toFixed(0)}/s wall)`);
db.close();
await folio.app.close();
await runtime.close();
