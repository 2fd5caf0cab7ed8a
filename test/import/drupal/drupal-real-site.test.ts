import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportSummary } from '../../../src/import/import-report.ts';
import { runImport } from '../../../src/import/importer.ts';
import { drupalSource } from '../../../src/import/sources/drupal/drupal-source.ts';
import { testDialects } from '../../support/databases.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';
import { createDrupalTestDatabase, mysqlSkip, type DrupalTestDatabase } from '../../fixtures/drupal/drupal-test-database.ts';
import type { RealSitePlan } from '../../fixtures/drupal/fixture-real-site.ts';

// Issue 11: a Drupal 6 and 7 database shaped like a real site's (see fixture-real-site.ts),
// imported once into each store and checked over HTTP as a reader would meet it.
const NODES = 30;
const COMMENTS = 40;

function location(res: { headers: Record<string, unknown> }): string {
  return new URL(String(res.headers.location), 'http://folio.test').pathname;
}

for (const version of [6, 7] as const) {
  for (const dialect of testDialects()) {
    describe(`a real Drupal ${version} site imported into Folio (${dialect})`, { skip: mysqlSkip }, () => {
      let drupal: DrupalTestDatabase;
      let site: TestSite;
      let summary: ImportSummary;
      let plan: RealSitePlan;
      const run = (options: { excludeTypes?: readonly string[] } = {}) => runImport({
        source: drupalSource({ url: drupal.url, pageSize: 8, ...options }), sourceName: 'drupal', inputs: [], edition: site.runtime.editions.get('en'),
        service: site.runtime.imports, batchSize: 4,
      });
      const get = (url: string) => site.folio.app.inject({ method: 'GET', url });
      const page = async (url: string) => {
        let res = await get(url);
        for (let hops = 0; res.statusCode === 301 && hops < 3; hops++) res = await get(String(res.headers.location));
        return res;
      };

      before(async () => {
        drupal = await createDrupalTestDatabase({ version, nodes: NODES, comments: COMMENTS, realSite: true });
        plan = drupal.realSite!;
        site = await openTestSite(dialect);
        summary = await run();
      });
      after(async () => {
        await site?.close();
        await drupal?.drop();
      });

      test('a reply stored with a lower cid than its parent keeps its parent on the first run', async () => {
        const reply = await site.runtime.store.comments.findForModeration(plan.replyCid);
        assert.equal(reply?.pid, plan.parentCid);
        assert.equal(reply?.thread, '01.00/');
        assert.ok(!summary.warnings.some((w) => w.ref === `comment/${plan.replyCid}`), 'no warning about a lost parent');
        const html = (await page(`/node/${plan.forumNid}`)).body;
        const parentAt = html.indexOf(`id="comment-${plan.parentCid}"`);
        const replyAt = html.indexOf(`id="comment-${plan.replyCid}"`);
        assert.ok(parentAt > 0 && replyAt > parentAt, 'the reply follows its parent');
        assert.match(html.slice(parentAt, replyAt), /class="indented"/, 'and is indented under it');
      });
    });
  }
}
