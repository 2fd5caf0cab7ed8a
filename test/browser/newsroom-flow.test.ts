import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { NODE_STATUS } from '../../src/domain/node-status.ts';
import { toWallClock } from '../../src/text/wall-clock.ts';
import { browserSkip, openBrowserSite, type BrowserSite } from '../support/browser.ts';

// Issue 12's "done when", in Chromium with JavaScript on, against a real socket: an editor invites
// a writer; the writer drafts an Arabic article with a Latin name and an uploaded photo, right to
// left, in the body editor; the editor schedules it two minutes ahead and it appears on /ar/, in
// /ar/rss.xml, in the news sitemap and in search; then the editor changes its slug (the old one
// redirects), restores an earlier revision and unpublishes it. The same steps over HTTP on both
// databases are in test/web/newsroom-content.test.ts, revisions-admin.test.ts and media-library.test.ts.

const PASSWORD = 'correct horse battery staple';
const TITLE = 'زيارة Emmanuel Macron إلى مرفأ بيروت';
const EDITED = `${TITLE} في ٢٠٢٦`;

/** A photo as a camera makes it: a JPEG of a harbour-blue gradient, 1200×800. */
async function cameraJpeg(): Promise<Buffer> {
  const { data, info } = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 90, b: 160 } } }).raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i += 3) data[i] = (i / 3) % 256;
  return sharp(data, { raw: info }).jpeg({ quality: 80 }).toBuffer();
}

/**
 * Clicks a form's submit button and waits until the page it leads to has loaded. Waiting for "load"
 * alone returns at once, because the page with the form is already loaded, and the next step raced
 * the POST.
 */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()), page.click(selector)]);
  await page.waitForLoadState('load');
}

async function signIn(page: Page, base: string, name: string, password: string): Promise<void> {
  await page.goto(`${base}/ar/user/login`);
  await page.fill('#edit-name', name);
  await page.fill('#edit-pass', password);
  await page.click('form.login-form button[type=submit]');
  // Signed in, wherever the role lands: every staff page has the sign-out button.
  await page.waitForSelector('form.logout-form');
}

