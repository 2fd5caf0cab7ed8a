import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { AuditAction } from '../../src/domain/audit.ts';
import { NODE_STATUS } from '../../src/domain/node-status.ts';
import { testDialects } from '../support/databases.ts';
import { seconds } from '../support/factories.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { newsroomArticle, saveRevision } from '../support/revision-factories.ts';
import { StaffAgent } from '../support/staff-agent.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 12, point 7: /admin/log lists who did what, newest first, a keyset page at a time, with
// filters by person, area and article; admins only; in both languages; over HTTP on both databases.

const PASSWORD = 'correct horse battery staple';
const ENTRIES = 120;
const ACTIONS: readonly AuditAction[] = ['article.save', 'user.role', 'article.publish', 'media.upload', 'trash.empty', 'front.arrange'];

/** The entries of a log page as their notes' numbers, in page order. */
function entryNumbers(body: string): number[] {
  return [...body.matchAll(/<bdi class="audit-note">entry-(\d+)<\/bdi>/g)].map((m) => Number(m[1]));
}

/** The link to the next (older) page, unescaped. */
function olderLink(body: string): string | null {
  const href = /<a href="([^"]+)" rel="next">/.exec(body)?.[1];
  return href === undefined ? null : href.replaceAll('&amp;', '&');
}

/** Entries are made three to a millisecond, so a page boundary can fall inside a tie (broken by id). */
const tie = (i: number) => Math.floor(i / 3);

/** The entries are exactly these, each once, newest first (in any order within one millisecond). */
function assertNewestFirst(seen: readonly number[], expected: readonly number[]): void {
  assert.deepEqual([...seen].sort((a, b) => a - b), [...expected].sort((a, b) => a - b));
  for (let k = 1; k < seen.length; k++) assert.ok(tie(seen[k - 1]!) >= tie(seen[k]!), `entry ${seen[k]} after ${seen[k - 1]}`);
}

/** Every entry number a filtered walk through all pages finds, in order. */
async function walk(agent: StaffAgent, first: string): Promise<number[]> {
  const seen: number[] = [];
  for (let url: string | null = first, pages = 0; url !== null; pages++) {
    assert.ok(pages < 10, 'paging ends');
    const res = await agent.get(url);
    assert.equal(res.status, 200, url);
    seen.push(...entryNumbers(res.body));
    url = olderLink(res.body);
  }
  return seen;
}

