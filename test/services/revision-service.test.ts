import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { NODE_STATUS } from '../../src/domain/node-status.ts';
import { revisionFixity } from '../../src/domain/revision-fixity.ts';
import { connect } from '../../src/runtime.ts';
import type { RevisionReader } from '../../src/services/revision-service.ts';
import { testDialects } from '../support/databases.ts';
import { seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { newsroomArticle, saveRevision } from '../support/revision-factories.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// The service checks permissions again behind the routes (defence in depth), as people-service does.

const T0 = seconds('2026-05-01T10:00:00+03:00');

for (const dialect of testDialects()) {
  describe(`RevisionService (${dialect})`, () => {
    let site: TestSite;
    const writer: RevisionReader = { uid: 501, name: 'Writer', role: 'writer' };
    const other: RevisionReader = { uid: 502, name: 'Other writer', role: 'writer' };
    const editor: RevisionReader = { uid: 503, name: 'Editor', role: 'editor' };
    const moderator: RevisionReader = { uid: 504, name: 'Moderator', role: 'moderator' };
    const nids = { draft: 6001, scheduled: 6002, trashedDraft: 6003 };
    const sameSecond = 6004;
    const first: Record<number, string> = {};

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      for (const [status, nid] of [[NODE_STATUS.DRAFT, nids.draft], [NODE_STATUS.SCHEDULED, nids.scheduled], [NODE_STATUS.DRAFT, nids.trashedDraft]] as const) {
        first[nid] = await newsroomArticle(site.runtime, 'ar', { nid, path: `content/s-${nid}`, title: `أول ${nid}`, at: T0, ownerUid: writer.uid, status, bodyHtml: '<p>أول</p>' });
        await saveRevision(site.runtime, 'ar', nid, { title: `ثان ${nid}`, bodyHtml: '<p>ثان</p>', at: T0 + 60, by: writer.uid });
      }
      // The trash is the content pages' work: marked here as they will mark it.
      const connection = connect(site.runtime.config);
      await sql`update nodes set trashed_at = ${T0 + 120} where nid = ${nids.trashedDraft}`.execute(connection.db);
      await connection.close();
    });
    after(async () => {
      await site.close();
    });

    test('who may read a history: not a moderator; a writer their own articles and published ones, not someone else\'s draft', async () => {
      const ar = site.runtime.editions.get('ar');
      await assert.rejects(site.runtime.revisions.history(moderator, ar, nids.draft), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.revisions.history(other, ar, nids.draft), { code: 'FORBIDDEN' });
      assert.equal((await site.runtime.revisions.history(other, ar, FIXTURE.arabic.nid)).canRestore, false);
      assert.equal((await site.runtime.revisions.history(writer, ar, nids.draft)).canRestore, true);
      assert.equal((await site.runtime.revisions.history(writer, ar, nids.scheduled)).canRestore, false, 'scheduled: no longer the writer\'s to change');
      assert.equal((await site.runtime.revisions.history(editor, ar, nids.scheduled)).canRestore, true);
      await assert.rejects(site.runtime.revisions.history(editor, site.runtime.editions.get('en'), nids.draft), { code: 'NOT_FOUND' }, 'another edition\'s node');
    });

    test('who may restore: a writer only their own draft; nobody an article in the trash, or in the archive', async () => {
      const ar = site.runtime.editions.get('ar');
      await assert.rejects(site.runtime.revisions.restore(other, ar, nids.draft, first[nids.draft]!), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.revisions.restore(writer, ar, nids.scheduled, first[nids.scheduled]!), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.revisions.restore(moderator, ar, nids.draft, first[nids.draft]!), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.revisions.restore(editor, ar, nids.trashedDraft, first[nids.trashedDraft]!), { code: 'CONFLICT' });
      const en = site.runtime.editions.get('en');
      const archived = (await site.runtime.store.revisions.listRevisions(FIXTURE.article.nid))[0]!.contentHash;
      await assert.rejects(site.runtime.revisions.restore({ uid: 9, name: 'Admin', role: 'admin' }, en, FIXTURE.article.nid, archived), { code: 'READ_ONLY_EDITION' });
      for (const nid of Object.values(nids)) assert.equal((await site.runtime.store.revisions.listRevisions(nid)).length, 2, `nothing written to ${nid}`);

      const done = await site.runtime.revisions.restore(editor, ar, nids.scheduled, first[nids.scheduled]!);
      const [newest] = await site.runtime.store.revisions.listRevisions(nids.scheduled);
      assert.deepEqual([newest!.contentHash, newest!.revisedBy, newest!.title], [done.contentHash, editor.uid, `أول ${nids.scheduled}`]);
      const node = await site.runtime.store.revisions.findRevisedNode(nids.scheduled);
      assert.deepEqual([node!.title, node!.status], [`أول ${nids.scheduled}`, NODE_STATUS.SCHEDULED], 'a restore changes the content, not the status');
    });

    test('saves within one second are listed in the order they were made, and saving an earlier content again makes it the newest', async () => {
      const ar = site.runtime.editions.get('ar');
      const at = T0 + 600;
      const hashOf = (title: string) => revisionFixity({ title, bodyHtml: `<p>${title}</p>`, summary: null, credit: null, photo: null, revisedAt: at });
      // Titles whose hashes fall in each save: ordered by hash (the old tie-break), the list would be oldest first.
      const titles: string[] = [];
      for (let i = 0; titles.length < 3; i++) {
        const title = `نسخة ${i}`;
        if (titles.length === 0 || hashOf(title) < hashOf(titles.at(-1)!)) titles.push(title);
      }
      await newsroomArticle(site.runtime, 'ar', { nid: sameSecond, path: `content/s-${sameSecond}`, title: titles[0]!, at, ownerUid: writer.uid, status: NODE_STATUS.DRAFT, bodyHtml: `<p>${titles[0]}</p>` });
      for (const title of titles.slice(1)) await saveRevision(site.runtime, 'ar', sameSecond, { title, bodyHtml: `<p>${title}</p>`, at, by: writer.uid });
      const listed = async () => (await site.runtime.store.revisions.listRevisions(sameSecond)).map((r) => r.title);
      assert.deepEqual(await listed(), [...titles].reverse());
      const history = await site.runtime.revisions.history(editor, ar, sameSecond);
      const compared = await site.runtime.revisions.compare(editor, ar, sameSecond, history.revisions[0]!.contentHash, history.revisions[2]!.contentHash);
      assert.deepEqual([compared.from.title, compared.to.title], [titles[0], titles[2]], 'the older save on the left');

      // The first content saved again in the same second is the same revision, now the latest.
      await saveRevision(site.runtime, 'ar', sameSecond, { title: titles[0]!, bodyHtml: `<p>${titles[0]}</p>`, at, by: writer.uid });
      assert.deepEqual(await listed(), [titles[0], titles[2], titles[1]]);
    });
  });
}
