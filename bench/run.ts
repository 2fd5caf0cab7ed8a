// `npm run bench`: Folio's speed and memory against baselines measured in the same run.
// Not a test: it prints a table of ratios for the issue notes. See README "Benchmark".
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { capture, startBaseline } from './baseline-server.ts';
import { freePort, startFolio } from './folio-server.ts';
import { haveWrk, wrk, type WrkResult } from './wrk.ts';
import { measureComments } from './comments-bench.ts';
import { measureFormat } from './format-bench.ts';
import { measureFormatMemory } from './format-memory.ts';
import { measureSearch } from './search-bench.ts';
import { measureDrupalImport, measureWarcImport, type ImportMeasure } from './import-bench.ts';
import { measureStaticExport } from './export-bench.ts';
import { measureCluster, percentile } from './cluster-bench.ts';
import { cacheCounts, measureByteBound, measurePolicies, zipfPaths } from './cache-bench.ts';
import { measureRevisionDiff } from './revision-diff-bench.ts';
import { mediaSection } from './media-bench.ts';
import { articleSaveSection } from './article-save-bench.ts';
import { recordSummary, summaryTable } from './summary.ts';


const ARTICLES = Number(process.env.FOLIO_BENCH_ARTICLES ?? 100_000);
const SECONDS = Number(process.env.FOLIO_BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
const DB_FILE = `${CACHE_DIR}folio-${ARTICLES}.db`;
const DATABASE = `sqlite:${DB_FILE}`;
const HEADERS = { 'accept-encoding': 'gzip' };

function ensureDatabase(): void {
  if (existsSync(DB_FILE)) return;
  mkdirSync(CACHE_DIR, { recursive: true });
  console.log(`Generating a ${ARTICLES.toLocaleString('en')}-article archive once (cached at ${DB_FILE}) …`);
  execFileSync(process.execPath, [fileURLToPath(new URL('../bin/folio.js', import.meta.url)), 'demo', '--articles', String(ARTICLES), '--database', DATABASE], { stdio: 'inherit' });
}

/** Every article path of the English archive (the cache-miss runs pick among all of them). */
function allArticlePaths(): string[] {
  const db = new SqliteDatabase(DB_FILE, { readonly: true });
  const rows = db.prepare(`select path from nodes where edition = 'en' and kind = 'article' and status = 1 and path is not null order by nid`).all() as { path: string }[];
  db.close();
  return rows.map((r) => `/${r.path}`);
}

/**
 * The URL sets: random article pages, a tag listing deep in its pager, the home page. `paths`
 * are what the warm and baseline runs serve (2,000 articles: a warm cache holds them all);
 * `missPaths` what the cache-miss runs ask for: for articles, every article of the archive, so
 * that no run is helped by SQLite's or the OS's cache of a small working set (issue 14).
 */
function scenarios(): { name: string; paths: string[]; missPaths: string[] }[] {
  const db = new SqliteDatabase(DB_FILE, { readonly: true });
  const articles = db.prepare(`select path from nodes where edition = 'en' and kind = 'article' and path is not null order by random() limit 2000`).all() as { path: string }[];
  const tag = db.prepare(`select t.path, count(*) as n from node_terms nt join terms t on t.tid = nt.tid where t.vocabulary = 'tag' and t.path is not null group by t.tid order by n desc limit 1`).get() as { path: string; n: number };
  db.close();
  const deep = Math.max(0, Math.floor(tag.n / 10) - 3);
  const all = allArticlePaths();
  const tagPaths = [`/${tag.path}?page=${deep}`];
  return [
    { name: `article (random of all ${all.length.toLocaleString('en')} when missing)`, paths: articles.map((a) => `/${a.path}`), missPaths: all },
    { name: `tag listing, page ${deep} of ${Math.ceil(tag.n / 10)}`, paths: tagPaths, missPaths: tagPaths },
    { name: 'home page', paths: ['/'], missPaths: ['/'] },
  ];
}

/** The run with the median requests per second of `runs` runs. */
async function medianOf(runs: number, once: () => Promise<WrkResult>): Promise<WrkResult> {
  const results: WrkResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  results.sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  return results[Math.floor(results.length / 2)]!;
}

async function measure(base: string, paths: string[]): Promise<WrkResult> {
  await wrk({ base, paths, connections: CONNECTIONS, threads: 2, seconds: 2, headers: HEADERS });
  return wrk({ base, paths, connections: CONNECTIONS, threads: 2, seconds: SECONDS, headers: HEADERS });
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function pagesSection(): Promise<void> {
  ensureDatabase();
  const sets = scenarios();
  const rows: string[][] = [];
  const verdicts: string[] = [];

  // Warm: the page cache is on and every page has been rendered and compressed once; the second
  // capture is what a warm reader gets (the kept, precompressed copies), and the baseline replays it.
  const warm = await startFolio(DATABASE, await freePort());
  for (const set of sets) await capture(warm.base, set.paths, HEADERS);
  await new Promise((r) => setTimeout(r, 500));
  const baselineServers = new Map<string, Awaited<ReturnType<typeof startBaseline>>>();
  for (const set of sets) baselineServers.set(set.name, await startBaseline(await capture(warm.base, set.paths, HEADERS)));
  // Cache miss: the page cache is off, so every request queries and renders.
  const cold = await startFolio(DATABASE, await freePort(), { FOLIO_PAGE_CACHE_MB: '0' });

  // The three servers take turns, run by run: this machine's speed swings by a third within
  // minutes, and a ratio of runs made minutes apart measured the swing as much as the server.
  // Each ratio is the median of the three runs' own ratios; the figures are the median runs.
  const baselines = new Map<string, WrkResult>();
  const warmResults = new Map<string, WrkResult>();
  const missResults = new Map<string, WrkResult>();
  const ratios = new Map<string, { warm: number; miss: number }>();
  for (const set of sets) {
    const baseline = baselineServers.get(set.name)!;
    const runs: { base: WrkResult; warm: WrkResult; miss: WrkResult }[] = [];
    for (let i = 0; i < 3; i++) {
      runs.push({
        base: await measure(baseline.url, set.paths),
        warm: await measure(warm.base, set.paths),
        miss: await measure(cold.base, set.missPaths),
      });
    }
    const median = (pick: (r: (typeof runs)[number]) => WrkResult) => runs.map(pick).sort((a, b) => a.requestsPerSec - b.requestsPerSec)[1]!;
    const medianRatio = (pick: (r: (typeof runs)[number]) => WrkResult) => runs.map((r) => pick(r).requestsPerSec / r.base.requestsPerSec).sort((a, b) => a - b)[1]!;
    baselines.set(set.name, median((r) => r.base));
    warmResults.set(set.name, median((r) => r.warm));
    missResults.set(set.name, median((r) => r.miss));
    ratios.set(set.name, { warm: medianRatio((r) => r.warm), miss: medianRatio((r) => r.miss) });
    baseline.server.close();
  }
  const warmMemory = warm.memory();
  const coldMemory = cold.memory();
  await warm.stop();
  await cold.stop();

  for (const set of sets) {
    const base = baselines.get(set.name)!;
    const w = warmResults.get(set.name)!;
    const m = missResults.get(set.name)!;
    const { warm: warmRatio, miss: missRatio } = ratios.get(set.name)!;
    rows.push([set.name, 'baseline (median of 3, alternated)', fmt(base.requestsPerSec, 0), fmt(base.p50ms, 2), fmt(base.p99ms, 2), '1.00', '']);
    rows.push(['', 'warm (median of 3, alternated)', fmt(w.requestsPerSec, 0), fmt(w.p50ms, 2), fmt(w.p99ms, 2), fmt(warmRatio, 2), '≥ 0.70, p99 < 5 ms']);
    rows.push(['', 'cache miss (median of 3, alternated)', fmt(m.requestsPerSec, 0), fmt(m.p50ms, 2), fmt(m.p99ms, 2), fmt(missRatio, 2), '≥ 0.10']);
    const label = set.name.startsWith('article') ? 'article' : set.name.startsWith('tag') ? 'deep tag page' : 'home page';
    recordSummary({ measure: `${label}, cache miss (${ARTICLES.toLocaleString('en')} articles, median of 3 alternated with the baseline)`, figure: `${fmt(m.requestsPerSec, 0)} req/s, p99 ${fmt(m.p99ms, 1)} ms`, baseline: `node:http ${fmt(base.requestsPerSec, 0)} req/s`, ratio: fmt(missRatio, 2), target: '≥ 0.10', meets: missRatio >= 0.1 });
    recordSummary({ measure: `${label}, warm`, figure: `${fmt(w.requestsPerSec, 0)} req/s, p99 ${fmt(w.p99ms, 2)} ms`, baseline: `node:http ${fmt(base.requestsPerSec, 0)} req/s`, ratio: fmt(warmRatio, 2), target: '≥ 0.70, p99 < 5 ms', meets: warmRatio >= 0.7 && w.p99ms < 5 });
    verdicts.push(`${set.name}: warm ${warmRatio >= 0.7 && w.p99ms < 5 ? 'meets' : 'MISSES'} its target, miss ${missRatio >= 0.1 ? 'meets' : 'MISSES'} its target${w.errors + m.errors + w.non2xx + m.non2xx > 0 ? ` (errors: ${w.errors + m.errors}, non-2xx: ${w.non2xx + m.non2xx})` : ''}`);
  }
  const peak = Math.max(warmMemory.peakMb, coldMemory.peakMb);
  console.log(`\nFolio page benchmark: ${ARTICLES.toLocaleString('en')} articles, SQLite, wrk ${CONNECTIONS} connections, ${SECONDS} s per run, Accept-Encoding: gzip; baseline, warm and miss runs take turns, and each ratio is the median of three turns' own ratios\n`);
  const header = ['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  recordSummary({ measure: 'page server peak RSS', figure: `${fmt(peak, 0)} MB`, baseline: '—', ratio: '—', target: '< 300 MB', meets: peak < 300 });
  console.log(`\nServer memory: peak RSS ${fmt(peak, 0)} MB (warm run ${fmt(warmMemory.peakMb, 0)} MB, cache-miss run ${fmt(coldMemory.peakMb, 0)} MB); target < 300 MB: ${peak < 300 ? 'meets' : 'MISSES'}`);
  for (const v of verdicts) console.log(`- ${v}`);
}

async function commentsSection(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const r = await measureComments(SECONDS);
  const rate = r.stored / r.postingSeconds;
  console.log(`\nComment benchmark: POST /comment/reply/<nid> with anti-abuse on, SQLite synchronous=FULL, group commit, ${SECONDS} s per run\n`);
  console.log(`(load average before the run: ${load}; after: ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  console.log(`durable comments posted (median of 3 runs): ${fmt(r.posting.requestsPerSec, 0)}/s (p50 ${fmt(r.posting.p50ms, 2)} ms, p99 ${fmt(r.posting.p99ms, 2)} ms; non-2xx/3xx ${r.posting.non2xx}); rows stored ${r.stored} (${fmt(rate, 0)}/s averaged over all posting runs); target ≥ 3,000/s: ${r.posting.requestsPerSec >= 3000 ? 'meets' : 'MISSES'}`);
  console.log(`baseline, bare node:http + better-sqlite3 (synchronous=FULL, group commit, no framework, filter or checks), median of 3 alternated with Folio's: ${fmt(r.baseline.requestsPerSec, 0)}/s (p99 ${fmt(r.baseline.p99ms, 2)} ms; rows stored ${r.baselineStored}, ${fmt(r.baselineStored / r.baselineSeconds, 0)}/s averaged); Folio/baseline ${fmt(r.posting.requestsPerSec / r.baseline.requestsPerSec, 2)}`);
  const readRatio = r.readWhilePosting.p99ms / r.readIdle.p99ms;
  recordSummary({ measure: 'durable comment posts over HTTP (median of 3)', figure: `${fmt(r.posting.requestsPerSec, 0)}/s`, baseline: `bare node:http + better-sqlite3 ${fmt(r.baseline.requestsPerSec, 0)}/s`, ratio: fmt(r.posting.requestsPerSec / r.baseline.requestsPerSec, 2), target: '≥ 3,000/s', meets: r.posting.requestsPerSec >= 3000 });
  recordSummary({ measure: 'article read p99 during the comment flood', figure: `${fmt(r.readWhilePosting.p99ms, 1)} ms`, baseline: `idle p99 ${fmt(r.readIdle.p99ms, 1)} ms`, ratio: fmt(readRatio, 2), target: '≤ 2', meets: readRatio <= 2 });
  console.log(`article read p99: idle ${fmt(r.readIdle.p99ms, 2)} ms (${fmt(r.readIdle.requestsPerSec, 0)} req/s), while posting ${fmt(r.readWhilePosting.p99ms, 2)} ms (${fmt(r.readWhilePosting.requestsPerSec, 0)} req/s, with ${fmt(r.postingWithReads.requestsPerSec, 0)} posts/s alongside); ratio ${fmt(r.readWhilePosting.p99ms / r.readIdle.p99ms, 2)}, target ≤ 2: ${r.readWhilePosting.p99ms <= 2 * r.readIdle.p99ms ? 'meets' : 'MISSES'}`);
}

function formatSection(): void {
  const r = measureFormat();
  console.log(`\nFormat benchmark: filtered_html over ${r.corpus} demo comment bodies (English and Arabic)\n`);
  console.log(`Folio filtered_html: ${fmt(r.folioPerSec, 0)} comments/s; baseline linkify-it + paragraphs + sanitize-html: ${fmt(r.baselinePerSec, 0)} comments/s; ratio ${fmt(r.folioPerSec / r.baselinePerSec, 2)}, target ≥ 1: ${r.folioPerSec >= r.baselinePerSec ? 'meets' : 'MISSES'}`);
  console.log('\nPeak memory growth formatting hostile comments at the size limit (each in a fresh process), target < 64 MiB:\n');
  for (const row of measureFormatMemory()) {
    console.log(`${row.format.padEnd(13)} ${row.shape.padEnd(62)} ${fmt(row.mib, 1).padStart(6)} MiB  ${row.mib < 64 ? 'meets' : 'MISSES'}  ${row.outcome.slice(0, 60)}`);
  }
}

function revisionsSection(): void {
  const r = measureRevisionDiff();
  const at = (xs: number[], p: number) => fmt(percentile(xs, p), 2);
  console.log(`\nRevision diff benchmark: ${r.pairs} pairs of long articles (about ${r.words} words, English and Arabic), one word in twenty changed and a paragraph dropped\n`);
  console.log(`Folio (blocks, Intl.Segmenter words): p50 ${at(r.folio, 50)} ms, p99 ${at(r.folio, 99)} ms; baseline jsdiff diffWords on the whole text: p50 ${at(r.baseline, 50)} ms, p99 ${at(r.baseline, 99)} ms; p50 ratio ${fmt(percentile(r.folio, 50) / percentile(r.baseline, 50), 2)}`);
}

async function searchSection(): Promise<void> {
  const articles = Number(process.env.FOLIO_BENCH_SEARCH_ARTICLES ?? 1_000_000);
  const r = await measureSearch(articles, SECONDS, CACHE_DIR);
  console.log(`\nSearch benchmark: ${articles.toLocaleString('en')} articles, SQLite FTS5, page cache off, wrk 10 connections, ${SECONDS} s per query type`);
  console.log(`database ${fmt(r.databaseMb, 0)} MB${r.indexBuildSeconds === null ? ' (index already built)' : `, index built in ${fmt(r.indexBuildSeconds, 1)} s`}\n`);
  const header = ['query type', 'HTTP p50', 'HTTP p99', 'req/s', 'bare FTS p50', 'bare FTS p99', 'p99 ratio', 'target'];
  const lines = r.rows.map((row) => [row.name, `${fmt(row.http.p50ms, 2)} ms`, `${fmt(row.http.p99ms, 2)} ms`, fmt(row.http.requestsPerSec, 0),
    `${fmt(row.bare.p50ms, 2)} ms`, `${fmt(row.bare.p99ms, 2)} ms`, fmt(row.http.p99ms / row.bare.p99ms, 2),
    row.http.p99ms < 50 ? 'p99 < 50 ms: meets' : 'p99 < 50 ms: MISSES']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const l of lines) console.log(line(l));
}

async function importSection(): Promise<void> {
  const nodes = Number(process.env.FOLIO_BENCH_IMPORT_NODES ?? 100_000);
  const pages = Number(process.env.FOLIO_BENCH_IMPORT_PAGES ?? 10_000);
  console.log(`\nImport benchmark: the real CLI importing into a fresh SQLite database (WAL, synchronous=NORMAL for the import, search index built in bulk), against the source read alone`);
  const drupal = await measureDrupalImport(nodes, nodes * 3);
  console.log(`Drupal 7 database generated in MariaDB: ${drupal.nodes.toLocaleString('en')} nodes, ${drupal.comments.toLocaleString('en')} comments (built in ${fmt(drupal.buildSeconds, 1)} s)`);
  const warc = await measureWarcImport(pages, CACHE_DIR);
  console.log(`WARC generated once (cached): ${warc.nodes.toLocaleString('en')} article pages, ${warc.comments.toLocaleString('en')} comments, ${fmt(warc.warcMb, 1)} MB\n`);
  const row = (m: ImportMeasure, target: number) => [
    m.name, `${fmt(m.nodes / m.readSeconds, 0)}/s`, `${fmt(m.importSeconds, 1)} s`, `${fmt(m.importCpuSeconds, 1)} s`, `${fmt(m.nodes / m.importSeconds, 0)}/s`,
    `${fmt((m.nodes + m.comments) / m.importSeconds, 0)}/s`, fmt((m.nodes / m.importSeconds) / (m.nodes / m.readSeconds), 2), `${fmt(m.peakRssMb, 0)} MB`,
    `${target > 0 ? `≥ ${target} nodes/s: ${m.nodes / m.importSeconds >= target ? 'meets' : 'MISSES'}; ` : ''}RSS < 500 MB: ${m.peakRssMb < 500 ? 'meets' : 'MISSES'}`,
  ];
  const header = ['source', 'read alone', 'import time', 'CPU time', 'nodes', 'nodes+comments', 'ratio', 'peak RSS', 'target'];
  const lines = [row(drupal, 2000), row(warc, 0)];
  const drupalRate = drupal.nodes / drupal.importSeconds;
  recordSummary({ measure: `Drupal import, ${drupal.nodes.toLocaleString('en')} nodes`, figure: `${fmt(drupalRate, 0)} nodes/s, peak RSS ${fmt(drupal.peakRssMb, 0)} MB`, baseline: `source read alone ${fmt(drupal.nodes / drupal.readSeconds, 0)} nodes/s`, ratio: fmt(drupalRate / (drupal.nodes / drupal.readSeconds), 2), target: '≥ 2,000 nodes/s, RSS < 500 MB', meets: drupalRate >= 2000 && drupal.peakRssMb < 500 });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const l of lines) console.log(line(l));
}

async function exportSection(): Promise<void> {
  const articles = Number(process.env.FOLIO_BENCH_EXPORT_ARTICLES ?? ARTICLES);
  const r = await measureStaticExport(articles, CACHE_DIR);
  const minutes = r.seconds / 60;
  console.log(`\nStatic export benchmark: ${articles.toLocaleString('en')}-article archive (cached), every page of both editions rendered by the real routes (the main thread and worker threads, one thread per core)`);
  console.log(`${r.pages.toLocaleString('en')} pages, ${r.files.toLocaleString('en')} files, ${fmt(r.bytes / 1024 / 1024, 0)} MiB in ${fmt(r.seconds, 1)} s, ${fmt(r.cpuSeconds, 1)} s of CPU (${fmt(r.pagesPerSecond, 0)} pages/s); unchanged re-export ${fmt(r.rerunSeconds, 1)} s`);
  recordSummary({ measure: `static export, ${articles.toLocaleString('en')} articles`, figure: `peak RSS ${fmt(r.peakRssMb, 0)} MB, ${fmt(minutes, 1)} min`, baseline: `unchanged re-export ${fmt(r.rerunSeconds, 1)} s`, ratio: '—', target: '< 500 MB, < 4 min at 100,000', meets: articles >= 100_000 ? r.peakRssMb < 500 && minutes < 4 : null });
  console.log(`peak RSS (render threads included) ${fmt(r.peakRssMb, 0)} MB; targets at 100,000 articles: under 4 minutes ${articles >= 100_000 ? (minutes < 4 ? 'meets' : 'MISSES') : `not measured (this run: ${fmt(minutes, 1)} min for ${articles.toLocaleString('en')})`}, peak RSS < 500 MB ${r.peakRssMb < 500 ? 'meets' : 'MISSES'}`);
}

async function clusterSection(): Promise<void> {
  const r = await measureCluster(SECONDS);
  const ratio = r.threeInstances.requestsPerSec / r.oneInstance.requestsPerSec;
  console.log(`\nCluster benchmark: npm run cluster (PostgreSQL, Redis, nginx with upstream keep-alive) on this ${availableParallelism()}-core machine, wrk 50 connections through nginx, ${SECONDS} s per run\n`);
  console.log(`warm article (random of 2,000): 1 instance ${fmt(r.oneInstance.requestsPerSec, 0)} req/s (p50 ${fmt(r.oneInstance.p50ms, 2)} ms, p99 ${fmt(r.oneInstance.p99ms, 2)} ms); ` +
    `3 instances ${fmt(r.threeInstances.requestsPerSec, 0)} req/s (p50 ${fmt(r.threeInstances.p50ms, 2)} ms, p99 ${fmt(r.threeInstances.p99ms, 2)} ms); ratio 3/1 ${fmt(ratio, 2)}` +
    `${r.oneInstance.errors + r.threeInstances.errors + r.oneInstance.non2xx + r.threeInstances.non2xx > 0 ? ` (errors ${r.oneInstance.errors + r.threeInstances.errors}, non-2xx ${r.oneInstance.non2xx + r.threeInstances.non2xx})` : ''}`);
  console.log('  (nginx, wrk and every instance share the same cores: a warm page costs an instance little more than nginx spends relaying it, so more instances add processes competing for the CPU, not capacity)');
  console.log(`Arabic article reads through nginx, 3 instances: idle p99 ${fmt(r.readIdle.p99ms, 2)} ms (${fmt(r.readIdle.requestsPerSec, 0)} req/s); during a comment flood p99 ${fmt(r.readDuringFlood.p99ms, 2)} ms ` +
    `(${fmt(r.readDuringFlood.requestsPerSec, 0)} req/s, non-2xx ${r.readDuringFlood.non2xx}) with ${fmt(r.flood.requestsPerSec, 0)} comments/s posted (non-2xx/3xx ${r.flood.non2xx}, errors ${r.flood.errors})`);
  console.log(`  page cache of the 3 instances: idle ${r.cacheIdle.hits} hits, ${r.cacheIdle.misses} misses; during the flood ${r.cacheFlood.hits} hits, ${r.cacheFlood.misses} misses (each published comment drops the edition's pages everywhere)`);
  console.log(`change visible on another instance (comment 303 on one, poll another's cached page, ${r.propagationMs.length} samples): p50 ${fmt(percentile(r.propagationMs, 50), 1)} ms, p99 ${fmt(percentile(r.propagationMs, 99), 1)} ms, max ${fmt(Math.max(...r.propagationMs), 1)} ms; target < 1,000 ms: ${Math.max(...r.propagationMs) < 1000 ? 'meets' : 'MISSES'}`);
}

/**
 * Issue 14, point 2: the eviction policy on a synthetic stream, the byte bound against the heap,
 * the real server's hit ratio and RSS on a Zipf + crawler mix over the whole archive, and the
 * disk tier serving pages the memory tier cannot hold.
 */
async function cacheSection(): Promise<void> {
  ensureDatabase();
  const budget = 48 * 1024 * 1024;
  console.log(`\nPage cache benchmark: eviction policies replayed on a synthetic stream (100,000 pages of ~16 KB, 48 MB, 300,000 requests, the first fifth to warm up)\n`);
  const policyRows = measurePolicies(budget, 100_000, 300_000);
  const names = policyRows[0]!.ratios.map((r) => r.policy);
  const header = ['request mix', ...names.map((n) => `${n} hit ratio`)];
  const lines = policyRows.map((row) => [row.mix, ...row.ratios.map((r) => fmt(r.hitRatio, 3))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const l of lines) console.log(line(l));

  const bound = await measureByteBound(16 * 1024 * 1024);
  const held = bound.heapGrowth + bound.externalGrowth;
  console.log(`\nByte bound (16 MB cache filled with 30 KB pages, ${bound.entries} entries): counted ${fmt(bound.counted / 1048576, 2)} MB, heap + buffers grew ${fmt(held / 1048576, 2)} MB (held/counted ${fmt(held / bound.counted, 2)}; ${(globalThis as { gc?: unknown }).gc ? 'after gc' : 'run with --expose-gc for a settled figure'})`);

  // The real server, 48 MB cache, a Zipf 0.9 mix with a 20% crawler share over every article.
  const all = allArticlePaths();
  const mix = zipfPaths(all, 50_000, 0.9, 0.2);
  const served = await startFolio(DATABASE, 18083, { FOLIO_METRICS_PORT: '18093' });
  const seconds = Math.max(SECONDS, 20);
  const result = await wrk({ base: served.base, paths: mix, connections: CONNECTIONS, threads: 2, seconds, headers: HEADERS });
  const counts = await cacheCounts('http://127.0.0.1:18093/metrics');
  const memory = served.memory();
  await served.stop();
  console.log(`\nServer, 48 MB cache, Zipf 0.9 + 20% uniform crawler over all ${all.length.toLocaleString('en')} articles, ${seconds} s from cold: hit ratio ${fmt(counts.hits / Math.max(1, counts.hits + counts.misses), 3)} (${counts.hits} hits, ${counts.misses} misses), ${fmt(result.requestsPerSec, 0)} req/s, p99 ${fmt(result.p99ms, 1)} ms; RSS ${fmt(memory.rssMb, 0)} MB, peak ${fmt(memory.peakMb, 0)} MB`);

  // Disk tier: 1 MB of memory cannot hold the crawl; the second pass is served from disk.
  const crawl = zipfPaths(all, 3_000, 0.9, 1, 5);
  const dir = mkdtempSync(`${CACHE_DIR}page-cache-`);
  try {
    const disk = await startFolio(DATABASE, 18084, { FOLIO_PAGE_CACHE_MB: '1', FOLIO_PAGE_CACHE_DIR: dir });
    const started = performance.now();
    for (let i = 0; i < crawl.length; i += 25) await Promise.all(crawl.slice(i, i + 25).map((p) => fetch(`${disk.base}${p}`, { headers: HEADERS }).then((r) => r.arrayBuffer())));
    const firstPass = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2000)); // compression and file writes finish off the request path
    const fromDisk = await medianOf(3, () => wrk({ base: disk.base, paths: crawl, connections: CONNECTIONS, threads: 2, seconds: SECONDS, headers: HEADERS }));
    await disk.stop();
    const cold = await startFolio(DATABASE, 18085, { FOLIO_PAGE_CACHE_MB: '0' });
    const rendered = await medianOf(3, () => wrk({ base: cold.base, paths: crawl, connections: CONNECTIONS, threads: 2, seconds: SECONDS, headers: HEADERS }));
    await cold.stop();
    console.log(`Disk tier (FOLIO_PAGE_CACHE_DIR, 1 MB in memory): a crawl of ${crawl.length.toLocaleString('en')} articles took ${fmt(firstPass, 1)} s the first time; then ${fmt(fromDisk.requestsPerSec, 0)} req/s (p99 ${fmt(fromDisk.p99ms, 1)} ms) from disk against ${fmt(rendered.requestsPerSec, 0)} req/s rendering (cache off), ×${fmt(fromDisk.requestsPerSec / rendered.requestsPerSec, 1)} (medians of 3)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SECTIONS = ['pages', 'cache', 'comments', 'format', 'search', 'import', 'export', 'cluster', 'revisions', 'media', 'newsroom'] as const;
const wanted = process.argv.slice(2).filter((a) => (SECTIONS as readonly string[]).includes(a));
const unknown = process.argv.slice(2).filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')} (default: all)`);
  process.exit(2);
}
const run = wanted.length > 0 ? wanted : [...SECTIONS];
if ((run.includes('pages') || run.includes('cache') || run.includes('comments') || run.includes('search') || run.includes('cluster')) && !(await haveWrk())) {
  console.error('bench: wrk is not installed. Install it with: apt-get install -y wrk');
  process.exit(1);
}
if (run.includes('format')) formatSection();
if (run.includes('revisions')) revisionsSection();
if (run.includes('comments')) await commentsSection();
if (run.includes('pages')) await pagesSection();
if (run.includes('cache')) await cacheSection();
if (run.includes('search')) await searchSection();
if (run.includes('search')) await (await import('./search-scale.ts')).searchScaleSection(CACHE_DIR);
if (run.includes('import')) await importSection();
if (run.includes('export')) await exportSection();
if (run.includes('cluster')) await clusterSection();
if (run.includes('media')) await mediaSection();
if (run.includes('newsroom')) await articleSaveSection();

const summary = summaryTable();
if (summary) console.log(`\nIssue 14's table, from this run:\n\n${summary}`);
