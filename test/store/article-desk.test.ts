import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { NODE_STATUS, type NodeStatusCode } from '../../src/domain/node-status.ts';
import { revisionFixity } from '../../src/domain/revision-fixity.ts';
import type { DeskArticleWrite } from '../../src/store/types.ts';
import { testDialects } from '../support/databases.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// The newsroom's article store (issue 12, point 2), on every dialect (STYLE.md habit 2).

function article(nid: number, overrides: Partial<DeskArticleWrite> = {}): DeskArticleWrite {
  return {
    nid, title: `مقالة ${nid}`, path: `content/desk-${nid}`, summary: null, teaser: '', leadHtml: '', bodyHtml: `<p>${nid}</p>`, credit: null, photo: null,
    publishedAt: 1_700_000_000, updatedAt: 1_700_000_000 + (nid % 3), status: NODE_STATUS.DRAFT, promoted: true, sticky: false, sectionTid: 50,
    termIds: [50], authorIds: [50], commentPolicy: null, ownerUid: 7, ...overrides,
  };
}

for (const dialect of testDialects()) {
  describe(`the article desk store (${dialect})`, () => {
    let site: TestSite;
    const desk = () => site.runtime.store.desk;
    const ar = () => sanctionedWriter(site.runtime.editions.get('ar'), 'demo-seed');
    const write = async (a: DeskArticleWrite) => {
      const content = { title: a.title, bodyHtml: a.bodyHtml, summary: a.summary, credit: a.credit, photo: a.photo, revisedAt: a.updatedAt };
      await desk().createArticle(ar(), a, { nid: a.nid, contentHash: revisionFixity(content), sourceVid: null, ...content, log: null, revisedBy: a.ownerUid });
    };

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      const statuses: NodeStatusCode[] = [NODE_STATUS.DRAFT, NODE_STATUS.PUBLISHED, NODE_STATUS.SCHEDULED];
      for (let nid = 9001; nid <= 9009; nid++) await write(article(nid, { status: statuses[nid % 3]!, ownerUid: nid % 2 === 0 ? 7 : 8 }));
    });
    after(async () => {
      await site.close();
    });

    test('keyset paging walks every article once, newest change first, ties broken by nid', async () => {
      const seen: number[] = [];
      let cursor: { updatedAt: number; nid: number } | null = null;
      for (let page = 0; page < 10; page++) {
        const rows = await desk().listArticles({ edition: 'ar', status: null, sectionTid: null, authorAid: null, ownOrPublishedFor: null, olderThan: cursor, limit: 4 });
        if (rows.length === 0) break;
        seen.push(...rows.map((r) => r.nid));
        const last = rows.at(-1)!;
        cursor = { updatedAt: last.updatedAt, nid: last.nid };
      }
      const desks = seen.filter((n) => n >= 9001 && n <= 9009);
      assert.equal(new Set(seen).size, seen.length, 'no article twice');
      assert.deepEqual(desks, [9008, 9005, 9002, 9007, 9004, 9001, 9009, 9006, 9003]);
    });

    test('filters: status, section, author, a writer\'s own plus published; the trash apart', async () => {
      const list = (q: Partial<Parameters<ReturnType<typeof desk>['listArticles']>[0]>) =>
        desk().listArticles({ edition: 'ar', status: null, sectionTid: null, authorAid: null, ownOrPublishedFor: null, olderThan: null, limit: 50, ...q }).then((r) => r.map((x) => x.nid).filter((n) => n > 9000).sort());
      assert.deepEqual(await list({ status: NODE_STATUS.SCHEDULED }), [9002, 9005, 9008]);
      assert.deepEqual(await list({ sectionTid: 1 }), []);
      assert.deepEqual((await list({ authorAid: 50 })).length, 9);
      // Owner 7 has the even nids; published are 9001, 9004, 9007.
      assert.deepEqual(await list({ ownOrPublishedFor: 7 }), [9001, 9002, 9004, 9006, 9007, 9008]);
      assert.ok(await desk().setTrashed(ar(), 9006, 1_700_000_100, 1_700_000_100));
      assert.equal(await desk().setTrashed(ar(), 9006, 1_700_000_100, 1_700_000_100), false, 'not twice');
      assert.deepEqual(await list({ status: 'trash' }), [9006]);
      assert.ok(!(await list({})).includes(9006));
      assert.equal(await desk().setStatus(ar(), 9006, NODE_STATUS.PUBLISHED, 1, 1), false, 'a trashed article is not published');
    });

    test('a slug change keeps the old path as a redirect when asked, and a return to it makes it canonical again', async () => {
      const before = (await desk().findArticle('ar', 9001))!;
      await desk().updateArticle(ar(), article(9001, { status: before.status, path: 'content/desk-renamed' }), null, true);
      assert.deepEqual(await site.runtime.store.content.resolvePath('ar', 'content/desk-9001'), { targetType: 'node', targetId: 9001, canonical: false });
      assert.deepEqual(await site.runtime.store.content.resolvePath('ar', 'content/desk-renamed'), { targetType: 'node', targetId: 9001, canonical: true });
      await desk().updateArticle(ar(), article(9001, { status: before.status, path: 'content/desk-9001' }), null, true);
      assert.deepEqual(await site.runtime.store.content.resolvePath('ar', 'content/desk-9001'), { targetType: 'node', targetId: 9001, canonical: true });
      assert.equal(await site.runtime.store.content.canonicalPath('ar', 'node', 9001), 'content/desk-9001');
      // A draft's old slug was never public: it is dropped, not redirected.
      await desk().updateArticle(ar(), article(9003, { path: 'content/desk-9003-b' }), null, false);
      assert.equal(await site.runtime.store.content.resolvePath('ar', 'content/desk-9003'), undefined);
    });

    test('emptying the trash deletes the articles and records their paths as gone', async () => {
      const emptied = await desk().emptyTrash(ar(), 1_700_000_200);
      assert.deepEqual(emptied, [{ nid: 9006, paths: ['node/9006', 'content/desk-9006'] }]);
      assert.equal(await desk().findArticle('ar', 9006), undefined);
      assert.equal(await site.runtime.store.content.goneReason('ar', 'content/desk-9006'), 'deleted');
      assert.equal(await site.runtime.store.content.goneReason('ar', 'node/9006'), 'deleted');
      assert.deepEqual(await desk().emptyTrash(ar(), 1_700_000_300), []);
    });

    test('suggestions match case-insensitively, anywhere in the name, with LIKE wildcards taken literally', async () => {
      assert.deepEqual(await desk().suggest('ar', 'author', 'القزي', 10), ['ليا القزي']);
      assert.deepEqual(await desk().suggest('en', 'tag', 'GAZ', 10), ['Gaza']);
      assert.deepEqual(await desk().suggest('en', 'tag', '%', 10), []);
      assert.deepEqual(await desk().suggest('en', 'tag', '_', 10), []);
    });
  });
}
