// Search's first request at scale (issue 14, point 3): many distinct realistic queries, each
// asked once on a fresh server (a new query: nothing remembered) and then again (repeated), on a
// 1,000,000-article English archive and a 1,000,000-article Arabic edition. The baseline, timed in
// the same run on the same file, is what every first request used to pay before anything else:
// counting every match.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { SeededRandom } from '../src/demo/seeded-random.ts';
import { facetToken } from '../src/search/facet-tokens.ts';
import { parseQuery } from '../src/search/parse-query.ts';
import { MATCH_COUNT_CAP } from '../src/search/query-limits.ts';
import { fts5Expression } from '../src/store/search/match-expression.ts';
import { editionToken } from '../src/store/sqlite/search-store.ts';
import { startFolio } from './folio-server.ts';
import { recordSummary } from './summary.ts';

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));
const QUERIES_PER_EDITION = Number(process.env.FOLIO_BENCH_SEARCH_QUERIES ?? 60);
const ROUNDS = 3;
const WARM_UP_QUERIES = 12;
const TARGET_P99_MS = 100;

/** One query as a reader sends it. */
export interface BenchQuery {
  readonly q: string;
  readonly year?: number;
  readonly newest?: boolean;
}

/** p50 and p99 of one set of timings, in milliseconds. */
interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** One edition's figures, medians of ROUNDS rounds. */
export interface EditionFigures {
  readonly label: string;
  readonly queries: number;
  readonly first: Percentiles;
  readonly repeated: Percentiles;
  readonly fullCount: Percentiles;
  readonly cappedCount: Percentiles;
  readonly capped: number;
  /** The server's CPU time per new query and per repeated one, in ms (from /proc; medians of the rounds). */
  readonly cpuFirst: number;
  readonly cpuRepeated: number;
}

/** A process's user + system CPU time so far, in ms (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentiles(times: readonly number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function medianPercentiles(rounds: readonly Percentiles[]): Percentiles {
  return { p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)), max: median(rounds.map((r) => r.max)) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Generates a demo archive once (cached between runs). */
function ensureArchive(file: string, args: readonly string[]): void {
  if (existsSync(file)) return;
  console.log(`Generating ${args.join(' ')} once (cached at ${file}) …`);
  execFileSync(process.execPath, [BIN, 'demo', ...args, '--database', `sqlite:${file}`], { stdio: 'inherit' });
}

/**
 * Queries readers would type, drawn from the headlines of articles picked at random across the
 * whole edition: one word, two words, a phrase, a prefix, a word in one year, a word newest first.
 * Words from headlines range from the commonest in the archive to ones found a handful of times.
 */
export function sampleQueries(file: string, edition: string, count: number, seed: number): BenchQuery[] {
  const db = new SqliteDatabase(file, { readonly: true });
  const { lo, hi } = db.prepare('select min(nid) as lo, max(nid) as hi from nodes where edition = ?').get(edition) as { lo: number; hi: number };
  const pick = db.prepare("select title, published_at from nodes where edition = ? and nid >= ? and kind = 'article' order by nid limit 1");
  const rng = new SeededRandom(seed);
  const seen = new Set<string>();
  const queries: BenchQuery[] = [];
  for (let tries = 0; queries.length < count && tries < count * 20; tries++) {
    const row = pick.get(edition, rng.int(lo, hi)) as { title: string; published_at: number } | undefined;
    if (!row) continue;
    const words = row.title.split(/[^\p{L}]+/u).filter((w) => [...w].length >= 4);
    if (words.length < 2) continue;
    const i = rng.int(0, words.length - 2);
    const [a, b] = [words[i]!, words[i + 1]!];
    const kind = queries.length % 6;
    const query: BenchQuery = kind === 0 ? { q: a }
      : kind === 1 ? { q: `${a} ${words[rng.int(0, words.length - 1)]!}` }
        : kind === 2 ? { q: `"${a} ${b}"` }
          : kind === 3 ? { q: `${[...a].slice(0, 4).join('')}*` }
            : kind === 4 ? { q: b, year: new Date(Number(row.published_at) * 1000).getUTCFullYear() }
              : { q: a, newest: true };
    const key = JSON.stringify(query);
    if (!seen.has(key)) {
      seen.add(key);
      queries.push(query);
    }
  }
  db.close();
  return queries;
}

