import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { SeededRandom } from '../../src/demo/seeded-random.ts';
import { facetToken } from '../../src/search/facet-tokens.ts';
import { indexText } from '../../src/search/index-text.ts';
import { parseQuery } from '../../src/search/parse-query.ts';
import type { Connection } from '../../src/store/connection.ts';
import { openStore } from '../../src/store/open-store.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { RANK_EXTENSION_FILE } from '../../src/store/sqlite/rank-extension.ts';
import { sqliteMatch } from '../../src/store/sqlite/search-store.ts';
import type { IndexDoc, Store } from '../../src/store/types.ts';

// folio_bm25 (src/store/sqlite/native/folio_rank.c) against FTS5's bm25() on the same rows, and
// search without the extension. SQLite only: PostgreSQL ranks with ts_rank_cd.
const BUILT = existsSync(RANK_EXTENSION_FILE);
const NOT_BUILT = BUILT ? false : `no ${RANK_EXTENSION_FILE} (npm run build compiles it when a C compiler is present)`;
const TOLERANCE = 1e-9;

const EN_WORDS = ['pledge', 'pledged', 'donors', 'border', 'crossing', 'rafah', 'electricity', 'tripoli', 'ministers', 'conference', 'reconstruction', 'power', 'talks', 'agreement', 'session', 'cairo', 'syria', 'lines', 'cross', 'crossed'];
const AR_WORDS = ['المدينة', 'القديمة', 'طرابلس', 'الوفد', 'المعلمات', 'الوزارة', 'الرواتب', 'الانتخابات', 'الحكومة', 'البرلمان', 'طريق', 'المحتلة', 'إسرائيل', 'اعتصمت', 'للمطالبة', 'الأراضي'];
const TAGS = ['Border', 'Energy', 'Aid', 'Crossing'];

/**
 * A deterministic corpus: `count` documents of an edition, words drawn unevenly so document
 * frequencies differ. Most drawn words are in over half the documents, where bm25's IDF is floored
 * and a stale count would not show, so a rarer word, quasar, is put in a few titles and bodies,
 * and quasarlike in a few others (a prefix of it matches more).
 */
function corpus(edition: 'en' | 'ar', firstNid: number, count: number, seed: number, extra = ''): IndexDoc[] {
  const rng = new SeededRandom(seed);
  const words = edition === 'en' ? EN_WORDS : AR_WORDS;
  // Squaring skews the draw towards the first words: some are in most documents, some in few.
  const word = () => words[Math.floor(rng.next() ** 2 * words.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const year = 2010 + (i % 5);
    const marker = edition === 'en' ? ['quasar pulsar', '', '', ''][i % 40] ?? '' : '';
    const bodyMarker = edition === 'en' ? (i % 40 === 20 ? 'quasar' : i % 40 === 10 ? 'quasarlike' : '') : '';
    const text = indexText({
      title: `${extra} ${marker} ${phrase(rng.int(2, 5))}`, bodyHtml: `<p>${phrase(rng.int(5, 40))} ${bodyMarker}</p>`, teaser: '',
      authors: [], tags: [rng.pick(TAGS)], section: null, credit: null, lang: edition,
      facets: [facetToken('year', year), facetToken('section', 1 + (i % 3))],
    });
    return { nid: firstNid + i, edition, publishedAt: Date.UTC(year, 0, 1 + (i % 300)) / 1000, text };
  });
}

/** Queries as readers type them: words, several words, a phrase, a prefix, OR, NOT, and facets. */
const QUERIES: { q: string; lang: 'en' | 'ar'; facets?: string[] }[] = [
  { q: 'pledge', lang: 'en' },
  { q: 'border crossing', lang: 'en' },
  { q: 'donors conference power', lang: 'en' },
  { q: '"border crossing"', lang: 'en' },
  { q: 'cross*', lang: 'en' },
  { q: 'pled*', lang: 'en' },
  { q: 'electricity OR ministers', lang: 'en' },
  { q: 'border -rafah', lang: 'en' },
  { q: 'border', lang: 'en', facets: [facetToken('year', 2012)] },
  { q: 'cross* talks', lang: 'en', facets: [facetToken('year', 2011), facetToken('section', 2)] },
  { q: 'طرابلس', lang: 'ar' },
  { q: 'المدينة القديمة', lang: 'ar' },
  { q: '"المدينة القديمة"', lang: 'ar' },
  { q: 'طراب*', lang: 'ar' },
  { q: 'الوزارة OR الرواتب', lang: 'ar' },
  { q: 'المدينة -طرابلس', lang: 'ar' },
  { q: 'الحكومة', lang: 'ar', facets: [facetToken('year', 2013)] },
];

