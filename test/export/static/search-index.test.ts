import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndexBuilder, type SearchDocument } from '../../../src/export/static/search-index.ts';

/** Runs the index's scripts the way the browser does and returns what they handed over. */
function load(files: { file: string; text: string }[]) {
  const docs = new Map<number, [string, string, string, string][]>();
  const shards = new Map<string, Record<string, number[]>>();
  let meta: { documents: number } | null = null;
  const folioSearch = {
    docs: (n: number, rows: [string, string, string, string][]) => docs.set(n, rows),
    shard: (key: string, postings: Record<string, number[]>) => shards.set(key, postings),
    meta: (m: { documents: number }) => (meta = m),
  };
  for (const f of files) new Function('folioSearch', f.text)(folioSearch);
  return { rows: [...docs.keys()].sort((a, b) => a - b).flatMap((n) => docs.get(n)!), shards, meta: meta as { documents: number } | null };
}

test('documents spilled during the crawl come back newest first, with a line longer than a read and Arabic text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-search-index-'));
  try {
    const builder = new SearchIndexBuilder('en', 'search-index/en/', join(dir, 'spill.jsonl'));
    const doc = (file: string, title: string, published: string, teaser = ''): SearchDocument => ({ file, title, teaser, authors: ['Rami Khoury'], tags: ['Gaza'], published });
    const long = 'bread '.repeat(400_000); // 2.4 MB: longer than the 1 MB the spill is read by
    const added = [
      doc('content/old/index.html', 'Old news', '2012-01-01T10:00:00Z'),
      doc('content/b-tie/index.html', 'Second of a tie', '2014-11-18T09:00:00Z'),
      doc('content/long/index.html', 'A long teaser', '2013-05-05T00:00:00Z', long),
      doc('ar/content/قمح/index.html', 'القمح في غزة', '2015-02-02T00:00:00Z'),
      doc('content/a-tie/index.html', 'First of a tie', '2014-11-18T09:00:00Z'),
    ];
    for (const d of added) builder.add(d);
    const index = load([...builder.build()]);
    assert.deepEqual(index.rows.map((r) => r[0]), ['ar/content/قمح/index.html', 'content/a-tie/index.html', 'content/b-tie/index.html', 'content/long/index.html', 'content/old/index.html']);
    assert.equal(index.rows[3]![3], long);
    assert.equal(index.rows[0]![2], '2015-02-02');
    assert.deepEqual(index.meta, { documents: 5 });
    const postings = (token: string) => [...index.shards.values()].find((s) => token in s)?.[token];
    // In the title: id * 2 + 1; elsewhere: id * 2.
    assert.deepEqual(postings('old'), [4 * 2 + 1]);
    assert.deepEqual(postings('bread'), [3 * 2]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an edition without items builds an empty index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-search-index-'));
  try {
    const index = load([...new SearchIndexBuilder('ar', 'search-index/ar/', join(dir, 'spill.jsonl')).build()]);
    assert.deepEqual([index.rows, index.meta], [[], { documents: 0 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
