import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { startFolio } from './folio-server.ts';
import { wrk, type WrkResult } from './wrk.ts';

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));

/** One row of the search benchmark. */
export interface SearchBenchRow {
  readonly name: string;
  readonly http: WrkResult;
  readonly bare: { p50ms: number; p99ms: number };
}

/** The whole search benchmark's figures. */
export interface SearchBenchResult {
  readonly articles: number;
  readonly indexBuildSeconds: number | null;
  readonly databaseMb: number;
  readonly rows: readonly SearchBenchRow[];
}

const QUERIES: readonly { name: string; edition: 'en' | 'ar'; q: string[]; match: string[]; facet?: string }[] = [
  { name: 'en one word', edition: 'en', q: ['gaza', 'refugees', 'electricity', 'parliament'], match: ['"gaza"', '"refuge"', '"electr"', '"parliament"'] },
  { name: 'en two words', edition: 'en', q: ['gaza ceasefire', 'border crossing', 'bread prices'], match: ['"gaza" AND "ceasefir"', '"border" AND "cross"', '"bread" AND "price"'] },
  { name: 'en phrase', edition: 'en', q: ['"border crossing"', '"municipal library"'], match: ['"border cross"', '"municip librari"'] },
  { name: 'en prefix', edition: 'en', q: ['refu*', 'elec*', 'parl*'], match: ['"refu"*', '"elec"*', '"parl"*'] },
  { name: 'en faceted', edition: 'en', q: ['gaza&year=2014', 'border&year=2013'], match: ['"gaza" AND meta : "folioyr20140"', '"border" AND meta : "folioyr20130"'] },
  { name: 'ar one word', edition: 'ar', q: ['غزة', 'الحكومة'], match: ['"غزه"', '"حكوم"'] },
  { name: 'ar phrase', edition: 'ar', q: ['"المعبر الحدودي"'], match: ['"معبر حدودي"'] },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Times the bare FTS5 query (what an engine alone costs) on the same database, in this process. */
function bareFts(file: string, matches: readonly string[], rounds: number): { p50ms: number; p99ms: number } {
  const db = new SqliteDatabase(file, { readonly: true });
  const stmt = db.prepare('select rowid from search_fts where search_fts match ? order by rank limit 10');
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    stmt.all(matches[i % matches.length]);
    times.push(performance.now() - started);
  }
  db.close();
  times.sort((a, b) => a - b);
  return { p50ms: percentile(times, 0.5), p99ms: percentile(times, 0.99) };
}

/** Search latency through HTTP against the bare engine, on a generated archive (cached between runs). */
export async function measureSearch(articles: number, seconds: number, cacheDir: string): Promise<SearchBenchResult> {
  mkdirSync(cacheDir, { recursive: true });
  const file = `${cacheDir}folio-${articles}.db`;
  if (!existsSync(file)) {
    console.log(`Generating a ${articles.toLocaleString('en')}-article archive once (cached at ${file}) …`);
    execFileSync(process.execPath, [BIN, 'demo', '--articles', String(articles), '--database', `sqlite:${file}`], { stdio: 'inherit' });
  }
  let indexBuildSeconds: number | null = null;
  const check = new SqliteDatabase(file, { readonly: true });
  const indexed = (check.prepare('select count(*) as n from search_docs').get() as { n: number }).n;
  const nodes = (check.prepare('select count(*) as n from nodes').get() as { n: number }).n;
  check.close();
  if (indexed < nodes) {
    const started = performance.now();
    execFileSync(process.execPath, [BIN, 'reindex', '--database', `sqlite:${file}`], { stdio: 'inherit' });
    indexBuildSeconds = (performance.now() - started) / 1000;
  }
  const server = await startFolio(`sqlite:${file}`, 18095, { FOLIO_PAGE_CACHE_MB: '0' });
  const rows: SearchBenchRow[] = [];
  try {
    for (const query of QUERIES) {
      const prefix = query.edition === 'ar' ? '/ar' : '';
      const paths = query.q.map((q) => {
        const [text, facet] = q.split('&');
        return `${prefix}/search?q=${encodeURIComponent(text!)}${facet ? `&${facet}` : ''}`;
      });
      await wrk({ base: server.base, paths, connections: 10, threads: 1, seconds: 1 });
      const http = await wrk({ base: server.base, paths, connections: 10, threads: 1, seconds });
      rows.push({ name: query.name, http, bare: bareFts(file, query.match, 300) });
    }
  } finally {
    await server.stop();
  }
  return { articles, indexBuildSeconds, databaseMb: statSync(file).size / 1024 / 1024, rows };
}