/** FTS5 MATCH expressions written by hand: column filters, prefixes and first-token phrases of the same word. */
const RAW = ['quasar', 'quasar*', 'title : quasar', '{title body} : quasar', '- title : quasar', '^quasar', 'title : (quasar OR cross*)', '"quasar" + pulsar', 'body : quasar*', 'meta : border'];

function match(entry: (typeof QUERIES)[number]): string {
  const parsed = parseQuery(entry.q, entry.lang);
  if (!parsed.ok) throw new Error(`fixture query ${entry.q} does not parse`);
  return sqliteMatch(parsed.query, entry.facets ?? []);
}

/** Every match of `expr` with both scores, newest first. */
async function scores(connection: Connection, expr: string): Promise<{ nid: number; bm25: number; folio: number }[]> {
  return (await sql<{ nid: number; bm25: number; folio: number }>`select rowid as nid, bm25(search_fts, 10.0, 1.0, 4.0) as bm25,
    folio_bm25(search_fts, 10.0, 1.0, 4.0, ${expr}) as folio from search_fts where search_fts match ${expr} order by rowid desc`.execute(connection.db)).rows;
}

function largestDifference(rows: readonly { bm25: number; folio: number }[]): number {
  return Math.max(0, ...rows.map((r) => Math.abs(r.bm25 - r.folio)));
}

async function assertSameAsBm25(connection: Connection, expr: string): Promise<void> {
  const rows = await scores(connection, expr);
  assert.ok(rows.length > 0, `${expr} matches nothing in the fixture`);
  assert.ok(largestDifference(rows) <= TOLERANCE, `${expr}: folio_bm25 differs from bm25 by ${largestDifference(rows)}`);
}

async function openWithCorpus(rankExtension?: string | null): Promise<{ connection: Connection; store: Store }> {
  const connection = connectSqlite(':memory:', undefined, rankExtension === undefined ? {} : { rankExtension });
  const store = await openStore(connection);
  await store.search.index([...corpus('en', 1, 400, 7), ...corpus('ar', 10_001, 300, 8)]);
  return { connection, store };
}

