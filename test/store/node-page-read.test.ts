import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { CompiledQuery, sql } from 'kysely';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { SCHEDULED_DUE } from '../../src/store/queries/content-writer.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 14: the article page reads its node, related row, translations, revision times,
// corrections and comment count in one statement (ContentReader.findNodePage). It must return
// exactly what the separate reads return, for every node of the fixture, on both databases.
for (const dialect of testDialects()) {
  describe(`one read for a node's page (${dialect})`, () => {
    let site: TestSite;
    const store = () => site.runtime.store;

    before(async () => {
      site = await openTestSite(dialect, async (runtime) => {
        await seedFixture(runtime);
        const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
        // The Arabic article is a translation of the English one; the article has a correction
        // and an update (and a letter, which is not about what it says), in an order by date.
        await runtime.store.writer.linkTranslation(en, FIXTURE.arabic.nid, FIXTURE.article.nid);
        await runtime.store.revisions.recordCorrection(en, { nid: FIXTURE.article.nid, kind: 'update', title: 'Updated', bodyHtml: '<p>Later.</p>', publishedAt: seconds('2013-02-02T10:00:00Z') }, []);
        await runtime.store.revisions.recordCorrection(en, { nid: FIXTURE.article.nid, kind: 'correction', title: 'Corrected', bodyHtml: '<p>Earlier.</p>', publishedAt: seconds('2013-02-01T10:00:00Z') }, []);
        await runtime.store.revisions.recordCorrection(en, { nid: FIXTURE.article.nid, kind: 'letter', title: 'A letter', bodyHtml: '<p>Dear editors.</p>', publishedAt: seconds('2013-02-03T10:00:00Z') }, []);
        await runtime.related.rebuild('en');
      });
    });
    after(async () => {
      await site.close();
    });

    /** What the page read before: one statement each. */
    async function separately(edition: string, nid: number) {
      const s = store();
      const node = await s.content.findNode(edition, nid);
      if (!node) return undefined;
      const comments = await s.content.listPublishedComments(nid, 0, 1000);
      const row = await s.related.read(nid);
      // The links the page showed from RelatedStore.links: published ones, candidates in the row's order.
      const byId = new Map((await s.related.links([...(row?.related ?? []), row?.previous ?? 0, row?.next ?? 0])).map((l) => [l.nid, l]));
      const link = (id: number | null) => (id === null ? null : byId.get(id) ?? null);
      return {
        node,
        related: row ? { ...row, links: { related: row.related.flatMap((id) => byId.get(id) ?? []), previous: link(row.previous), next: link(row.next) } } : null,
        translations: await s.content.translationsOf(nid),
        revisionTimes: await s.revisions.revisionTimesOf(nid),
        corrections: (await s.revisions.correctionsOf(edition, [nid])).get(nid) ?? [],
        publishedComments: comments.total,
      };
    }

    test('returns what the separate reads return, for every node of both editions', async () => {
      let withRelated = 0;
      for (const edition of ['en', 'ar']) {
        for (let nid = 1; nid < 4000; nid++) {
          const expected = await separately(edition, nid);
          assert.deepEqual(await store().content.findNodePage(edition, nid), expected, `${edition} node ${nid}`);
          if (expected?.related) withRelated++;
        }
      }
      // The comparison covered stored related rows, not only their absence.
      assert.ok(withRelated > 10);
    });

    test("the article's translations, corrections in date order (letters left out) and comment count", async () => {
      const page = await store().content.findNodePage('en', FIXTURE.article.nid);
      assert.deepEqual(page?.translations.map((t) => [t.nid, t.edition]), [[FIXTURE.arabic.nid, 'ar']]);
      const titles = page?.corrections.map((c) => c.title) ?? [];
      assert.ok(titles.indexOf('Corrected') < titles.indexOf('Updated') && titles.indexOf('Corrected') !== -1, titles.join(', '));
      assert.ok(!titles.includes('A letter'));
      const times = page?.corrections.map((c) => c.publishedAt) ?? [];
      assert.deepEqual(times, [...times].sort((a, b) => a - b));
      assert.equal(page?.publishedComments, 3);
      assert.ok(page?.related);
      // The unpublished comment of 2003 is not counted.
      assert.equal((await store().content.findNodePage('en', FIXTURE.unsigned.nid))?.publishedComments, 1);
    });

    test('nothing for a node of another edition', async () => {
      assert.equal(await store().content.findNodePage('ar', FIXTURE.article.nid), undefined);
    });

    test("the related links come out of the read in the row's order, unpublished ones left out", async () => {
      const en = sanctionedWriter(site.runtime.editions.get('en'), 'demo-seed');
      await store().writer.saveNodes(en, [buildNode({ nid: 3900, title: 'Not yet out', scheduled: true, publishedAt: seconds('2014-01-01T00:00:00Z') })]);
      // Ids out of numeric order, so the order seen can only be the row's; 2004 has no alias.
      const related = [2005, 3900, FIXTURE.article.nid, 2003, 2004];
      await store().related.save([{ nid: FIXTURE.coAuthored.nid, edition: 'en', related, previous: 3900, next: 2003 }]);
      const links = (await store().content.findNodePage('en', FIXTURE.coAuthored.nid))?.related?.links;
      assert.deepEqual(links?.related.map((l) => l.nid), [2005, FIXTURE.article.nid, 2003, 2004]);
      assert.deepEqual(links?.related[1], { nid: FIXTURE.article.nid, path: FIXTURE.article.path, title: FIXTURE.article.title });
      assert.equal(links?.related[3]?.path, null);
      assert.equal(links?.previous, null, 'a scheduled neighbour is not linked');
      assert.deepEqual(links?.next, { nid: 2003, path: FIXTURE.unsigned.path, title: 'Agencies report clashes' });
      // A row without candidates or neighbours reads as no links.
      await store().related.save([{ nid: FIXTURE.coAuthored.nid, edition: 'en', related: [], previous: null, next: null }]);
      assert.deepEqual((await store().content.findNodePage('en', FIXTURE.coAuthored.nid))?.related?.links, { related: [], previous: null, next: null });
    });
  });
}

describe('SQLite plans a node statement once', () => {
  // A partial index on nodes (`where status = 2`, migration 018) made SQLite's planner weigh the
  // value bound to every `status = ?` against it, which expires the statement on every run: the
  // article page's node statement was parsed and planned again each time (250 µs of 300).
  // Migration 021 holds scheduled nodes' due times in an expression index instead.
  test('no index on nodes has a predicate, and the scheduled-publishing claim uses the expression index', async () => {
    const connection = connectSqlite(':memory:');
    try {
      await migrateToLatest(connection);
      const partial = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'nodes' and sql like '% where %'`.execute(connection.db);
      assert.deepEqual(partial.rows, []);
      const claim = connection.db.updateTable('nodes').set({ status: 1 }).where(SCHEDULED_DUE, '<=', 1_700_000_000).compile();
      const plan = await connection.db.executeQuery(CompiledQuery.raw(`explain query plan ${claim.sql}`, [...claim.parameters])) as { rows: { detail: string }[] };
      assert.match(plan.rows.map((r) => r.detail).join('\n'), /USING INDEX nodes_scheduled_due/);
    } finally {
      await connection.close();
    }
  });
});
