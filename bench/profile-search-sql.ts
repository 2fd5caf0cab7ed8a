// Where a new search query's SQL time goes on SQLite (issue 14, point 3): each statement of a first
// request run bare on one file, in CPU ms (the machine is shared), with the parts of the ranked
// read taken apart: the newest-first walk alone, bm25's corpus-wide document frequencies alone
// (a one-row ranked read), and the whole ranked read; with the ranking extension built, the ranked
// read with folio_bm25 too, first with nothing cached (folioCold: the extension is loaded afresh
// before each query, which gives the function a new, empty cache) and then again (folioWarm:
// every phrase's count remembered), and its one-row read warm (folioIdf: what is left of the IDF). `npx tsx bench/profile-search-sql.ts <file.db> <en|ar> [queries]`.
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { facetToken } from '../src/search/facet-tokens.ts';
import { parseQuery } from '../src/search/parse-query.ts';
import { MATCH_COUNT_CAP } from '../src/search/query-limits.ts';
import { RELEVANCE_CANDIDATES } from '../src/store/search/index-sources.ts';
import { fts5Expression } from '../src/store/search/match-expression.ts';
import { RANK_EXTENSION_FILE } from '../src/store/sqlite/rank-extension.ts';
import { sampleQueries } from './search-scale.ts';

/** Facets count over this many of the newest matches (FACET_SAMPLE in search-service.ts). */
const FACET_SAMPLE = 1000;

const [file, edition = 'en', count = '60'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-search-sql.ts <file.db> <en|ar> [queries]');
const db = new SqliteDatabase(file, { readonly: true });
const folio = existsSync(RANK_EXTENSION_FILE);
const lang = edition === 'ar' ? 'ar' : 'en';
// The statements sqlite/search-store.ts runs, written out.
const from = 'search_fts cross join search_docs on search_docs.nid = search_fts.rowid where search_fts match ? and search_docs.edition = ?';
const bm25 = 'bm25(search_fts, 10.0, 1.0, 4.0)';
const statements = {
  walk: db.prepare(`select search_fts.rowid as nid from ${from} order by search_fts.rowid desc limit ${RELEVANCE_CANDIDATES}`),
  idf: db.prepare(`select search_fts.rowid as nid, ${bm25} as score from ${from} order by search_fts.rowid desc limit 1`),
  ranked: db.prepare(`select search_fts.rowid as nid, ${bm25} as score from ${from} order by search_fts.rowid desc limit ${RELEVANCE_CANDIDATES}`),
  count: db.prepare(`select count(*) as n from (select search_fts.rowid from ${from} and search_fts.rowid < ? limit ${MATCH_COUNT_CAP + 1 - RELEVANCE_CANDIDATES})`),
  facets: db.prepare('select published_at, facet_ids, credit from search_docs where nid in (select value from json_each(?))'),
};
const folioRanked = (limit: number) => `select search_fts.rowid as nid, folio_bm25(search_fts, 10.0, 1.0, 4.0, ?) as score from ${from} order by search_fts.rowid desc limit ${limit}`;
/** A fresh cache: the extension registered again (FTS5 finds the newest), and statements prepared against it. */
function freshFolio(): Record<string, SqliteDatabase.Statement> {
  db.loadExtension(RANK_EXTENSION_FILE);
  const ranked = db.prepare(folioRanked(RELEVANCE_CANDIDATES));
  return { folioCold: ranked, folioWarm: ranked, folioIdf: db.prepare(folioRanked(1)) };
}
const cpu = (f: () => unknown): [number, unknown] => {
  const started = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(started);
  return [(used.user + used.system) / 1000, result];
};
const times: Record<string, number[]> = {};
for (const query of sampleQueries(file, edition, Number(count), 14)) {
  const parsed = parseQuery(query.q, lang);
  if (!parsed.ok) continue;
  const match = [...(query.year !== undefined ? [`meta : ${facetToken('year', query.year)}`] : []), `(${fts5Expression(parsed.query)})`].join(' AND ');
  // Once untimed, so every statement below finds the pages it reads in SQLite's cache alike.
  const nids = (statements.walk.all(match, edition) as { nid: number }[]).map((r) => r.nid);
  const row: Record<string, number> = {};
  for (const [name, statement] of Object.entries({ ...statements, ...(folio ? freshFolio() : {}) })) {
    if (name === 'count' && nids.length < RELEVANCE_CANDIDATES) continue;
    const args = name === 'facets' ? [JSON.stringify(nids.slice(0, FACET_SAMPLE))] : name === 'count' ? [match, edition, nids[nids.length - 1]]
      : name.startsWith('folio') ? [match, match, edition] : [match, edition];
    const [ms] = cpu(() => statement.all(...args));
    row[name] = ms;
    (times[name] ??= []).push(ms);
  }
  console.log(`${query.q.padEnd(28)} ${String(nids.length).padStart(5)}  ${Object.entries(row).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('  ')}`);
}
const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const at = (a: number[], p: number) => sorted(a)[Math.min(a.length - 1, Math.floor(a.length * p))]!;
console.log(`\n${file} ${edition}: CPU ms per statement (count: only queries with ${RELEVANCE_CANDIDATES} candidates)`);
for (const [name, list] of Object.entries(times)) {
  console.log(`${name.padEnd(7)} median ${at(list, 0.5).toFixed(1)}  p90 ${at(list, 0.9).toFixed(1)}  max ${at(list, 1).toFixed(1)}  mean ${(list.reduce((a, b) => a + b, 0) / list.length).toFixed(1)}  (${list.length} queries)`);
}
db.close();
