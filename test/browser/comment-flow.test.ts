import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserSkip, openBrowserSite, type BrowserSite } from '../support/browser.ts';
import { FIXTURE } from '../support/fixture-site.ts';

const HOSTILE = [
  'Thanks for the report.',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned=\'link\'">a link</a>',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<a href=" &#14;  javascript:window.__pwned=\'entity\'">another</a>',
].join('\n');

describe('a reader comments, a moderator approves, in Chromium', { skip: browserSkip }, () => {
  let opened: BrowserSite;
  let browser: Browser;
  let base: string;

  before(async () => {
    opened = await openBrowserSite({ FOLIO_MIN_POST_SECONDS: '1' }, async (site) => {
      await site.runtime.auth.addUser({ name: 'Maya', email: 'maya@staff.example', password: 'correct horse battery', role: 'moderator' });
    });
    ({ browser, base } = opened);
  });
  after(async () => {
    await opened?.close();
  });

  test('post, preview, queue, sign in, approve, published with its anchor; nothing hostile runs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    await page.goto(`${base}/${FIXTURE.article.path}`);
    await page.fill('#edit-name', 'Samir');
    await page.fill('#edit-mail', 'samir@private.example');
    await page.fill('#edit-subject', 'A careful reader');
    await page.fill('#edit-comment', HOSTILE);
    await page.waitForTimeout(1100); // a person takes longer than the form's minimum
    await page.click('button[value="preview"]');
    assert.match(await page.locator('h1.page-title').innerText(), /Preview comment/);
    assert.match(await page.locator('.comment-preview .comment-body').innerText(), /Thanks for the report\./);
    assert.equal(await page.inputValue('#edit-comment'), HOSTILE, 'the preview keeps the text exactly');

    await page.click('button[value="save"]');
    assert.match(page.url(), /\?comment=queued#comment-form$/);
    assert.match(await page.locator('.messages[role="status"]').innerText(), /Your comment has been queued for moderation by site administrators and will be published after approval\./);

    await page.goto(`${base}/user/login`);
    await page.fill('#edit-name', 'Maya');
    await page.fill('#edit-pass', 'correct horse battery');
    await page.click('.login-form button[type="submit"]');
    assert.match(page.url(), /\/admin\/content\/comment\/approval/);
    const row = page.locator('article', { hasText: 'A careful reader' }).first();
    assert.match(await row.innerText(), /samir@private\.example/, 'moderators see the e-mail');
    await row.locator('input[type="checkbox"]').check();
    await page.click('button[value="approve"]');
    assert.match(page.url(), /done=approve/);

    // Another reader, with nothing cached: the approved comment is on the article page.
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    readerPage.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await readerPage.goto(`${base}/${FIXTURE.article.path}`);
    const published = readerPage.locator('.comment', { hasText: 'A careful reader' });
    const id = await published.getAttribute('id');
    assert.match(String(id), /^comment-\d+$/);
    await readerPage.goto(`${base}/${FIXTURE.article.path}#${id}`);
    assert.ok(await readerPage.locator(`#${id}`).isVisible());
    assert.doesNotMatch(await readerPage.content(), /samir@private\.example/);
    // No link in the comment may run script.
    for (const link of await readerPage.locator(`#${id} .comment-body a`).all()) {
      const href = await link.getAttribute('href');
      assert.ok(href === null || !/^\s*javascript:/i.test(href), `dangerous href ${href}`);
    }
    await readerPage.waitForTimeout(300);
    assert.equal(await readerPage.evaluate('window.__pwned'), undefined);
    assert.deepEqual(dialogs, []);
    await reader.close();
    await context.close();
  });
});
