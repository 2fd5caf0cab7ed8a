// folio_bm25's document-frequency cache, A/B against another checkout's build (issue 14, point 3).
// On one file, servers of the two builds take turns (a fresh server each round, page cache off):
// a few warm-up queries, then
//   cold: new queries whose words no earlier query on that server used (every count is made), and
//   warm: new combinations of the cold queries' words (each a new query to the search service, but
//         with the extension every phrase's count is remembered).
// The old build has no cache, so its two passes differ only in which queries they ask.
// `npx tsx bench/search-df-cache.ts <file.db> <en|ar> <old checkout> [rounds] [queries]`; prints
// wall p50 / p99 and the server's CPU per query (/proc) for each build and pass, medians of the rounds.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startFolio } from './folio-server.ts';
import { sampleQueries, type BenchQuery } from './search-scale.ts';

const [file, edition = 'en', oldCheckout, rounds = '3', count = '60'] = process.argv.slice(2);
if (!file || !oldCheckout) throw new Error('usage: search-df-cache.ts <file.db> <en|ar> <old checkout> [rounds] [queries]');
const BUILDS = { old: join(resolve(oldCheckout), 'bin', 'folio.js'), new: fileURLToPath(new URL('../bin/folio.js', import.meta.url)) };
const prefix = edition === 'ar' ? '/ar' : '';
const WARM_UP = 12;

/** The words of a query as typed (a prefix keeps its star). */
function wordsOf(query: BenchQuery): string[] {
  return query.q.split(/[^\p{L}\p{N}*]+/u).filter(Boolean);
}

/** Queries none of whose words an earlier one in the list used. */
function freshWords(queries: readonly BenchQuery[], used: Set<string>, limit: number): BenchQuery[] {
  const kept: BenchQuery[] = [];
  for (const q of queries) {
    const words = wordsOf(q);
    if (kept.length >= limit || words.some((w) => used.has(w))) continue;
    for (const w of words) used.add(w);
    kept.push(q);
  }
  return kept;
}

const used = new Set<string>();
const cold = freshWords(sampleQueries(file, edition, Number(count) * 4, 21), used, Number(count));
const warmUp = freshWords(sampleQueries(file, edition, WARM_UP * 8, 1021), used, WARM_UP);
// Warm: pairs of words the cold pass asked for, none asked before as such; some with a year seen before.
const seen = cold.flatMap(wordsOf);
const years = cold.flatMap((q) => (q.year === undefined ? [] : [q.year]));
const asked = new Set(cold.map((q) => q.q));
const warm: BenchQuery[] = [];
for (let i = 0; warm.length < cold.length && i < seen.length * 4; i++) {
  const [a, b] = [seen[i % seen.length]!, seen[(i * 7 + 3) % seen.length]!];
  const q = `${a} ${b}`;
  if (a === b || asked.has(q)) continue;
  asked.add(q);
  warm.push(warm.length % 4 === 1 && years.length > 0 ? { q, year: years[warm.length % years.length]! } : { q });
}

function pathOf(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.newest) params.set('sort', 'newest');
  if (query.year !== undefined) params.set('year', String(query.year));
  return `${prefix}/search?${params.toString()}`;
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const at = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const median = (values: readonly number[]) => at([...values].sort((a, b) => a - b), 0.5);

interface Pass { p50: number; p99: number; cpu: number }
const results: Record<string, { cold: Pass[]; warm: Pass[] }> = { old: { cold: [], warm: [] }, new: { cold: [], warm: [] } };
const loads: number[] = [];

async function round(build: 'old' | 'new'): Promise<void> {
  const port = process.env.FOLIO_BENCH_PORT ? Number(process.env.FOLIO_BENCH_PORT) : await freePort();
  const server = await startFolio(`sqlite:${file}`, port, { FOLIO_PAGE_CACHE_MB: '0' }, BUILDS[build]);
  try {
    const time = async (query: BenchQuery) => {
      const started = performance.now();
      const res = await fetch(`${server.base}${pathOf(query)}`);
      await res.text();
      if (res.status !== 200) throw new Error(`${pathOf(query)} answered ${res.status}`);
      return performance.now() - started;
    };
    for (const q of warmUp) await time(q);
    for (const [name, queries] of [['cold', cold], ['warm', warm]] as const) {
      const cpu = cpuMs(server.child.pid!);
      const times: number[] = [];
      for (const q of queries) times.push(await time(q));
      const sorted = times.sort((a, b) => a - b);
      results[build]![name].push({ p50: at(sorted, 0.5), p99: at(sorted, 0.99), cpu: (cpuMs(server.child.pid!) - cpu) / queries.length });
    }
  } finally {
    await server.stop();
  }
  loads.push(loadavg()[0]!);
}

console.log(`${file} ${edition}: ${cold.length} cold queries, ${warm.length} warm, ${WARM_UP} warm-up; ${rounds} rounds per build, alternated`);
for (let r = 0; r < Number(rounds); r++) {
  for (const build of r % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) await round(build);
}
const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 1);
for (const build of ['old', 'new'] as const) {
  for (const pass of ['cold', 'warm'] as const) {
    const list = results[build]![pass];
    console.log(`${build.padEnd(3)} ${pass}: p50 ${fmt(median(list.map((p) => p.p50)))} ms, p99 ${fmt(median(list.map((p) => p.p99)))} ms, CPU ${fmt(median(list.map((p) => p.cpu)))} ms a query   (rounds: ${list.map((p) => `${fmt(p.p50)}/${fmt(p.p99)}/${fmt(p.cpu)}`).join('  ')})`);
  }
}
console.log(`load average (1 min) after each round: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
