import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { NODE_STATUS } from '../../src/domain/node-status.ts';
import { formatSavedAt } from '../../src/text/dates.ts';
import { testDialects } from '../support/databases.ts';
import { seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { newsroomArticle, saveRevision } from '../support/revision-factories.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 12, point 4: an article's revisions with who saved each and when, a word diff of any two,
// and restore (a new revision; history is never rewritten), over HTTP on both databases.

const PASSWORD = 'correct horse battery staple';
const T0 = seconds('2026-03-01T09:00:00+02:00');

/** The words a diff page marks as inserted or deleted, in page order, without their hidden labels. */
function marked(body: string, tag: 'ins' | 'del'): string[] {
  return [...body.matchAll(new RegExp(`<${tag}>[\\s\\S]*?<bdi>([\\s\\S]*?)</bdi>[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[1]!.trim());
}

/** The revision hashes of a list page, newest first (from its "to" radio buttons). */
function listedHashes(body: string): string[] {
  return [...body.matchAll(/name="to" value="([^"]+)"/g)].map((m) => m[1]!);
}

for (const dialect of testDialects()) {
  describe(`revisions in the newsroom (${dialect})`, () => {
    let site: TestSite;
    let editor: StaffAgent;
    let writer: StaffAgent;
    let ids: { editor: number; writer: number };
    const AR_NID = 5001;
    const AR_PATH = 'content/مقال-المراجعات';
    const DRAFT_NID = 5002;
    let hashes: string[];
    let draftHashes: string[];

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      const rt = site.runtime;
      ids = {
        editor: await rt.auth.addUser({ name: 'Rania Haddad', email: null, password: PASSWORD, role: 'editor' }),
        writer: await rt.auth.addUser({ name: 'سامر', email: null, password: PASSWORD, role: 'writer' }),
      };
      // A published Arabic article by the editor: saved by the command line, then by the writer, then by the editor.
      const first = await newsroomArticle(rt, 'ar', {
        nid: AR_NID, path: AR_PATH, title: 'الحكومة تجتمع', at: T0, ownerUid: ids.editor, status: NODE_STATUS.PUBLISHED,
        bodyHtml: '<p>قال John Smith إن الحكومة ستجتمع يوم الأحد في بيروت.</p><p>فقرة ثانية لم تتغير.</p>',
      });
      const second = await saveRevision(rt, 'ar', AR_NID, {
        title: 'الحكومة تجتمع غداً', at: T0 + 600, by: ids.writer,
        bodyHtml: '<p>قال <a href="https://example.org/">John Smyth</a> إن الحكومة ستجتمع يوم الاثنين في بيروت.</p><p>فقرة ثانية لم تتغير.</p>',
      });
      const third = await saveRevision(rt, 'ar', AR_NID, {
        title: 'الحكومة تجتمع غداً', at: T0 + 1200, by: ids.editor, credit: '(رويترز)',
        bodyHtml: '<p>قال <a href="https://example.org/">John Smyth</a> إن الحكومة ستجتمع يوم الاثنين في بيروت.</p><h2>خلفية</h2><p>فقرة ثانية لم تتغير.</p>',
      });
      hashes = [first, second, third];
      // The writer's own draft, saved twice.
      const draftFirst = await newsroomArticle(rt, 'ar', {
        nid: DRAFT_NID, path: 'content/مسودة-سامر', title: 'مسوّدة أولى', at: T0, ownerUid: ids.writer, status: NODE_STATUS.DRAFT, bodyHtml: '<p>النص الأول.</p>',
      });
      const draftSecond = await saveRevision(rt, 'ar', DRAFT_NID, { title: 'مسوّدة ثانية', at: T0 + 60, by: ids.writer, bodyHtml: '<p>النص الثاني.</p>' });
      draftHashes = [draftFirst, draftSecond];
      // The English archive item gets a second revision, as a correction would give it.
      await saveRevision(rt, 'en', FIXTURE.article.nid, {
        title: FIXTURE.article.title, at: seconds('2014-11-19T08:00:00+02:00'), by: null, credit: '(Reuters, The Levant Ledger)',
        bodyHtml: '<p>Damascus – The first paragraph of the battle story, with “curly quotes” and an en dash – as the newsroom rewrote it.</p><p>Editor\'s Note: a second paragraph.</p>',
      });
      editor = new StaffAgent(site.folio.app, '198.51.100.21');
      writer = new StaffAgent(site.folio.app, '198.51.100.22');
      assert.equal((await editor.signIn('Rania Haddad', PASSWORD, '/ar')).status, 303);
      assert.equal((await writer.signIn('سامر', PASSWORD, '/ar')).status, 303);
    });
    after(async () => {
      await site.close();
    });

    test('the list shows every revision newest first, with who saved it and when, in the edition\'s time zone and digits', async () => {
      const res = await editor.get(`/ar/admin/content/${AR_NID}/revisions`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(listedHashes(res.body), [...hashes].reverse());
      const ar = site.runtime.editions.get('ar');
      for (const [i, who] of [[2, 'Rania Haddad'], [1, 'سامر'], [0, 'سطر الأوامر']] as const) {
        const when = formatSavedAt(T0 + i * 600, 'ar', ar.timeZone, ar.digits);
        assert.match(res.body, new RegExp(`<td><time datetime="[^"]+">${when}</time></td>\\s*<td><bdi>${who}</bdi></td>`), `revision ${i}`);
      }
      assert.match(res.body, /[٠-٩]{2}:[٠-٩]{2}:[٠-٩]{2}/, 'Arabic-Indic digits');
      assert.match(res.body, /<html[^>]*dir="rtl"/);
      // The editor may restore: a button on every revision but the current one.
      assert.equal((res.body.match(/form="restore-form" name="revision"/g) ?? []).length, 2);
    });

    test('the diff of two known revisions marks exactly the changed words: Arabic words and a Latin name inside Arabic', async () => {
      const res = await editor.get(`/ar/admin/content/${AR_NID}/revisions/diff?from=${hashes[0]}&to=${hashes[1]}`);
      assert.equal(res.status, 200);
      // The link added around the name is markup, not words: only the name's spelling shows.
      assert.deepEqual(marked(res.body, 'del'), ['Smith', 'الأحد']);
      assert.deepEqual(marked(res.body, 'ins'), ['غداً', 'Smyth', 'الاثنين']);
      assert.match(res.body, /<span class="visually-hidden">\[مُضاف: <\/span>/);
      // Picked the other way round, the older one is still on the left.
      const reversed = await editor.get(`/ar/admin/content/${AR_NID}/revisions/diff?from=${hashes[1]}&to=${hashes[0]}`);
      assert.deepEqual(marked(reversed.body, 'ins'), ['غداً', 'Smyth', 'الاثنين']);
      // A heading added between paragraphs, and a credit where there was none.
      const next = await editor.get(`/ar/admin/content/${AR_NID}/revisions/diff?from=${hashes[1]}&to=${hashes[2]}`);
      assert.deepEqual(marked(next.body, 'ins'), ['(رويترز)', 'خلفية']);
      assert.deepEqual(marked(next.body, 'del'), []);
    });

    test('an English archive item: the diff in English, and its revisions are read-only', async () => {
      const list = await editor.get(`/admin/content/${FIXTURE.article.nid}/revisions`);
      assert.equal(list.status, 200);
      assert.match(list.body, /This edition is an archive/);
      assert.doesNotMatch(list.body, /restore-form/);
      const [newest, older] = listedHashes(list.body);
      const diff = await editor.get(`/admin/content/${FIXTURE.article.nid}/revisions/diff?from=${older}&to=${newest}`);
      assert.deepEqual(marked(diff.body, 'del'), ['wrote']);
      assert.deepEqual(marked(diff.body, 'ins'), ['rewrote']);
      assert.match(diff.body, /<h2 id="diff-title">Title<\/h2>\s*<p class="diff-same">Unchanged\.<\/p>/);
      const post = await editor.post(`/admin/content/${FIXTURE.article.nid}/revisions/restore`, { _csrf: csrfTokenIn(list.body), revision: older! });
      assert.equal(post.status, 403);
      assert.equal(listedHashes((await editor.get(`/admin/content/${FIXTURE.article.nid}/revisions`)).body).length, 2);
    });

    test('asking for a diff without two revisions comes back to the list with a 400 and says what to do', async () => {
      const res = await editor.get(`/ar/admin/content/${AR_NID}/revisions/diff?from=${hashes[0]}`);
      assert.equal(res.status, 400);
      assert.match(res.body, /role="alert">اختر مراجعتين للمقارنة/);
      assert.equal((await editor.get(`/ar/admin/content/${AR_NID}/revisions/diff?from=${hashes[0]}&to=${'f'.repeat(64)}`)).status, 404);
      assert.equal((await editor.get(`/ar/admin/content/999999/revisions`)).status, 404);
      assert.equal((await editor.get(`/ar/admin/content/${FIXTURE.article.nid}/revisions`)).status, 404, 'an English node is not under /ar/');
    });

    test('a writer cannot restore an editor\'s published article', async () => {
      const list = await writer.get(`/ar/admin/content/${AR_NID}/revisions`);
      assert.equal(list.status, 200, 'a published article\'s history is readable');
      assert.doesNotMatch(list.body, /restore-form/);
      assert.match(list.body, /لا يمكنك استعادة المراجعات إلا في مسوّداتك/);
      const res = await writer.post(`/ar/admin/content/${AR_NID}/revisions/restore`, { _csrf: csrfTokenIn(list.body), revision: hashes[1]! });
      assert.equal(res.status, 403);
      assert.equal(listedHashes((await editor.get(`/ar/admin/content/${AR_NID}/revisions`)).body).length, 3);
    });

    test('restore writes a new revision equal to the chosen one; the article, its Mementos and the audit log show it', async () => {
      const ar = site.runtime.editions.get('ar');
      const mementosBefore = (await site.folio.app.inject({ url: `/ar/timemap/link/${encodeURI(AR_PATH)}` })).body.match(/rel="[^"]*memento[^"]*"/g)?.length ?? 0;
      const pageBefore = await site.folio.app.inject({ url: `/ar/${encodeURI(AR_PATH)}` });
      assert.match(pageBefore.body, /John Smyth/);

      const searchResults = async () => (await site.folio.app.inject({ url: '/ar/search?q=Smith' })).body.match(/<li class="search-result">/g)?.length ?? 0;
      assert.equal(await searchResults(), 0, 'written below the services, the article was never indexed');

      const list = await editor.get(`/ar/admin/content/${AR_NID}/revisions`);
      const res = await editor.post(`/ar/admin/content/${AR_NID}/revisions/restore`, { _csrf: csrfTokenIn(list.body), revision: hashes[0]! });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `/ar/admin/content/${AR_NID}/revisions?restored=${hashes[0]}`);

      const after = await editor.get(String(res.headers.location));
      const listed = listedHashes(after.body);
      assert.equal(listed.length, 4, 'one revision added');
      assert.deepEqual(listed.slice(1), [...hashes].reverse(), 'the earlier ones are all kept');
      const when = formatSavedAt(T0, 'ar', ar.timeZone, ar.digits);
      assert.match(after.body, new RegExp(`role="status">استُعيدت مراجعة ${when}`));
      assert.match(after.body, new RegExp(`<td><bdi>Rania Haddad</bdi></td>[\\s\\S]*?تستعيد مراجعة ${when}`));

      // The new revision has the chosen one's content: nothing differs between them.
      const diff = await editor.get(`/ar/admin/content/${AR_NID}/revisions/diff?from=${hashes[0]}&to=${listed[0]}`);
      assert.deepEqual([marked(diff.body, 'ins'), marked(diff.body, 'del')], [[], []]);

      // Readers see the restored text at once (the cached page was dropped).
      const page = await site.folio.app.inject({ url: `/ar/${encodeURI(AR_PATH)}` });
      assert.match(page.body, /John Smith/);
      assert.doesNotMatch(page.body, /John Smyth/);
      assert.match(page.body, /<h1[^>]*>\s*الحكومة تجتمع\s*</);

      // The search index has the restored text.
      assert.equal(await searchResults(), 1);

      // Memento: the restore is a new Memento, and the old ones stay.
      const timemap = (await site.folio.app.inject({ url: `/ar/timemap/link/${encodeURI(AR_PATH)}` })).body;
      assert.equal(timemap.match(/rel="[^"]*memento[^"]*"/g)?.length ?? 0, mementosBefore + 1);
      for (const at of [T0, T0 + 600, T0 + 1200]) assert.match(timemap, new RegExp(`/ar/revisions/${at}/`), `the Memento of ${at} stays`);
      const old = await site.folio.app.inject({ url: `/ar/revisions/${T0 + 600}/${encodeURI(AR_PATH)}` });
      assert.equal(old.statusCode, 200);
      assert.match(old.body, /John Smyth/);

      // The audit log: who restored what, with the hashes before and after.
      const [entry] = await site.runtime.audit.list('cli', { limit: 1, subject: { type: 'node', id: String(AR_NID) } });
      assert.deepEqual(entry && [entry.action, entry.actorName, entry.edition, entry.before, entry.after], ['article.revert', 'Rania Haddad', 'ar', hashes[2], listed[0]]);
    });

    test('a writer restores a revision of their own draft', async () => {
      const list = await writer.get(`/ar/admin/content/${DRAFT_NID}/revisions`);
      assert.equal(list.status, 200);
      assert.equal((list.body.match(/form="restore-form" name="revision"/g) ?? []).length, 1);
      const res = await writer.post(`/ar/admin/content/${DRAFT_NID}/revisions/restore`, { _csrf: csrfTokenIn(list.body), revision: draftHashes[0]! });
      assert.equal(res.status, 303);
      const after = await writer.get(`/ar/admin/content/${DRAFT_NID}/revisions`);
      assert.equal(listedHashes(after.body).length, 3);
      assert.match(after.body, /<td><bdi>سامر<\/bdi><\/td>\s*<td dir="auto">مسوّدة أولى<\/td>/);
    });

    test('a restore without a revision, or of one the article does not have, is refused with the list kept', async () => {
      const list = await editor.get(`/ar/admin/content/${AR_NID}/revisions`);
      const count = listedHashes(list.body).length;
      const empty = await editor.post(`/ar/admin/content/${AR_NID}/revisions/restore`, { _csrf: csrfTokenIn(list.body) });
      assert.equal(empty.status, 400);
      assert.match(empty.body, /role="alert">اختر مراجعة لاستعادتها/);
      assert.equal(listedHashes(empty.body).length, count);
      const unknown = await editor.post(`/ar/admin/content/${AR_NID}/revisions/restore`, { _csrf: csrfTokenIn(list.body), revision: 'a'.repeat(64) });
      assert.equal(unknown.status, 404);
      const noToken = await editor.post(`/ar/admin/content/${AR_NID}/revisions/restore`, { revision: hashes[1]! });
      assert.equal(noToken.status, 403);
      assert.equal(listedHashes((await editor.get(`/ar/admin/content/${AR_NID}/revisions`)).body).length, count);
    });

    test('over a real socket: the list, a restore, its 303 and the article page it changed', async () => {
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (site.folio.app.server.address() as AddressInfo).port;
      const agent = new StaffAgent({ port }, '198.51.100.23');
      assert.equal((await agent.signIn('Rania Haddad', PASSWORD, '/ar')).status, 303);
      const list = await agent.get(`/ar/admin/content/${AR_NID}/revisions`);
      assert.equal(list.status, 200);
      const before = listedHashes(list.body);
      const res = await agent.post(`/ar/admin/content/${AR_NID}/revisions/restore`, { _csrf: csrfTokenIn(list.body), revision: hashes[1]! });
      assert.equal(res.status, 303);
      const after = await agent.get(String(res.headers.location));
      assert.equal(after.status, 200);
      assert.equal(listedHashes(after.body).length, before.length + 1);
      const page = await agent.get(`/ar/${AR_PATH}`);
      assert.match(page.body, /John Smyth/);
    });
  });
}
