import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { browserSkip, launchChromium } from '../support/browser.ts';
import { buildComment, seconds } from '../support/factories.ts';
import { saveRevision } from '../support/revision-factories.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { vnuErrors, vnuSkip } from '../support/vnu.ts';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';
import { buildImage } from '../support/image-factories.ts';
import { parseArticleInput } from '../../src/domain/article-input.ts';

// The pages added for staff and the long tips, through the same checks as the public pages
// (test/web/html-validity.test.ts and test/browser/accessibility.test.ts): one vnu run, one browser.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'correct horse battery staple';

/** Signed-in pages (GET), in both editions. */
const STAFF_PAGES: readonly string[] = [
  '/admin/content/comment/approval',
  '/admin/content/comment/approval?done=approve&changed=5',
  '/admin/content/comment/approval?error=select',
  '/admin/content/comment',
  '/admin/content/comment/spam',
  '/admin/content/comment/5/history',
  '/admin/content/comment/1/history',
  '/user/login',
  '/user/logout',
  '/ar/admin/content/comment/approval',
  '/ar/admin/content/comment/approval?done=spam&changed=30,31',
  '/ar/admin/content/comment/30/history',
  '/ar/user/logout',
];
/** Pages for everyone. */
const PUBLIC_PAGES: string[] = ['/user/login', '/ar/user/login', '/filter/tips', '/ar/filter/tips', '/user/password', '/ar/user/password'];
/** Pages only an admin sees (issue 12): the people page, with its notices. */
const ADMIN_PAGES: string[] = ['/admin/people', '/ar/admin/people', '/ar/admin/people?done=role&uid=1', '/admin/people?done=disabled&uid=1&ended=2',
  // Revisions (issue 12, point 4): the list, a diff, the list after a restore (its notice); an archive's read-only list.
  '/admin/content/2001/revisions', '/admin/content/2001/revisions/diff', '/ar/admin/content/3001/revisions', '/ar/admin/content/3001/revisions/diff',
  // The audit log (point 7), filtered and not.
  '/admin/log', '/ar/admin/log', '/ar/admin/log?area=article&node=3001', '/admin/log?area=user',
  // The media library (issue 12, point 5): with photos (one without alt text), a notice, a search with no match.
  '/admin/media', '/ar/admin/media', '/ar/admin/media?done=upload', '/admin/media?q=nothing-matches',
  // The newsroom's content and front pages (the English archive's says it is read-only); an article's are added once it exists.
  '/admin/content', '/ar/admin/content', '/ar/admin/content?status=trash', '/ar/admin/content?done=emptied&count=2', '/ar/admin/content/new', '/ar/admin/front', '/ar/admin/front?done=saved'];

async function seed(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  // A second revision of an article in each edition (a Latin name inside the Arabic), and audit entries to list.
  await saveRevision(runtime, 'en', 2001, { title: 'The battle for freedom: X vs. the authorities, updated', bodyHtml: '<p>Damascus – The first paragraph, rewritten.</p><h2>Background</h2><p>Editor\'s Note: a second paragraph.</p>', at: seconds('2014-11-19T10:00:00+02:00'), by: null });
  const first = (await runtime.store.revisions.listRevisions(3001))[0]!.contentHash;
  const second = await saveRevision(runtime, 'ar', 3001, { title: 'عنوان معدّل', bodyHtml: '<p>قال John Smyth إن الحكومة اجتمعت يوم الاثنين.</p>', at: seconds('2026-03-01T09:00:00+02:00'), by: null });
  await runtime.store.audit.record({ actor: 'cli', action: 'article.revert', subject: { type: 'node', id: '3001' }, edition: 'ar', before: second, after: first, note: 'عنوان Latin ٣' }, Date.parse('2026-03-02T08:00:00Z'));
  await runtime.store.audit.record({ actor: 'cli', action: 'user.role', subject: { type: 'user', id: '1' }, before: 'writer', after: 'editor', note: 'mod' }, Date.parse('2026-03-02T09:00:00Z'));
  const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
  await runtime.store.writer.saveComments(ar, [
    buildComment({ cid: 30, nid: 3001, thread: '01/', status: 0, name: 'قارئ', subject: 'تعليق', body: 'نص.' }),
    buildComment({ cid: 31, nid: 3001, pid: 30, thread: '01.00/', status: 0, name: 'قارئة', subject: 'ردّ', body: 'ردّ.' }),
  ]);
}