for (const dialect of testDialects()) {
  describe(`the audit log page (${dialect})`, () => {
    let site: TestSite;
    let admin: StaffAgent;
    let uids: { admin: number; editor: number };
    // Entry i: made by the editor when i is odd, the admin otherwise; action ACTIONS[i % 6]; about node 7000 + i % 3.
    const byEditor = (i: number) => i % 2 === 1;
    const newestFirst = Array.from({ length: ENTRIES }, (_, i) => ENTRIES - 1 - i);
    const base = Date.parse('2026-04-01T08:00:00Z');

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      uids = {
        admin: await site.runtime.auth.addUser({ name: 'Admin', email: null, password: PASSWORD, role: 'admin' }),
        editor: await site.runtime.auth.addUser({ name: 'رانيا', email: null, password: PASSWORD, role: 'editor' }),
      };
      for (let i = 0; i < ENTRIES; i++) {
        const actor = byEditor(i) ? { uid: uids.editor, name: 'رانيا' } : { uid: uids.admin, name: 'Admin' };
        // Three entries share each millisecond, so page boundaries fall inside ties too.
        await site.runtime.store.audit.record({ actor, action: ACTIONS[i % ACTIONS.length]!, subject: { type: 'node', id: String(7000 + (i % 3)) }, edition: 'ar', note: `entry-${i}` }, base + tie(i));
      }
      admin = new StaffAgent(site.folio.app, '198.51.100.41');
      assert.equal((await admin.signIn('Admin', PASSWORD)).status, 303);
    });
    after(async () => {
      await site.close();
    });

    test('newest first, fifty a page, and the "older" links walk every entry once', async () => {
      const first = await admin.get('/admin/log');
      assert.equal(first.status, 200);
      assert.equal(first.headers['cache-control'], 'no-store');
      assertNewestFirst(entryNumbers(first.body).slice(0, 48), newestFirst.slice(0, 48));
      assert.equal(entryNumbers(first.body).length, 50);
      assert.doesNotMatch(first.body, /Newest entries/);
      assertNewestFirst(await walk(admin, '/admin/log'), newestFirst);
      const second = await admin.get(olderLink(first.body)!);
      assert.match(second.body, /Newest entries/);
      // An entry added meanwhile does not shift the second page (keyset, not offset).
      await site.runtime.store.audit.record({ actor: 'cli', action: 'settings.change', subject: { type: 'edition', id: 'ar' }, note: 'entry-999' }, base + 10_000_000);
      assert.deepEqual(entryNumbers((await admin.get(olderLink(first.body)!)).body), entryNumbers(second.body));
      assert.deepEqual(entryNumbers((await admin.get('/admin/log')).body)[0], 999);
    });

    test('filters by person, by area and by article, and pages within a filter', async () => {
      assertNewestFirst(await walk(admin, `/admin/log?person=${uids.editor}`), newestFirst.filter(byEditor));
      assertNewestFirst(await walk(admin, '/admin/log?area=article'), newestFirst.filter((i) => ACTIONS[i % ACTIONS.length]!.startsWith('article.')));
      assertNewestFirst(await walk(admin, '/admin/log?node=7002'), newestFirst.filter((i) => i % 3 === 2));
      const all = newestFirst.filter((i) => !byEditor(i) && ACTIONS[i % ACTIONS.length]!.startsWith('article.') && i % 3 === 0);
      assert.ok(all.length > 0);
      assertNewestFirst(await walk(admin, `/admin/log?person=${uids.admin}&area=article&node=7000`), all);
      // The filters come back selected.
      const page = await admin.get(`/admin/log?person=${uids.editor}&area=media`);
      assert.match(page.body, new RegExp(`<option value="${uids.editor}" selected>`));
      assert.match(page.body, /<option value="media" selected>Media<\/option>/);
      assert.match(page.body, /<a href="\/ar\/admin\/content\/7000\/edit">article 7000<\/a>/, 'the subject links to the article\'s edit page in its edition');
    });

    test('a filter that is wrong is a 400 that says what to do, with what was typed kept', async () => {
      const res = await admin.get('/admin/log?node=twelve&area=article');
      assert.equal(res.status, 400);
      assert.match(res.body, /role="alert" id="log-error">The article number must be a whole number/);
      assert.match(res.body, /name="node" value="twelve"[^>]*aria-invalid="true"/);
      assert.match(res.body, /<option value="article" selected>/);
      assert.equal((await admin.get('/admin/log?area=everything')).status, 400);
      assert.equal((await admin.get('/admin/log?person=99999')).status, 400);
      assert.equal((await admin.get('/admin/log?before=yesterday')).status, 400);
      // Arabic-Indic digits are digits.
      assertNewestFirst(entryNumbers((await admin.get('/ar/admin/log?node=٧٠٠٢')).body), newestFirst.filter((i) => i % 3 === 2));
    });

    test('only admins: an editor gets a 403 page, a visitor the sign-in page', async () => {
      const editor = new StaffAgent(site.folio.app, '198.51.100.42');
      assert.equal((await editor.signIn('رانيا', PASSWORD, '/ar')).status, 303);
      assert.doesNotMatch((await editor.get('/ar/user/login')).body, /href="\/ar\/admin\/log"/, 'no link to it on an editor\'s staff page');
      assert.match((await admin.get('/ar/user/login')).body, /<li><a href="\/ar\/admin\/log">سجلّ التدقيق<\/a><\/li>/, 'the admin\'s staff links include it');
      const refused = await editor.get('/ar/admin/log');
      assert.equal(refused.status, 403);
      assert.doesNotMatch(refused.body, /entry-\d+/);
      const visitor = await new StaffAgent(site.folio.app, '198.51.100.43').get('/ar/admin/log?area=user');
      assert.equal(visitor.status, 303);
      assert.equal(visitor.headers.location, `/ar/user/login?destination=${encodeURIComponent('/ar/admin/log?area=user')}`);
    });

    test('in Arabic: right to left, Arabic labels and digits; a restore is listed with its hashes', async () => {
      const ar = site.runtime.editions.get('ar');
      const at = seconds('2026-04-02T09:00:00+03:00');
      const first = await newsroomArticle(site.runtime, 'ar', { nid: 7100, path: 'content/سجل', title: 'قبل', at, ownerUid: uids.editor, status: NODE_STATUS.PUBLISHED, bodyHtml: '<p>أ</p>' });
      const second = await saveRevision(site.runtime, 'ar', 7100, { title: 'بعد', bodyHtml: '<p>ب</p>', at: at + 60, by: uids.editor });
      const editor = (await site.runtime.people.findUser('رانيا'))!;
      const done = await site.runtime.revisions.restore(editor, ar, 7100, first);
      const res = await admin.get('/ar/admin/log?node=7100');
      assert.equal(res.status, 200);
      assert.match(res.body, /<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
      assert.match(res.body, /<h1 class="page-title">سجلّ التدقيق<\/h1>/);
      assert.match(res.body, new RegExp(`<tr data-action="article.revert"><td><time datetime="[^"]+">[^<]*[٠-٩]+[^<]*</time></td><td><bdi>رانيا</bdi></td><td>استعاد مراجعة</td>`));
      assert.match(res.body, new RegExp(`<code dir="ltr" title="${second}">${second.slice(0, 12)}</code> ← <code dir="ltr" title="${done.contentHash}">${done.contentHash.slice(0, 12)}</code>`));
      assert.match(res.body, /href="\/ar\/admin\/content\/comment\/approval">للإشراف على التعليقات سجلّه الخاص/);
    });

    test('over a real socket, with a filter in the query', async () => {
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (site.folio.app.server.address() as AddressInfo).port;
      const agent = new StaffAgent({ port }, '198.51.100.44');
      assert.equal((await agent.signIn('Admin', PASSWORD, '/ar')).status, 303);
      const res = await agent.get(`/ar/admin/log?person=${uids.editor}&area=article`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assertNewestFirst(entryNumbers(res.body), newestFirst.filter((i) => byEditor(i) && ACTIONS[i % ACTIONS.length]!.startsWith('article.')));
    });
  });
}
