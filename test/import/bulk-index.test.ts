import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportRecord } from '../../src/domain/import-record.ts';
import { runImport } from '../../src/import/importer.ts';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { ImportService } from '../../src/services/import-service.ts';
import { testDialects } from '../support/databases.ts';
import { seconds } from '../support/factories.ts';
import { nodeRecord, revision, sourceOf, termRecord } from '../support/import-factories.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const WORDS = ['harbour', 'strike', 'olive', 'harvest', 'border', 'crossing', 'election', 'council', 'water', 'drought', 'school', 'teachers'];
const QUERIES = ['harbour', 'olive harvest', 'council OR drought', 'teachers -school', '"border crossing"', 'water', 'strike election', 'nothing-matches-this'];

/** An old site whose nodes mix the query words in titles, bodies and tags; some unpublished, one rewritten later in the run. */
function oldSite(): ImportRecord[] {
  const records: ImportRecord[] = [
    termRecord({ key: 'term/1', tid: 1, name: 'Water', path: 'tags/water' }),
    termRecord({ key: 'term/2', tid: 2, name: 'Harvest', path: 'tags/harvest' }),
  ];
  for (let i = 0; i < 40; i++) {
    const title = `${WORDS[i % WORDS.length]} ${WORDS[(i * 5 + 1) % WORDS.length]} story ${i}`;
    records.push(nodeRecord({
      key: `node/${100 + i}`, nid: 100 + i, path: `content/story-${i}`, published: i % 7 !== 3, tagKeys: i % 3 === 0 ? ['term/1'] : i % 3 === 1 ? ['term/2'] : [],
      publishedAt: seconds('2014-11-18T10:00:00+02:00') + i * 3600,
      revisions: [revision({ title, body: `<p>${WORDS[(i * 7 + 2) % WORDS.length]} and ${WORDS[(i + 4) % WORDS.length]} in the body of story ${i}.</p>`, revisedAt: seconds('2014-11-18T10:00:00+02:00') + i })],
    }));
  }
  // The same node again, later in the run: its last text is what the index must hold.
  records.push(nodeRecord({
    key: 'node/100', nid: 100, path: 'content/story-0', publishedAt: seconds('2014-11-18T10:00:00+02:00'),
    revisions: [revision({ title: 'drought council rewritten', body: '<p>Rewritten body.</p>', revisedAt: seconds('2014-11-20T10:00:00+02:00') })],
  }));
  return records;
}

async function answers(site: TestSite): Promise<unknown[]> {
  const edition = site.runtime.editions.get('en');
  const out: unknown[] = [];
  for (const q of QUERIES) {
    for (const sort of ['relevance', 'newest'] as const) out.push({ q, sort, outcome: await site.runtime.search.query(edition, { q, page: 0, sort }) });
  }
  return out;
}

for (const dialect of testDialects()) {
  describe(`bulk search index build during an import (${dialect})`, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect);
      await runImport({ source: sourceOf(oldSite()), sourceName: 'folio', inputs: ['test'], edition: site.runtime.editions.get('en'), service: site.runtime.imports, batchSize: 4 });
    });
    after(() => site.close());

    test('the index built in bulk at the end of the run answers exactly as one built node by node', async () => {
      const bulk = await answers(site);
      assert.ok(JSON.stringify(bulk).includes('"nid":100'), 'the rewritten node is found');
      // Rebuild by hand, one node per call, as publishing does.
      await site.runtime.store.search.clear();
      for (let nid = 100; nid < 140; nid++) await site.runtime.search.indexNodes([nid]);
      assert.deepEqual(await answers(site), bulk);
    });

    test('the rewritten node is found by its last text only, and unpublished nodes not at all', async () => {
      const edition = site.runtime.editions.get('en');
      const rewritten = await site.runtime.search.query(edition, { q: 'rewritten', page: 0, sort: 'relevance' });
      assert.equal(rewritten.kind === 'results' ? rewritten.total : -1, 1);
      const withdrawn = await site.runtime.search.query(edition, { q: '"story 3"', page: 0, sort: 'relevance' });
      assert.equal(withdrawn.kind === 'results' ? withdrawn.total : -1, 0, 'story 3 is unpublished');
    });

    test('a run killed before its bulk build is repaired when the next run starts', async () => {
      const edition = site.runtime.editions.get('en');
      // A process that dies after writing its batches: its pending entries are never built.
      const dying = Object.create(new ImportService(site.runtime.store.imports, site.runtime.search, () => {})) as ImportService;
      dying.finishRun = async () => {
        throw new Error('killed');
      };
      const records = [nodeRecord({ key: 'node/900', nid: 900, path: 'content/lighthouse', revisions: [revision({ title: 'lighthouse keeper returns' })] })];
      await assert.rejects(runImport({ source: sourceOf(records), sourceName: 'folio', inputs: ['killed'], edition, service: dying, batchSize: 4 }), /killed/);
      const lost = await site.runtime.search.query(edition, { q: 'lighthouse', page: 0, sort: 'relevance' });
      assert.equal(lost.kind === 'results' ? lost.total : -1, 0, 'nothing indexed yet');
      // The next run, in a fresh process (a fresh service), repairs the index before it starts.
      await new ImportService(site.runtime.store.imports, site.runtime.search, () => {}).startRun(sanctionedWriter(edition, 'import'), 'folio', ['next']);
      const repaired = await site.runtime.search.query(edition, { q: 'lighthouse', page: 0, sort: 'relevance' });
      assert.equal(repaired.kind === 'results' ? repaired.total : -1, 1);
    });
  });
}
