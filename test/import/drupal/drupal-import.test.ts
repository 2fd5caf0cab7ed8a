import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportedComment, ImportedNode, ImportedTerm } from '../../../src/domain/import-record.ts';
import { formatText } from '../../../src/filter/index.ts';
import type { ImportSummary } from '../../../src/import/import-report.ts';
import { runImport } from '../../../src/import/importer.ts';
import { drupalSource } from '../../../src/import/sources/drupal/drupal-source.ts';
import { testDialects } from '../../support/databases.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';
import { createDrupalTestDatabase, mysqlSkip, type DrupalTestDatabase } from '../../fixtures/drupal/drupal-test-database.ts';
import { planComments } from '../../fixtures/drupal/fixture-comments.ts';
import { expectedComment, expectedNode, expectedTerms } from '../../fixtures/drupal/fixture-expected.ts';
import { planNode } from '../../fixtures/drupal/fixture-nodes.ts';
import { DELETED_NODE_ALIAS } from '../../fixtures/drupal/fixture-taxonomy.ts';

// A generated Drupal 6 and Drupal 7 site imported into Folio on each store, then checked as a
// reader and a moderator would see it: every old URL, every field, every comment's thread.
const NODES = 120;
const COMMENTS = 300;

function location(res: { headers: Record<string, unknown> }): string {
  return new URL(String(res.headers.location), 'http://folio.test').pathname;
}

for (const version of [6, 7] as const) {
  for (const dialect of testDialects()) {
    describe(`Drupal ${version} imported into Folio (${dialect})`, { skip: mysqlSkip }, () => {
      let drupal: DrupalTestDatabase;
      let site: TestSite;
      let summary: ImportSummary;
      const nodes = Array.from({ length: NODES + 2 }, (_, i) => expectedNode(planNode(i + 1, NODES), version));
      const comments = [...planComments(COMMENTS, NODES)].map((c) => expectedComment(c, version));
      const imported = nodes.filter((n): n is ImportedNode => n.type === 'node');
      const importedComments = comments.filter((c): c is ImportedComment => c.type === 'comment');
      const run = () => runImport({ source: drupalSource({ url: drupal.url, pageSize: 50 }), sourceName: 'drupal', inputs: [], edition: site.runtime.editions.get('en'), service: site.runtime.imports, batchSize: 40 });
      const get = (url: string) => site.folio.app.inject({ method: 'GET', url });

      before(async () => {
        drupal = await createDrupalTestDatabase({ version, nodes: NODES, comments: COMMENTS });
        site = await openTestSite(dialect);
        summary = await run();
      });
      after(async () => {
        await site?.close();
        await drupal?.drop();
      });

      test('the run reports every node and comment, and skips only the broken ones', () => {
        assert.equal(summary.counts.node.imported, imported.length);
        assert.equal(summary.counts.comment.imported, importedComments.length - 0);
        assert.deepEqual(summary.skips.map((s) => s.ref).sort(), [...nodes, ...comments].filter((r) => r.type === 'skip').map((r) => r.ref).sort());
      });

      test('every node answers at its alias, /node/<nid> and its old aliases redirect, withdrawn ones are gone', async () => {
        for (const node of imported) {
          const canonical = node.path ?? `node/${node.nid}`;
          if (!node.published) {
            assert.equal((await get(`/node/${node.nid}`)).statusCode, 410, `node ${node.nid}`);
            continue;
          }
          const stored = await site.runtime.store.content.findNode('en', node.nid!);
          const current = node.revisions.at(-1)!;
          assert.equal(stored?.title, current.title, `node ${node.nid} title`);
          assert.equal(stored?.bodyHtml.html, formatText(current.bodyFormat, current.body).html, `node ${node.nid} body in its own format`);
          assert.equal(stored?.credit, current.credit);
          assert.equal(stored?.publishedAt, node.publishedAt);
          assert.equal(stored?.showDate, node.showDate);
          assert.deepEqual(stored?.authors.map((a) => a.name), node.authors, `node ${node.nid} bylines in order`);
          assert.deepEqual(stored?.terms.map((t) => `term/${t.tid}`).sort(), [...node.tagKeys].sort(), `node ${node.nid} tags`);
          assert.equal(stored?.section === null ? null : `term/${stored?.section.tid}`, node.sectionKey);
          assert.equal((await get(`/${canonical}`)).statusCode, 200, canonical);
          if (node.path !== null) {
            const raw = await get(`/node/${node.nid}?page=1`);
            assert.equal(raw.statusCode, 301);
            assert.equal(location(raw), `/${canonical}`);
          }
          for (const old of node.legacyPaths) {
            const res = await get(`/${old}`);
            assert.equal(res.statusCode, 301, `old alias ${old}`);
            assert.equal(location(res), `/${canonical}`);
          }
        }
        assert.equal((await get(`/${DELETED_NODE_ALIAS.alias}`)).statusCode, 410, 'the alias of a deleted node');
      });

      test('taxonomy terms keep their ids and aliases', async () => {
        for (const term of expectedTerms(version).values()) {
          if (term.type !== 'term') continue;
          const t = term as ImportedTerm;
          const raw = await get(`/taxonomy/term/${t.tid}`);
          if (t.path === null) assert.equal(raw.statusCode, 200, `unaliased term ${t.tid}`);
          else {
            assert.equal(raw.statusCode, 301, `term ${t.tid}`);
            assert.equal(location(raw), `/${t.path}`);
            for (const old of t.legacyPaths) assert.equal(location(await get(`/${old}`)), `/${t.path}`);
          }
        }
      });

      test('comments keep ids, status (the Drupal 6 trap included), threads, private fields and formats', async () => {
        for (const c of importedComments) {
          const stored = await site.runtime.store.comments.findForModeration(c.cid!);
          assert.ok(stored, `comment ${c.cid}`);
          assert.equal(stored.status, c.published ? 1 : 0, `comment ${c.cid} status`);
          assert.equal(stored.email, c.email);
          assert.equal(stored.format, c.format);
          assert.equal(stored.bodyHtml.html, formatText(c.format, c.body).html);
          if (c.thread !== null) assert.equal(stored.thread, c.thread, `comment ${c.cid} thread`);
          const parent = c.parentKey === null ? null : Number(c.parentKey.slice('comment/'.length));
          assert.equal(stored.pid, parent, `comment ${c.cid} parent`);
        }
        const shown = importedComments.find((c) => c.published && imported.find((n) => n.key === c.nodeKey)?.published);
        const hidden = importedComments.find((c) => !c.published && imported.find((n) => n.key === c.nodeKey)?.published);
        assert.ok(shown && hidden, 'the fixture has both');
        const permalink = await get(`/comment/${shown.cid}`);
        assert.equal(permalink.statusCode, 301);
        const page = await get(String(permalink.headers.location));
        assert.match(page.body, new RegExp(`id="comment-${shown.cid}"`));
        assert.doesNotMatch(page.body, /@/.test(shown.email ?? '') ? new RegExp(shown.email!.replace(/[.+]/g, '\\$&')) : /$^/);
        assert.equal((await get(`/comment/${hidden.cid}`)).statusCode, 410, 'an unpublished comment has no public permalink: gone, as Drupal showed it to administrators only');
      });

      test('a second run finds everything unchanged', async () => {
        const again = await run();
        assert.deepEqual(again.counts.node, { imported: 0, updated: 0, unchanged: imported.length });
        assert.deepEqual(again.counts.comment, { imported: 0, updated: 0, unchanged: importedComments.length });
      });
    });
  }
}
