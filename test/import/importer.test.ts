import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportRecord } from '../../src/domain/import-record.ts';
import { runImport } from '../../src/import/importer.ts';
import type { ImportSummary } from '../../src/import/import-report.ts';
import { testDialects } from '../support/databases.ts';
import { seconds } from '../support/factories.ts';
import { commentRecord, nodeRecord, revision, sourceOf, termRecord } from '../support/import-factories.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

/** A small old site: a section tree, a tag with an old alias, an article with two revisions, a withdrawn one, comments. */
function oldSite(overrides: { secondTitle?: string; alias?: string } = {}): ImportRecord[] {
  return [
    termRecord({ key: 'term/10', tid: 10, vocabulary: 'section', name: 'Politics', path: 'section/politics' }),
    termRecord({ key: 'term/11', tid: 11, vocabulary: 'section', name: 'Palestine', path: 'section/politics/palestine', parentKey: 'term/10' }),
    termRecord({ key: 'term/20', tid: 20, name: 'Gaza Port', path: 'tags/gaza-port', legacyPaths: ['tags/gaza-harbour'] }),
    termRecord({ key: 'term/21', tid: 21, name: 'Unaliased' }),
    { type: 'author', key: 'author/lea-al-qazzi', name: 'Lea al-Qazzi', slug: 'lea-al-qazzi', provenance: { source: 'folio', originalUrl: null, capturedAt: null } },
    nodeRecord({
      key: 'node/8674', nid: 8674, path: overrides.alias ?? 'content/harbour-workers-end-strike', legacyPaths: ['content/harbour-strike-ends'],
      sectionKey: 'term/11', tagKeys: ['term/20', 'term/21'], authors: ['Lea al-Qazzi', 'Sami Haddad'],
      revisions: [
        revision({ vid: 1, title: 'Harbour strike', revisedAt: seconds('2014-11-18T10:00:00+02:00') }),
        revision({ vid: 2, title: overrides.secondTitle ?? 'Harbour workers end strike', revisedAt: seconds('2014-11-18T12:00:00+02:00') }),
      ],
    }),
    nodeRecord({ key: 'node/8675', nid: 8675, path: 'content/withdrawn-story', published: false, revisions: [revision({ title: 'Withdrawn story' })] }),
    nodeRecord({ key: 'node/8676', nid: 8676, revisions: [] }),
    commentRecord({ key: 'comment/501', cid: 501, nodeKey: 'node/8674', thread: '01/', body: 'First <strong>bold</strong> www.example.com', format: 'filtered_html' }),
    commentRecord({ key: 'comment/502', cid: 502, nodeKey: 'node/8674', parentKey: 'comment/501', thread: null, body: 'A <b>plain</b> reply', format: 'plain_text' }),
    commentRecord({ key: 'comment/503', cid: 503, nodeKey: 'node/9999', body: 'Orphan' }),
    commentRecord({ key: 'comment/504', cid: 504, nodeKey: 'node/8674', published: false, body: 'Held back' }),
    { type: 'gone', path: '/content/removed-on-purpose', reason: 'withdrawn by the editors', provenance: { source: 'folio', originalUrl: null, capturedAt: null } },
    { type: 'skip', ref: 'page.html', reason: 'broken page' },
  ];
}

async function importInto(site: TestSite, records: ImportRecord[], dryRun = false): Promise<ImportSummary> {
  return runImport({
    source: sourceOf(records), sourceName: 'folio', inputs: ['test'], edition: site.runtime.editions.get('en'),
    service: site.runtime.imports, dryRun, batchSize: 2,
  });
}

async function get(site: TestSite, url: string) {
  return site.folio.app.inject({ method: 'GET', url });
}

