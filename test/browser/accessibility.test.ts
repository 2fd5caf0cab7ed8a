import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { browserSkip, openBrowserSite, type BrowserSite } from '../support/browser.ts';
import { FIXTURE } from '../support/fixture-site.ts';
import { PAGE_TYPES } from '../support/page-types.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

describe('pages in Chromium', { skip: browserSkip }, () => {
  let opened: BrowserSite;
  let browser: Browser;
  let base: string;

  before(async () => {
    opened = await openBrowserSite();
    ({ browser, base } = opened);
  });
  after(async () => {
    await opened?.close();
  });

  test('every page type in both editions has no axe-core violations', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const failures: string[] = [];
    for (const pageType of PAGE_TYPES) {
      const page = await context.newPage();
      const res = await page.goto(`${base}${encodeURI(pageType.url)}`);
      assert.equal(res?.status(), pageType.status ?? 200, pageType.url);
      // The CSP forbids inline script, so axe is injected through the DevTools protocol, not a <script>.
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return axe.run(document, { resultTypes: ['violations'] });
      });
      for (const v of result.violations) failures.push(`${pageType.name}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.close();
    }
    await context.close();
    assert.deepEqual(failures, []);
  });

  test('pages work without JavaScript, and the article page is screenshotted at phone and desktop widths', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]] as const) {
      for (const [edition, url] of [['en', `/${FIXTURE.article.path}`], ['ar', `/ar/${FIXTURE.arabic.path}`]] as const) {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
        const page = await context.newPage();
        await page.goto(`${base}${url}`);
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        assert.ok(Number(overflow) <= 0, `${edition} ${name}: no horizontal scrolling (${overflow}px)`);
        await page.screenshot({ path: new URL(`article-${edition}-${name}.png`, ARTIFACTS).pathname, fullPage: true });
        if (edition === 'en') {
          // "^ Back to Top" is a real link: following it moves to the top.
          await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
          await page.click('text=^ Back to Top');
          assert.equal(await page.evaluate('location.hash'), '#top');
        }
        await context.close();
      }
    }
  });

  test('the Arabic edition lays out right to left', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ar/${FIXTURE.arabic.path}`);
    const dir = await page.evaluate('getComputedStyle(document.body).direction');
    assert.equal(dir, 'rtl');
    // The site name sits at the right edge in RTL.
    const box = await page.locator('.site-name').boundingBox();
    assert.ok(box && box.x > 640, `site name at x=${box?.x}`);
    await context.close();
  });
});