describe('folio_bm25, the cached-IDF bm25 (SQLite)', { skip: NOT_BUILT }, () => {
  let connection: Connection;
  let store: Store;
  before(async () => {
    ({ connection, store } = await openWithCorpus());
  });
  after(async () => store.close());

  test('the extension loaded, and the store ranks with it', () => {
    assert.equal(connection.searchRanking?.fn, 'folio_bm25');
    assert.match(store.search.ranking, /folio_bm25/);
  });

  test('with a fresh cache, and again from the cache, every score equals bm25()', async () => {
    // A fresh connection per expression: nothing cached for it yet.
    for (const expr of [...QUERIES.map(match), ...RAW]) {
      const fresh = await openWithCorpus();
      try {
        await assertSameAsBm25(fresh.connection, expr);
      } finally {
        await fresh.store.close();
      }
    }
    // Then on one connection, twice over: the second pass reads every count from the cache.
    for (let pass = 0; pass < 2; pass++) {
      for (const expr of [...QUERIES.map(match), ...RAW]) await assertSameAsBm25(connection, expr);
    }
  });

  test('search results are the same with and without the extension', async () => {
    const plain = await openWithCorpus(null);
    try {
      assert.equal(plain.connection.searchRanking?.fn, 'bm25');
      for (const entry of QUERIES) {
        const parsed = parseQuery(entry.q, entry.lang);
        assert.ok(parsed.ok);
        const request = { edition: entry.lang, lang: entry.lang, query: parsed.query, sort: 'relevance' as const, offset: 0, limit: 50, countCap: 10_000, facets: entry.facets ?? [] };
        const [a, b] = [await store.search.search(request), await plain.store.search.search(request)];
        assert.deepEqual(a.hits.map((h) => h.nid), b.hits.map((h) => h.nid), entry.q);
        assert.ok(a.hits.every((h, i) => Math.abs(h.score - b.hits[i]!.score) <= TOLERANCE), entry.q);
        assert.ok(a.hits.length > 0, `${entry.q} finds nothing in the fixture`);
      }
    } finally {
      await plain.store.close();
    }
  });

  test('a count is kept until the row count drifts, then counted again; each phrase has its own', async () => {
    const own = await openWithCorpus();
    try {
      await assertSameAsBm25(own.connection, 'quasar');
      // 5 more documents with the word: 0.7% more rows, under the drift that forces a recount.
      await own.store.search.index(corpus('en', 20_001, 5, 9, 'quasar'));
      const stale = await scores(own.connection, 'quasar');
      assert.ok(largestDifference(stale) > TOLERANCE, 'the cached count was not used');
      // The same word with a prefix flag, a column filter or a first-token flag is another phrase,
      // never counted before: its count is fresh.
      for (const expr of RAW.filter((e) => e !== 'quasar')) await assertSameAsBm25(own.connection, expr);
      // 20 more: 3.5% past the count's row count, so it is counted again.
      await own.store.search.index(corpus('en', 20_101, 20, 10, 'quasar'));
      await assertSameAsBm25(own.connection, 'quasar');
    } finally {
      await own.store.close();
    }
  });

  test('a count older than the age limit is counted again, however little the row count moved', async () => {
    const own = await openWithCorpus();
    try {
      const maxAge = async (ms: number) => (await sql<{ previous: number }>`select folio_bm25_max_age(${ms}) as previous`.execute(own.connection.db)).rows[0]!.previous;
      await assertSameAsBm25(own.connection, 'quasar');
      // A burst of the word within the drift: the kept count is used while it is young enough.
      await own.store.search.index(corpus('en', 20_001, 5, 9, 'quasar'));
      assert.ok(largestDifference(await scores(own.connection, 'quasar')) > TOLERANCE, 'the kept count was used');
      assert.equal(await maxAge(0), 10 * 60 * 1000, 'ten minutes unless set');
      // With a limit of 0 every kept count is too old: counted again, equal to bm25().
      await assertSameAsBm25(own.connection, 'quasar');
      assert.equal(await maxAge(10 * 60 * 1000), 0);
      // The recount was kept: 5 more rows are again within the drift, and the fresh count is used.
      await own.store.search.index(corpus('en', 20_101, 5, 10, 'quasar'));
      assert.ok(largestDifference(await scores(own.connection, 'quasar')) > TOLERANCE, 'the recount was kept and used');
      await assert.rejects(maxAge(-1), /whole number of milliseconds/);
      await assert.rejects(maxAge(1.5), /whole number of milliseconds/);
    } finally {
      await own.store.close();
    }
  });

  test('without the expression argument it counts every time, as bm25() does', async () => {
    const own = await openWithCorpus();
    try {
      const bare = async () => (await sql<{ bm25: number; folio: number }>`select bm25(search_fts, 10.0, 1.0, 4.0) as bm25,
        folio_bm25(search_fts, 10.0, 1.0, 4.0) as folio from search_fts where search_fts match 'quasar'`.execute(own.connection.db)).rows;
      assert.ok(largestDifference(await bare()) <= TOLERANCE);
      await own.store.search.index(corpus('en', 20_001, 5, 9, 'quasar'));
      assert.ok(largestDifference(await bare()) <= TOLERANCE);
    } finally {
      await own.store.close();
    }
  });
});

describe('search without the ranking extension (SQLite)', () => {
  for (const [label, file] of [['not loaded', null], ['missing file', '/nonexistent/folio-rank.so']] as const) {
    test(`${label}: ranks with bm25() and says so`, async () => {
      const { connection, store } = await openWithCorpus(file);
      try {
        assert.equal(connection.searchRanking?.fn, 'bm25');
        assert.match(store.search.ranking, /bm25\(\)/);
        const parsed = parseQuery('border crossing', 'en');
        assert.ok(parsed.ok);
        const result = await store.search.search({ edition: 'en', lang: 'en', query: parsed.query, sort: 'relevance', offset: 0, limit: 10, countCap: 10_000 });
        assert.ok(result.hits.length > 0);
        assert.ok(result.hits.every((h, i) => i === 0 || h.score <= result.hits[i - 1]!.score), 'hits are ranked best first');
      } finally {
        await store.close();
      }
    });
  }
});
