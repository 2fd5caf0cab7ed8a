/**
 * The staff body editor in Chromium, on a small form page this test serves through the real app
 * (so the site's CSP applies): Arabic typed with a Latin name and numbers, the toolbar, a messy
 * paste, autosave POSTs with their header, the textarea's HTML after submit, and right to left.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { formatToString } from '../../src/filter/format-text.ts';
import { editorAssets, staffFormatTipsView } from '../../src/web/views/editor-assets.ts';
import { html } from '../../src/web/views/html.ts';
import { browserSkip, openBrowserSite, type BrowserSite } from '../support/browser.ts';
import { ensureEditorBundle } from '../support/editor-bundle.ts';
import { vnuErrors, vnuSkip } from '../support/vnu.ts';

interface Post {
  readonly autosave: boolean;
  readonly fields: Record<string, string>;
}

// The live edition (/ar/) takes writes; the archive (/) refuses every POST.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CSRF = 'csrf-token-of-the-form';
const ARABIC = 'قال John Smith إن 42 شخصًا حضروا';
const MESSY = [
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5f1c"><p dir="ltr" style="line-height:1.38;margin-top:0pt">',
  '<span style="font-size:11pt;font-weight:700;">Breaking</span><span style="font-size:11pt;"> from </span>',
  '<span style="font-size:11pt;font-style:italic;">Reuters</span></p></b>',
  '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->',
  '<style>p.MsoNormal{margin:0}</style><p class="MsoNormal" style="mso-margin-top-alt:auto">Word paragraph<o:p></o:p></p>',
  '<script>window.__pwned = true</script><img src="/assets/icon-192.png" onerror="window.__pwned = true">',
].join('');

function formPage(lang: 'ar' | 'en'): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  return String(html`<!DOCTYPE html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><title>Editor test</title></head>
<body>
<main>
<h1>${lang === 'ar' ? 'خبر جديد' : 'New article'}</h1>
<form action="/ar/editor-test/save" method="post">
<input type="hidden" name="_csrf" value="${CSRF}">
<label for="edit-title">Title</label> <input id="edit-title" name="title" value="خبر">
<label for="edit-body">${lang === 'ar' ? 'النص' : 'Body'}</label>
<textarea id="edit-body" name="body" rows="12" data-folio-editor aria-describedby="body-tips"></textarea>
${staffFormatTipsView(lang, 'body-tips')}
<button type="submit">Save</button>
</form>
</main>
${editorAssets()}
</body>
</html>`);
}

describe('the staff body editor, in Chromium', { skip: browserSkip }, () => {
  let opened: BrowserSite;
  let browser: Browser;
  let base: string;
  const posts: Post[] = [];

  before(async () => {
    await ensureEditorBundle();
    opened = await openBrowserSite({}, async (site) => {
      const app = site.folio.app;
      app.get<{ Querystring: { lang?: string } }>('/ar/editor-test/form', async (request, reply) =>
        reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(formPage(request.query.lang === 'en' ? 'en' : 'ar')));
      app.post('/ar/editor-test/save', async (request, reply) => {
        const autosave = request.headers['x-folio-autosave'] === '1';
        posts.push({ autosave, fields: { ...(request.body as Record<string, string>) } });
        if (autosave) return reply.send({ saved: true, revision: String(posts.length), savedAt: Date.now() });
        return reply.header('content-type', 'text/html; charset=utf-8').send('<!DOCTYPE html><html lang="en"><head><title>Saved</title></head><body><p>Saved</p></body></html>');
      });
    });
    ({ browser, base } = opened);
  });
  after(async () => {
    await opened?.close();
  });

  async function pasteHtml(page: Page, markup: string): Promise<void> {
    await page.locator('.folio-editor-content').evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data);
      transfer.setData('text/plain', 'plain fallback');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, markup);
  }

  test('type Arabic with a Latin name, use the toolbar, paste, autosave, submit: the textarea holds the clean HTML', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    const answers = ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', '/assets/icon-180.png', 'صورة المؤتمر'];
    page.on('dialog', (d) => void d.accept(answers.shift() ?? ''));

    await page.goto(`${base}/ar/editor-test/form`);
    const editable = page.locator('.folio-editor-content');
    await editable.waitFor();
    assert.equal(await page.locator('#edit-body').isHidden(), true, 'the textarea gives way to the editor');

    // Right to left: the editable area and the toolbar follow the Arabic page.
    assert.equal(await editable.getAttribute('dir'), 'rtl');
    assert.equal(await editable.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    const first = await page.locator('.folio-editor-toolbar button').first().boundingBox();
    const last = await page.locator('.folio-editor-toolbar button').last().boundingBox();
    assert.ok(first && last && first.x > last.x, 'the toolbar mirrors: its first button is on the right');
    assert.equal(await page.getByRole('button', { name: 'عريض', exact: true }).count(), 1, 'buttons are named in Arabic');
    assert.equal(await page.locator('.folio-editor-toolbar').getAttribute('aria-label'), 'التنسيق');
    assert.equal(await editable.getAttribute('aria-labelledby'), 'edit-body-label');

    await editable.click();
    await page.locator('.folio-editor-heading2').click();
    await page.keyboard.type('عنوان الخبر');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`${ARABIC} `);
    await page.locator('.folio-editor-bold').click();
    assert.equal(await page.locator('.folio-editor-bold').getAttribute('aria-pressed'), 'true');
    await page.keyboard.type('AFP');
    await page.locator('.folio-editor-bold').click();
    await page.keyboard.press('Enter');

    // The toolbar is one tab stop that arrow keys move through (in RTL, ArrowLeft goes forward).
    await page.locator('.folio-editor-toolbar button').first().focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'folio-editor-button folio-editor-italic');
    await editable.click();
    await page.keyboard.press('Control+End');

    await pasteHtml(page, MESSY);
    await page.keyboard.press('Enter');
    await page.locator('.folio-editor-embed').click();
    await page.locator('.folio-editor-image').click();
    await page.keyboard.type(' ٢٠٢٣');
    // A paragraph in the other direction: the toolbar's direction button sets dir="ltr" on it.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Signed: John Smith, 2023');
    await page.locator('.folio-editor-direction').click();
    assert.equal(await page.locator('.folio-editor-direction').getAttribute('aria-pressed'), 'true');
    assert.equal(await editable.locator('p[dir="ltr"]').evaluate((el) => getComputedStyle(el).direction), 'ltr');

    // A local copy is kept from the first change.
    const copy = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('folio-editor:')));
    assert.equal(copy, 'folio-editor:/ar/editor-test/save:body');

    // Autosave about ten seconds after the change: the form posted with its header and CSRF field.
    await page.waitForRequest((r) => r.url().endsWith('/ar/editor-test/save') && r.headers()['x-folio-autosave'] === '1', { timeout: 30_000 });

    await page.locator('.folio-editor-status', { hasText: 'تم الحفظ' }).waitFor({ timeout: 10_000 });
    const autosaved = posts.find((p) => p.autosave);
    assert.ok(autosaved, 'an autosave reached the server');
    assert.equal(autosaved.fields['_csrf'], CSRF);
    assert.equal(autosaved.fields['title'], 'خبر');
    assert.match(autosaved.fields['body'] ?? '', /عنوان الخبر/);
    assert.equal(await page.locator('.folio-editor-status').getAttribute('aria-live'), 'polite');

    // Leaving the page saves too.
    await page.keyboard.type('!');
    const before = posts.filter((p) => p.autosave).length;
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.waitForFunction(() => document.querySelector('.folio-editor-status')?.textContent?.includes('تم الحفظ') ?? false);
    assert.equal(posts.filter((p) => p.autosave).length, before + 1);

    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/ar/editor-test/save`);
    const submitted = posts.filter((p) => !p.autosave);
    assert.equal(submitted.length, 1);
    // Browsers send a textarea's line breaks as CRLF (the server's format turns them back into LF).
    const body = (submitted[0]!.fields['body'] ?? '').replaceAll('\r\n', '\n');
    assert.equal(submitted[0]!.fields['_csrf'], CSRF);

    assert.equal(body, [
      '<h2>عنوان الخبر</h2>',
      `<p>${ARABIC} <strong>AFP</strong></p>`,
      // The first pasted paragraph joins the empty one the cursor was in (so it takes its attributes).
      '<p><strong>Breaking</strong> from <em>Reuters</em></p>',
      '<p>Word paragraph</p>',
      // The pasted image keeps its address, never its onerror.
      '<p><img src="/assets/icon-192.png" alt=""></p>',
      '<figure class="embed" data-embed="youtube" data-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>',
      '<p><img src="/assets/icon-180.png" alt="صورة المؤتمر"> ٢٠٢٣</p>',
      '<p dir="ltr">Signed: John Smith, 2023!</p>',
    ].join('\n'));
    // The server's format keeps all of it: only its canonical spelling (rel, loading, self-closing) differs.
    const stored = formatToString('staff_html', body);
    assert.equal(stored, [
      '<h2>عنوان الخبر</h2>',
      `<p>${ARABIC} <strong>AFP</strong></p>`,
      '<p><strong>Breaking</strong> from <em>Reuters</em></p>',
      '<p>Word paragraph</p>',
      '<p><img src="/assets/icon-192.png" alt="" loading="lazy" /></p>',
      '<figure class="embed" data-embed="youtube" data-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="external noopener">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>',
      '<p><img src="/assets/icon-180.png" alt="صورة المؤتمر" loading="lazy" /> ٢٠٢٣</p>',
      '<p dir="ltr">Signed: John Smith, 2023!</p>',
    ].join('\n'));
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false), false);
    assert.deepEqual(problems, [], 'no script error and no CSP violation');
    // The form was submitted: its local copy is gone.
    await page.goto(`${base}/ar/editor-test/form`);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('folio-editor:')).length), 0);
    await context.close();
  });

  test('a copy left by a crash is offered back on the next load, in the page language', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/ar/editor-test/form?lang=en`);
    await page.locator('.folio-editor-content').waitFor();
    assert.equal(await page.locator('.folio-editor-content').getAttribute('dir'), 'ltr');
    await page.evaluate(() => localStorage.setItem('folio-editor:/ar/editor-test/save:body', JSON.stringify({ html: '<p>Lost <em>work</em></p>', at: Date.now() })));
    await page.reload();
    const offer = page.locator('.folio-editor-offer');
    await offer.waitFor();
    assert.match(await offer.innerText(), /may not have been saved/);
    await offer.getByRole('button', { name: 'Restore the copy' }).click();
    assert.equal(await page.locator('.folio-editor-content').innerHTML().then((h) => h.includes('<p>Lost <em>work</em></p>')), true);
    assert.equal(await page.locator('#edit-body').inputValue(), '<p>Lost <em>work</em></p>');
    await context.close();
  });

  test('the editor has no axe-core violations in either language, light or dark', async () => {
    const failures: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      for (const lang of ['ar', 'en'] as const) {
        const page = await context.newPage();
        await page.goto(`${base}/ar/editor-test/form?lang=${lang}`);
        await page.locator('.folio-editor-content').click();
        await page.keyboard.type('قال John Smith ');
        await page.locator('.folio-editor-bold').click();
        await page.keyboard.type('42');
        // The CSP forbids inline script: axe goes in through the DevTools protocol.
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return axe.run(document, { resultTypes: ['violations'] });
        });
        for (const v of result.violations) failures.push(`${colorScheme} ${lang}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        await page.close();
      }
      await context.close();
    }
    assert.deepEqual(failures, []);
  });

  test('vnu finds no error in the form without JavaScript and with the editor mounted, in both languages', { skip: vnuSkip }, async () => {
    const pages: { name: string; markup: string }[] = [];
    const context = await browser.newContext();
    for (const lang of ['ar', 'en'] as const) {
      pages.push({ name: `${lang} without JavaScript`, markup: formPage(lang) });
      const page = await context.newPage();
      await page.goto(`${base}/ar/editor-test/form?lang=${lang}`);
      await page.locator('.folio-editor-content').click();
      await page.keyboard.type('قال John Smith 42');
      pages.push({ name: `${lang} with the editor`, markup: await page.content() });
      await page.close();
    }
    await context.close();
    assert.deepEqual(await vnuErrors(pages.map((p) => ({ name: p.name, html: p.markup }))), []);
  });
});