function pathOf(prefix: string, query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.newest) params.set('sort', 'newest');
  if (query.year !== undefined) params.set('year', String(query.year));
  return `${prefix}/search?${params.toString()}`;
}

/**
 * The count a first request pays, timed bare in FTS5 on the same queries: every match (as before
 * issue 14) and at most MATCH_COUNT_CAP + 1 (as now).
 */
function bareCounts(file: string, edition: string, lang: 'en' | 'ar', queries: readonly BenchQuery[]): { all: number[]; capped: number[] } {
  const db = new SqliteDatabase(file, { readonly: true });
  const all = db.prepare('select count(*) as n from search_fts where search_fts match ?');
  const capped = db.prepare('select count(*) as n from (select rowid from search_fts where search_fts match ? limit ?)');
  const times = { all: [] as number[], capped: [] as number[] };
  for (const query of queries) {
    const parsed = parseQuery(query.q, lang);
    if (!parsed.ok) continue;
    const narrowing = [editionToken(edition), ...(query.year !== undefined ? [facetToken('year', query.year)] : [])].map((t) => `meta : ${t}`).join(' AND ');
    const match = `${narrowing} AND (${fts5Expression(parsed.query)})`;
    let started = performance.now();
    all.get(match);
    times.all.push(performance.now() - started);
    started = performance.now();
    capped.get(match, MATCH_COUNT_CAP + 1);
    times.capped.push(performance.now() - started);
  }
  db.close();
  return times;
}

/** Each query once on a fresh server (new), then each again (repeated); ROUNDS rounds. */
export async function measureEdition(label: string, file: string, edition: string, lang: 'en' | 'ar', prefix: string, seed: number): Promise<EditionFigures> {
  const queries = sampleQueries(file, edition, QUERIES_PER_EDITION, seed);
  // A few other queries first, so a fresh process's compiling and connecting is not counted as a new query's cost.
  const measured = new Set(queries.map((q) => JSON.stringify(q)));
  const warmUp = sampleQueries(file, edition, WARM_UP_QUERIES * 2, seed + 1000).filter((q) => !measured.has(JSON.stringify(q))).slice(0, WARM_UP_QUERIES);
  const first: Percentiles[] = [];
  const repeated: Percentiles[] = [];
  const counts: Percentiles[] = [];
  const cappedCounts: Percentiles[] = [];
  let capped = 0;
  const cpuFirst: number[] = [];
  const cpuRepeated: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // FOLIO_BENCH_PORT pins the server's port (a shared machine hands out port ranges).
    const port = process.env.FOLIO_BENCH_PORT ? Number(process.env.FOLIO_BENCH_PORT) : await freePort();
    const server = await startFolio(`sqlite:${file}`, port, { FOLIO_PAGE_CACHE_MB: '0' });
    try {
      // Only the measured first requests are checked for a capped count; warm-up ones are not.
      let counting = false;
      const time = async (query: BenchQuery): Promise<number> => {
        const started = performance.now();
        const res = await fetch(`${server.base}${pathOf(prefix, query)}`);
        const body = await res.text();
        const elapsed = performance.now() - started;
        if (res.status !== 200) throw new Error(`${pathOf(prefix, query)} answered ${res.status}`);
        if (round === 0 && counting && /More than|أكثر من/.test(body)) capped++;
        return elapsed;
      };
      for (const query of warmUp) await time(query);
      counting = true;
      const news: number[] = [];
      let cpu = cpuMs(server.child.pid!);
      for (const query of queries) news.push(await time(query));
      cpuFirst.push((cpuMs(server.child.pid!) - cpu) / queries.length);
      counting = false;
      const again: number[] = [];
      cpu = cpuMs(server.child.pid!);
      for (const query of queries) again.push(await time(query));
      cpuRepeated.push((cpuMs(server.child.pid!) - cpu) / queries.length);
      first.push(percentiles(news));
      repeated.push(percentiles(again));
    } finally {
      await server.stop();
    }
    const bare = bareCounts(file, edition, lang, queries);
    counts.push(percentiles(bare.all));
    cappedCounts.push(percentiles(bare.capped));
  }
  return { label, queries: queries.length, first: medianPercentiles(first), repeated: medianPercentiles(repeated), fullCount: medianPercentiles(counts), cappedCount: medianPercentiles(cappedCounts), capped, cpuFirst: median(cpuFirst), cpuRepeated: median(cpuRepeated) };
}

