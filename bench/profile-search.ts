// Where a new search query's time goes (issue 14, point 3): each store step of a first request
// timed on its own (CPU milliseconds: the machine is shared), per query kind, on one database. `npx tsx bench/profile-search.ts <file.db> <en|ar> [queries]`.
import { loadConfig } from '../src/config/config.ts';
import { openStoreRuntime } from '../src/runtime.ts';
import { sampleQueries } from './search-scale.ts';

const [url, edition = 'en', count = '60', sample] = process.argv.slice(2);
if (!url) throw new Error('usage: profile-search.ts <sqlite:file.db | postgres://…> <en|ar> [queries] [sample file]');
const file = sample ?? url.replace(/^sqlite:/, '');
const runtime = await openStoreRuntime(loadConfig({ ...process.env, FOLIO_LOG_LEVEL: 'warn' }, { databaseUrl: url }));
const ed = runtime.editions.get(edition);
const steps = new Map<string, number>();
const wrap = (target: Record<string, unknown>, name: string, label: string) => {
  const original = target[name] as (...a: unknown[]) => Promise<unknown>;
  target[name] = async function (this: unknown, ...args: unknown[]) {
    const started = process.cpuUsage();
    try {
      return await original.apply(this, args);
    } finally {
      const used = process.cpuUsage(started);
      steps.set(label, (steps.get(label) ?? 0) + (used.user + used.system) / 1000);
    }
  };
};
const store = runtime.store.search as unknown as Record<string, unknown>;
for (const name of ['search', 'count', 'facetRows', 'byDate', 'publishedLater']) wrap(store, name, name);
const content = runtime.store.content as unknown as Record<string, unknown>;
for (const name of ['summariesByIds', 'bodyOpenings']) wrap(content, name, name);
const queries = sampleQueries(file, edition, Number(count), 14);
const kinds = ['one', 'two', 'phrase', 'prefix', 'year', 'newest'];
const rows: { kind: string; q: string; total: number; ms: number; steps: Record<string, number> }[] = [];
for (const [i, query] of queries.entries()) {
  steps.clear();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await runtime.search.query(ed, { q: query.q, page: 0, sort: query.newest ? 'newest' : 'relevance', filters: query.year ? { year: query.year } : {} });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  steps.set('cpu', (used.user + used.system) / 1000);
  rows.push({ kind: kinds[i % 6]!, q: `${query.q}${query.year ? ` y${query.year}` : ''}`, total: outcome.kind === 'results' ? outcome.total : -1, ms, steps: Object.fromEntries([...steps].map(([k, v]) => [k, Math.round(v * 10) / 10])) });
}
rows.sort((a, b) => b.steps.cpu! - a.steps.cpu!);
const cpus = rows.map((r) => r.steps.cpu!).sort((a, b) => a - b);
const walls = rows.map((r) => r.ms).sort((a, b) => a - b);
console.log(`${url} ${edition}, ${rows.length} new queries: CPU p50 ${cpus[Math.floor(cpus.length / 2)]!.toFixed(1)} ms, max ${cpus[cpus.length - 1]!.toFixed(1)} ms; wall p50 ${walls[Math.floor(walls.length / 2)]!.toFixed(1)} ms, max ${walls[walls.length - 1]!.toFixed(1)} ms`);
for (const r of rows) console.log(`${r.ms.toFixed(1).padStart(7)} ms  ${r.kind.padEnd(6)} ${String(r.total).padStart(6)}  ${r.q.padEnd(28)} ${JSON.stringify(r.steps)}`);
await runtime.close();