describe('staff pages and the tips page', () => {
  let site: TestSite;
  let mod: StaffAgent;
  let admin: StaffAgent;
  before(async () => {
    site = await openTestSite('sqlite', seed);
    await site.runtime.auth.addUser({ name: 'mod', email: null, password: PASSWORD, role: 'moderator' });
    mod = new StaffAgent(site.folio.app, '192.0.2.77');
    await mod.signIn('mod', PASSWORD);
    // Give comment 5 a record to show.
    const queue = await mod.get('/admin/content/comment/approval');
    await mod.post('/admin/content/comment/approval', { _csrf: csrfTokenIn(queue.body), op: 'spam', 'comments[5]': '1' });
    const spam = await mod.get('/admin/content/comment/spam');
    await mod.post('/admin/content/comment/spam', { _csrf: csrfTokenIn(spam.body), op: 'unpublish', 'comments[5]': '1' });
    await site.runtime.auth.addUser({ name: 'admin', email: 'admin@example.org', password: PASSWORD, role: 'admin' });
    admin = new StaffAgent(site.folio.app, '192.0.2.79');
    await admin.signIn('admin', PASSWORD);
    // Photos in each edition's library: one with its text, one without alt text (flagged on the page).
    for (const edition of ['en', 'ar']) {
      await site.runtime.media.upload('cli', { edition, fileName: 'Beirut harbour.jpg', bytes: await buildImage({ format: 'jpeg', width: edition === 'ar' ? 640 : 600, height: 400 }), truncated: false, caption: edition === 'ar' ? 'ميناء Beirut عام 2024' : 'Harbour', credit: 'AFP', alt: edition === 'ar' ? 'ميناء' : 'A harbour' });
      await site.runtime.media.upload('cli', { edition, fileName: `no-alt-${edition}.png`, bytes: await buildImage({ format: 'png', width: edition === 'ar' ? 300 : 320, height: 300 }), truncated: false, caption: '', credit: '', alt: '' });
    }
    // A reader's page with a library photo: <picture>, srcset, sizes, real size (issue 12, point 5).
    const [photoItem] = (await site.runtime.media.list('cli', { edition: 'ar', limit: 10 })).items.filter((i) => i.alt);
    const photo = await site.runtime.media.photoFor(photoItem!.id);
    const withPhoto = await site.runtime.publishing.addArticle(site.runtime.editions.get('ar'), parseArticleInput({
      title: 'مقال بصورة', body: '<p>نص.</p>', published: '2024-05-01T10:00:00Z', section: 'politics', authors: [], tags: [], credit: null,
      photo: { src: photo.src, caption: photo.caption, credit: photo.credit },
    }));
    PUBLIC_PAGES.push(`/ar/${withPhoto.path}`);
    // An article with mixed Arabic and Latin text, scheduled (so its form shows every part), for the edit and preview pages.
    const me = (await site.runtime.store.users.findUserByName('admin'))!;
    const { nid } = await site.runtime.newsroom.create(me, site.runtime.editions.get('ar'), {
      title: 'تقرير Reuters عن مرفأ بيروت 2020', slug: '', summary: 'ملخّص', body: '<p>نص مع Lea al-Qazzi والرقم 42.</p>', section: 'politics',
      tags: 'مرفأ، Beirut', authors: 'سلمى', credit: '(رويترز)', photoSrc: '/assets/demo/photo-3.svg', photoCaption: 'المرفأ', photoCredit: '(AFP)',
      promoted: true, sticky: false, comments: '2', translationOf: '', publishAt: '2099-01-01T10:00',
    }, 'schedule');
    ADMIN_PAGES.push(`/ar/admin/content/${nid}/edit`, `/ar/admin/content/${nid}/edit?done=scheduled`, `/ar/admin/content/${nid}/preview`);
    // An open invitation (listed on the people page) and one-time links' forms, in both editions.
    for (const prefix of ['', '/ar']) {
      const invite = await site.runtime.people.invite({ kind: 'cli' }, { email: `new${prefix.length}@example.org`, role: 'writer' }, (t) => `${prefix}/user/invite/${t}`);
      // One live reset link per person, so each edition's link is for someone else.
      const reset = await site.runtime.people.issueReset({ kind: 'cli' }, prefix === '' ? 1 : 2, (t) => `${prefix}/user/reset/${t}`);
      if (!invite.mailed && !reset.mailed) PUBLIC_PAGES.push(invite.link, reset.link);
    }
  });
  after(async () => {
    await site.close();
  });

  test('have no W3C Nu checker errors', { skip: vnuSkip }, async () => {
    const pages: { name: string; body: string }[] = [];
    for (const url of STAFF_PAGES) {
      const res = await mod.get(url);
      assert.equal(res.status, 200, url);
      pages.push({ name: `signed in ${url}`, body: res.body });
    }
    for (const url of ADMIN_PAGES) {
      const res = await admin.get(url);
      assert.equal(res.status, 200, url);
      pages.push({ name: `admin ${url}`, body: res.body });
    }
    const people = await admin.get('/ar/admin/people');
    const shown = await admin.post('/ar/admin/people/invite', { _csrf: csrfTokenIn(people.body), email: 'shown@example.org', role: 'editor' });
    pages.push({ name: 'invitation link shown (ar)', body: shown.body });
    const refused = await admin.post('/admin/people/invite', { _csrf: csrfTokenIn(people.body), email: 'nope', role: 'editor' });
    assert.equal(refused.status, 400);
    pages.push({ name: 'invitation refused (en)', body: refused.body });
    const library = await admin.get('/ar/admin/media');
    const gif = await admin.postMultipart('/ar/admin/media', { _csrf: csrfTokenIn(library.body), caption: 'تعليق', credit: '', alt: 'نص' }, { field: 'file', fileName: 'a.gif', type: 'image/gif', bytes: await buildImage({ format: 'gif', width: 20, height: 20 }) });
    assert.equal(gif.status, 400);
    pages.push({ name: 'upload refused (ar)', body: gif.body });
    const form = await admin.get('/ar/admin/content/new');
    const rejected = await admin.post('/ar/admin/content/new', { _csrf: csrfTokenIn(form.body), title: '', slug: 'no good', section: '', body: '<p>نص</p>', tags: 'أ، ب' });
    assert.equal(rejected.status, 400);
    pages.push({ name: 'article refused (ar)', body: rejected.body });
    const front = await admin.post('/ar/admin/front', { _csrf: csrfTokenIn(form.body), lead: '', 'position-50': 'x' });
    assert.equal(front.status, 400);
    pages.push({ name: 'front page refused (ar)', body: front.body });
    const visitor = new StaffAgent(site.folio.app, '192.0.2.78');
    for (const url of PUBLIC_PAGES) {
      const res = await visitor.get(url);
      assert.equal(res.status, 200, url);
      pages.push({ name: url, body: res.body });
    }
    const failed = await visitor.signIn('mod', 'wrong password', '/ar', { destination: '/ar/' });
    assert.equal(failed.status, 401);
    pages.push({ name: 'failed sign-in (ar)', body: failed.body });
    assert.deepEqual(await vnuErrors(pages.map((page) => ({ name: page.name, html: page.body }))), []);
  });

  test('have no axe-core violations in Chromium', { skip: browserSkip }, async () => {
    await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(site.folio.app.server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    const failures: string[] = [];
    try {
      const signedIn = await browser.newContext();
      await signedIn.addCookies([...mod.cookies].map(([name, value]) => ({ name, value, url: base })));
      const anonymous = await browser.newContext();
      const asAdmin = await browser.newContext();
      await asAdmin.addCookies([...admin.cookies].map(([name, value]) => ({ name, value, url: base })));
      for (const [context, urls] of [[signedIn, STAFF_PAGES], [anonymous, PUBLIC_PAGES], [asAdmin, ADMIN_PAGES]] as const) {
        for (const url of urls) {
          const page = await context.newPage();
          const res = await page.goto(`${base}${encodeURI(url)}`);
          assert.equal(res?.status(), 200, url);
          // The CSP forbids inline script, so axe goes in through the DevTools protocol.
          await page.evaluate(AXE_SOURCE);
          const result = await page.evaluate(async () => {
            const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
            return axe.run(document, { resultTypes: ['violations'] });
          });
          for (const v of result.violations) failures.push(`${url}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    assert.deepEqual(failures, []);
  });
});