for (const dialect of testDialects()) {
  describe(`importer (${dialect})`, () => {
    let site: TestSite;
    let first: ImportSummary;
    before(async () => {
      site = await openTestSite(dialect);
      first = await importInto(site, oldSite());
    });
    after(() => site.close());

    test('the first run imports everything it can and says why it skipped the rest', () => {
      assert.deepEqual(first.counts.node, { imported: 2, updated: 0, unchanged: 0 });
      assert.deepEqual(first.counts.term, { imported: 4, updated: 0, unchanged: 0 });
      assert.deepEqual(first.counts.comment, { imported: 3, updated: 0, unchanged: 0 });
      assert.equal(first.counts.author.imported, 2, 'Lea from her record, Sami from the byline');
      assert.equal(first.gone, 1);
      assert.deepEqual(first.skips.map((s) => s.ref).sort(), ['comment/503', 'node/8676', 'page.html']);
      assert.match(first.skips.find((s) => s.ref === 'comment/503')!.reason, /node\/9999 was not imported/);
    });

    test('every old URL resolves: canonical 200, the others 301 to it, pager kept', async () => {
      const page = await get(site, '/content/harbour-workers-end-strike');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Harbour workers end strike/);
      assert.match(page.body, /By:.*Lea al-Qazzi.*Sami Haddad/s);
      for (const [from, to] of [
        ['/node/8674', '/content/harbour-workers-end-strike'],
        ['/content/harbour-strike-ends', '/content/harbour-workers-end-strike'],
        ['/tags/gaza-harbour', '/tags/gaza-port'],
        ['/taxonomy/term/20', '/tags/gaza-port'],
        ['/tags/gaza-harbour?page=1', '/tags/gaza-port?page=1'],
      ]) {
        const res = await get(site, from!);
        assert.equal(res.statusCode, 301, from);
        assert.equal(new URL(res.headers.location as string, 'http://folio.test').pathname + (new URL(res.headers.location as string, 'http://folio.test').search), to, from);
      }
      assert.equal((await get(site, '/taxonomy/term/21')).statusCode, 200, 'an unaliased term answers at its raw path');
      assert.equal((await get(site, '/section/politics/palestine')).statusCode, 200);
      const parent = await get(site, '/section/politics');
      assert.match(parent.body, /Harbour workers end strike/, 'a parent section lists its subsections\' items');
    });

    test('withdrawn items and removed paths answer 410; unknown paths a 404 with a pre-filled search', async () => {
      assert.equal((await get(site, '/content/withdrawn-story')).statusCode, 410);
      assert.equal((await get(site, '/node/8675')).statusCode, 410);
      assert.equal((await get(site, '/content/removed-on-purpose')).statusCode, 410);
      const missing = await get(site, '/content/harbour-workers-strike-talks-0');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /<input type="search" id="not-found-q" name="q" value="harbour workers strike talks"/);
    });

    test('comments keep ids, threading, status and their own format; e-mails stay private', async () => {
      const page = await get(site, '/content/harbour-workers-end-strike');
      assert.match(page.body, /id="comment-501"/);
      assert.match(page.body, /First <strong>bold<\/strong>/);
      assert.match(page.body, /<a href="http:\/\/www\.example\.com"/, 'filtered_html links addresses');
      assert.match(page.body, /A &lt;b&gt;plain&lt;\/b&gt; reply/, 'plain_text escapes markup');
      assert.doesNotMatch(page.body, /Held back/);
      assert.doesNotMatch(page.body, /private\.example/);
      const reply = await site.runtime.store.comments.findForModeration(502);
      assert.equal(reply?.pid, 501);
      assert.equal(reply?.thread, '01.00/');
      assert.equal((await site.runtime.store.comments.findForModeration(504))?.status, 0);
      const permalink = await get(site, '/comment/502');
      assert.equal(permalink.statusCode, 301);
    });

    test('imported articles are searchable, withdrawn ones are not', async () => {
      const en = site.runtime.editions.get('en');
      const hit = await site.runtime.search.query(en, { q: 'harbour workers', page: 0, sort: 'relevance' });
      assert.equal(hit.kind, 'results');
      assert.deepEqual(hit.kind === 'results' ? hit.hits.map((h) => h.node.nid) : [], [8674]);
      const none = await site.runtime.search.query(en, { q: 'withdrawn', page: 0, sort: 'relevance' });
      assert.equal(none.kind === 'results' ? none.total : -1, 0);
    });

    test('a second run of the same input changes nothing and duplicates nothing', async () => {
      const again = await importInto(site, oldSite());
      assert.deepEqual(again.counts.node, { imported: 0, updated: 0, unchanged: 2 });
      assert.deepEqual(again.counts.comment, { imported: 0, updated: 0, unchanged: 3 });
      assert.deepEqual(again.counts.term, { imported: 0, updated: 0, unchanged: 4 });
      assert.equal(await site.runtime.store.content.countNodes('en'), 2, 'the two nodes (one withdrawn), no duplicates');
    });

    test('a dry run reports changes without writing them', async () => {
      const dry = await importInto(site, oldSite({ secondTitle: 'Dock strike over' }), true);
      assert.deepEqual(dry.counts.node, { imported: 0, updated: 1, unchanged: 1 });
      assert.equal(dry.runId, null);
      assert.match((await get(site, '/content/harbour-workers-end-strike')).body, /Harbour workers end strike/);
    });

    test('a changed item is updated: a new current revision, and its old alias keeps redirecting', async () => {
      const changed = await importInto(site, oldSite({ secondTitle: 'Dock strike over', alias: 'content/dock-strike-over' }));
      assert.deepEqual(changed.counts.node, { imported: 0, updated: 1, unchanged: 1 });
      const page = await get(site, '/content/dock-strike-over');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Dock strike over/);
      for (const old of ['/content/harbour-workers-end-strike', '/content/harbour-strike-ends', '/node/8674']) {
        const res = await get(site, old);
        assert.equal(res.statusCode, 301, old);
        assert.match(res.headers.location as string, /\/content\/dock-strike-over$/);
      }
    });

    test('captures arriving out of order: the newest is current, the older becomes a revision, paths add up', async () => {
      const older = nodeRecord({ key: 'path/content/port-talks', path: 'content/port-talks', legacyPaths: ['content/port-talks-old'], revisions: [revision({ title: 'Port talks (newer)', revisedAt: seconds('2015-01-02T00:00:00Z') })] });
      const newer = nodeRecord({ key: 'path/content/port-talks', path: 'content/port-talks', legacyPaths: ['node/77777'], revisions: [revision({ title: 'Port talks (older)', revisedAt: seconds('2015-01-01T00:00:00Z') })] });
      const run = await importInto(site, [older, newer]);
      assert.deepEqual(run.counts.node, { imported: 1, updated: 0, unchanged: 0 });
      const page = await get(site, '/content/port-talks');
      assert.match(page.body, /Port talks \(newer\)/);
      assert.equal((await get(site, '/content/port-talks-old')).statusCode, 301);
    });

    test('an item the store refuses is skipped with the reason; the rest of its batch lands', async () => {
      const broken = nodeRecord({ key: 'node/8800', nid: 8800, path: 'content/broken', revisions: [revision({ title: null as unknown as string })] });
      const fine = nodeRecord({ key: 'node/8801', nid: 8801, path: 'content/fine-one', revisions: [revision({ title: 'Fine one' })] });
      const run = await importInto(site, [broken, fine]);
      assert.equal(run.counts.node.imported, 1);
      assert.ok(run.skips.some((s) => s.ref === 'node/8800' && /could not be written/.test(s.reason)), JSON.stringify(run.skips));
      assert.equal((await get(site, '/content/fine-one')).statusCode, 200);
      assert.equal((await get(site, '/content/broken')).statusCode, 404);
    });

    test('an item whose text is over the markup bounds is skipped with the reason; the run goes on (issue 10)', async () => {
      const deepNode = nodeRecord({ key: 'node/8810', nid: 8810, path: 'content/too-deep', revisions: [revision({ title: 'Too deep', body: '<div>'.repeat(1_000) })] });
      const fine = nodeRecord({ key: 'node/8811', nid: 8811, path: 'content/fine-two', revisions: [revision({ title: 'Fine two' })] });
      const deepComment = commentRecord({ key: 'comment/590', cid: 590, nodeKey: 'node/8811', body: '<em>'.repeat(1_000), format: 'filtered_html' });
      const fineComment = commentRecord({ key: 'comment/591', cid: 591, nodeKey: 'node/8811', body: 'Fine comment', format: 'filtered_html' });
      const run = await importInto(site, [deepNode, fine, deepComment, fineComment]);
      assert.equal(run.counts.node.imported, 1);
      assert.equal(run.counts.comment.imported, 1);
      for (const ref of ['node/8810', 'comment/590']) {
        assert.ok(run.skips.some((s) => s.ref === ref && /its text was refused: The text nests HTML tags more than 40 levels deep/.test(s.reason)), JSON.stringify(run.skips));
      }
      assert.equal((await get(site, '/content/fine-two')).statusCode, 200);
    });
  });
}