function fmt(n: number): string {
  return n.toFixed(n < 10 ? 2 : 1);
}

/** `npm run bench -- search`: prints the first-request and repeated-query rows at scale. */
export async function searchScaleSection(cacheDir: string): Promise<void> {
  const articles = Number(process.env.FOLIO_BENCH_SEARCH_ARTICLES ?? 1_000_000);
  const arabic = Number(process.env.FOLIO_BENCH_SEARCH_ARABIC ?? 1_000_000);
  mkdirSync(cacheDir, { recursive: true });
  const enFile = process.env.FOLIO_BENCH_SEARCH_EN_DB ?? `${cacheDir}folio-${articles}.db`;
  const arFile = process.env.FOLIO_BENCH_SEARCH_AR_DB ?? `${cacheDir}folio-ar-${arabic}.db`;
  ensureArchive(enFile, ['--articles', String(articles)]);
  ensureArchive(arFile, ['--articles', '1200', '--arabic-articles', String(arabic)]);
  const rows = [
    await measureEdition(`English, ${articles.toLocaleString('en')} articles`, enFile, 'en', 'en', '', 14),
    await measureEdition(`Arabic, ${arabic.toLocaleString('en')} articles`, arFile, 'ar', 'ar', '/ar', 15),
  ];
  printSearchScale(rows);
  for (const [row, size] of [[rows[0]!, articles], [rows[1]!, arabic]] as const) {
    recordSummary({
      measure: `first request of a new search query, ${row.label}`,
      figure: `p99 ${fmt(row.first.p99)} ms (CPU ${fmt(row.cpuFirst)} ms a query); repeated p99 ${fmt(row.repeated.p99)} ms`,
      baseline: `bare FTS5 count of every match p99 ${fmt(row.fullCount.p99)} ms`,
      ratio: (row.first.p99 / row.fullCount.p99).toFixed(2),
      target: 'p99 < 100 ms at 1,000,000',
      // The target is set at 1,000,000 articles: a smaller archive's figure is shown, not judged.
      meets: size >= 1_000_000 ? row.first.p99 < TARGET_P99_MS : null,
    });
  }
}

/** The search-at-scale table. */
export function printSearchScale(rows: readonly EditionFigures[]): void {
  console.log(`\nSearch at scale: ${QUERIES_PER_EDITION} distinct queries per edition drawn from random headlines (one word, two words, phrase, prefix, word + year, newest first), each sent once to a fresh server (page cache off) and then again; medians of ${ROUNDS} rounds; CPU is the server's own per query (/proc), which a busy machine inflates far less than wall time (load average ${loadavg().map((l) => l.toFixed(1)).join(', ')}). Baseline: the count a first request paid before (every match) against the capped count, both bare FTS5 on the same queries and file, same run.\n`);
  const header = ['edition', 'queries', 'new p50', 'new p99', 'new CPU', 'repeated p50', 'repeated p99', 'repeated CPU', 'count all p50/p99', 'count capped p50/p99', 'capped/all p99', '"more than"', 'target'];
  const lines = rows.map((r) => [r.label, String(r.queries), `${fmt(r.first.p50)} ms`, `${fmt(r.first.p99)} ms`, `${fmt(r.cpuFirst)} ms`, `${fmt(r.repeated.p50)} ms`, `${fmt(r.repeated.p99)} ms`, `${fmt(r.cpuRepeated)} ms`,
    `${fmt(r.fullCount.p50)} / ${fmt(r.fullCount.p99)} ms`, `${fmt(r.cappedCount.p50)} / ${fmt(r.cappedCount.p99)} ms`, (r.cappedCount.p99 / r.fullCount.p99).toFixed(2), `${r.capped} of ${r.queries}`,
    r.first.p99 < TARGET_P99_MS ? `new p99 < ${TARGET_P99_MS} ms: meets` : `new p99 < ${TARGET_P99_MS} ms: MISSES`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (l: readonly string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const l of lines) console.log(line(l));
}