describe('the newsroom in Chromium: invite, draft, schedule, publish, rename, restore, unpublish', { skip: browserSkip }, () => {
  let opened: BrowserSite;
  let base: string;
  let editorContext: BrowserContext;
  let writerContext: BrowserContext;
  let editor: Page;
  let writer: Page;
  let nid = 0;
  const problems: string[] = [];

  before(async () => {
    opened = await openBrowserSite({}, async (site) => {
      await site.runtime.auth.addUser({ name: 'رئيسة التحرير', email: 'chief@example.org', password: PASSWORD, role: 'editor' });
    });
    base = opened.base;
    editorContext = await opened.browser.newContext({ javaScriptEnabled: true, locale: 'ar' });
    writerContext = await opened.browser.newContext({ javaScriptEnabled: true, locale: 'ar' });
    editor = await editorContext.newPage();
    writer = await writerContext.newPage();
    for (const page of [editor, writer]) {
      // A CSP refusal or a script error on any page fails the flow at the end.
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    }
  });
  after(async () => {
    await editorContext?.close();
    await writerContext?.close();
    await opened?.close();
  });

  test('an editor invites a writer, who joins with the one-time link', async () => {
    await signIn(editor, base, 'رئيسة التحرير', PASSWORD);
    await editor.goto(`${base}/ar/admin/people`);
    assert.deepEqual(await editor.locator('#invite-role option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['writer']);
    await editor.fill('#invite-email', 'writer@example.org');
    await submit(editor, 'form.invite-form button[type=submit]');
    const link = (await editor.locator('code.one-time-link').textContent())!.trim();
    assert.match(link, /\/ar\/user\/invite\/[A-Za-z0-9_-]{43}$/);

    await writer.goto(link.replace(/^https?:\/\/[^/]+/, base));
    await writer.fill('#edit-name', 'كاتب');
    await writer.fill('#edit-pass', PASSWORD);
    await writer.fill('#edit-pass2', PASSWORD);
    await submit(writer, 'form.password-form button[type=submit]');
    await signIn(writer, base, 'كاتب', PASSWORD);
    const joined = await opened.site.runtime.store.users.findUserByName('كاتب');
    assert.equal(joined?.role, 'writer');
  });

  test('the writer uploads a photo and drafts an Arabic article with a Latin name in the editor, right to left', async () => {
    await writer.goto(`${base}/ar/admin/media`);
    await writer.setInputFiles('#media-file', { name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg() });
    await writer.fill('#upload-caption', 'مرفأ بيروت عند الفجر');
    await writer.fill('#upload-credit', '(Reuters)');
    await writer.fill('#upload-alt', 'رافعات مرفأ بيروت وسفينة راسية');
    await submit(writer, 'form.media-upload button[type=submit]');
    assert.match(writer.url(), /done=upload/);

    await writer.goto(`${base}/ar/admin/content/new`);
    await writer.fill('#field-title', TITLE);
    const editable = writer.locator('.folio-editor-content');
    await editable.waitFor();
    assert.equal(await editable.evaluate((el) => getComputedStyle(el).direction), 'rtl', 'the editable area is right to left');
    await editable.click();
    await writer.keyboard.type('وصل الرئيس Emmanuel Macron إلى بيروت صباح الأربعاء 2026 في زيارة تستمر يومين.');
    await writer.selectOption('#field-section', { index: 1 });
    await writer.fill('#field-tags', 'مرفأ، Beirut');
    await writer.locator('input[name="photoMedia"]').nth(1).check();
    await Promise.all([writer.waitForURL(/\/admin\/content\/\d+\/edit/), writer.click('button[name="op"][value="save"]')]);
    nid = Number(/\/content\/(\d+)\/edit/.exec(writer.url())![1]);
    const stored = await opened.site.runtime.newsroom.article({ uid: 0, name: 'test', role: 'admin' }, opened.site.runtime.editions.get('ar'), nid);
    assert.equal(stored.status, NODE_STATUS.DRAFT);
    assert.match(stored.bodyHtml, /<p>وصل الرئيس Emmanuel Macron إلى بيروت صباح الأربعاء 2026 في زيارة تستمر يومين\.<\/p>/);
    assert.match(stored.photo?.src ?? '', /^\/media\/[0-9a-f]+-\d+\.jpg$/, 'the library photo is the lead photo');
    assert.equal(stored.photo?.credit, '(Reuters)');
    // A writer may not publish: the form offers no such button.
    assert.equal(await writer.locator('button[name="op"][value="publish"]').count(), 0);
  });

  test('the editor edits and schedules it two minutes ahead; at its time it is on /ar/, in the feed, the news sitemap and search', async () => {
    await editor.goto(`${base}/ar/admin/content/${nid}/edit`);
    await editor.fill('#field-title', EDITED);
    const at = new Date(Date.now() + 2 * 60_000);
    await editor.fill('#field-publishAt', toWallClock(at, 'Asia/Beirut'));
    await Promise.all([editor.waitForURL(/done=scheduled/), editor.click('button[name="op"][value="schedule"]')]);
    const path = (await opened.site.runtime.newsroom.article({ uid: 0, name: 'test', role: 'admin' }, opened.site.runtime.editions.get('ar'), nid)).path!;
    assert.equal((await fetch(`${base}/ar/${encodeURI(path)}`)).status, 404, 'not before its time');

    // Its time comes (moved back rather than waited for), and the scheduler's claim publishes it.
    const rt = opened.site.runtime;
    await rt.store.desk.setStatus(rt.editions.get('ar') as never, nid, NODE_STATUS.SCHEDULED, Math.floor(Date.now() / 1000) - 1, Math.floor(Date.now() / 1000));
    assert.deepEqual((await rt.publishing.publishDue()).map((d) => d.nid), [nid]);

    const article = await editor.goto(`${base}/ar/${encodeURI(path)}`);
    assert.equal(article?.status(), 200);
    assert.equal(await editor.locator('h1').first().textContent(), EDITED);
    assert.match(await editor.content(), /<picture>.*srcset=.*<\/picture>/s);
    for (const [url, expected] of [['/ar/', EDITED], ['/ar/rss.xml', EDITED], ['/sitemap-news.xml', encodeURI(`/ar/${path}`)]] as const) {
      const body = await (await fetch(`${base}${url}`)).text();
      assert.ok(body.includes(expected), `${url} lists it`);
    }
    const search = await (await fetch(`${base}/ar/search?${new URLSearchParams({ q: 'Macron' })}`)).text();
    assert.ok(search.includes(EDITED), 'search finds it by the Latin name');
  });

  test('the editor changes its slug (the old address redirects), restores the first revision, then unpublishes it', async () => {
    const rt = opened.site.runtime;
    const admin = { uid: 0, name: 'test', role: 'admin' };
    const oldPath = (await rt.newsroom.article(admin, rt.editions.get('ar'), nid)).path!;
    await editor.goto(`${base}/ar/admin/content/${nid}/edit`);
    await editor.fill('#field-slug', 'ماكرون-في-بيروت');
    await Promise.all([editor.waitForURL(/done=/), editor.click('button[name="op"][value="save"]')]);
    const moved = await fetch(`${base}/ar/${encodeURI(oldPath)}`, { redirect: 'manual' });
    assert.equal(moved.status, 301);
    assert.equal(decodeURIComponent(new URL(moved.headers.get('location')!, base).pathname), '/ar/content/ماكرون-في-بيروت');

    await editor.goto(`${base}/ar/admin/content/${nid}/revisions`);
    // Newest first in save order, even for saves made within one second: the edit with the new
    // slug is current, and the first save (the draft, under its first title) is the last row.
    const rows = editor.locator('tbody tr');
    assert.equal(await rows.first().locator('td[dir="auto"]').textContent(), EDITED);
    assert.match(await rows.first().textContent() ?? '', /الحالية/);
    const firstRevision = rows.last();
    assert.equal(await firstRevision.locator('td[dir="auto"]').textContent(), TITLE);
    await Promise.all([editor.waitForURL(/[?&]restored=/), firstRevision.locator('button[form="restore-form"]').click()]);
    const page = await editor.goto(`${base}/ar/content/${encodeURIComponent('ماكرون-في-بيروت')}`);
    assert.equal(page?.status(), 200);
    assert.equal(await editor.locator('h1').first().textContent(), TITLE, 'the first revision\'s title is back');

    await editor.goto(`${base}/ar/admin/content/${nid}/edit`);
    await submit(editor, `form[action$="/admin/content/${nid}/unpublish"] button`);
    assert.equal((await fetch(`${base}/ar/content/${encodeURIComponent('ماكرون-في-بيروت')}`)).status, 410);
    const log = await rt.audit.list('cli', { limit: 20, subject: { type: 'node', id: String(nid) } });
    for (const action of ['article.create', 'article.schedule', 'article.slug', 'article.revert', 'article.unpublish']) {
      assert.ok(log.some((e) => e.action === action), `the audit log has ${action}`);
    }
    assert.deepEqual(problems, [], 'no script error or CSP refusal on any page');
  });
});
