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

  test('every page type in both editions has no axe-core violations, in the light and the dark scheme', async () => {
    const failures: string[] = [];
    // prefers-color-scheme is emulated, so axe's contrast checks see the dark palette too.
    for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ javaScriptEnabled: true, colorScheme });
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
      for (const v of result.violations) failures.push(`${colorScheme} ${pageType.name}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.close();
    }
    await context.close();
    }
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
    // The Arabic faces lead the stack, so spaces and punctuation do not fall back to a Latin serif.
    assert.match(String(await page.evaluate('getComputedStyle(document.body).fontFamily')), /^"Noto Naskh Arabic"/);
    assert.match(String(await page.evaluate('getComputedStyle(document.querySelector(".edition-switch")).fontFamily')), /^"Noto Sans Arabic"/);
    // The site name sits at the right edge in RTL.
    const box = await page.locator('.site-name').boundingBox();
    assert.ok(box && box.x > 640, `site name at x=${box?.x}`);
    await context.close();
  });

  test('the dark scheme really is dark', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const [background, text] = await page.evaluate('[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]') as [string, string];
    const lightness = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    assert.ok(lightness(background) < 60 && lightness(text) > 200, `background ${background}, text ${text}`);
    await context.close();
  });

  test('printed, a page is one column of text: no search box, forms, navigation or footer, and links show where they lead', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${base}/${FIXTURE.article.path}`);
    for (const selector of ['.site-header .search-form', '.main-nav', '.site-footer', '.comment-form-wrapper', '.back-to-top']) {
      assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
    }
    const after = await page.evaluate(`(() => {
      const link = [...document.querySelectorAll('main a[href]')].find((a) => !a.getAttribute('href').startsWith('#') && !a.closest('.terms, .links, .teaser-title, .byline'));
      return link ? [link.getAttribute('href'), getComputedStyle(link, '::after').content] : null;
    })()`) as [string, string] | null;
    assert.ok(after, 'a link in the article');
    // Chromium resolves attr(href) in the computed value: the generated text itself.
    assert.equal(after[1], `" (${after[0]})"`);
    await page.goto(`${base}/`);
    const columns = await page.evaluate('getComputedStyle(document.querySelector(".home-blocks")).display');
    assert.equal(columns, 'block', 'the home page blocks print one under another');
    await context.close();
  });

  test('at 390 px the language switch stays in its top corner, in both directions', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const [url, side] of [['/', 'right'], ['/ar/', 'left']] as const) {
      await page.goto(`${base}${url}`);
      const name = (await page.locator('.site-name').boundingBox())!;
      const edition = (await page.locator('.edition-switch a').boundingBox())!;
      assert.ok(edition.y < name.y + name.height, `${url}: the switch sits beside the name (switch y ${edition.y}, name ${name.y}–${name.y + name.height})`);
      if (side === 'right') assert.ok(edition.x + edition.width > 390 - 40 && edition.x > name.x + 100, `${url}: at the right edge (x ${edition.x}, w ${edition.width})`);
      else assert.ok(edition.x < 40 && edition.x + edition.width < name.x + name.width - 100, `${url}: at the left edge (x ${edition.x})`);
    }
    await context.close();
  });
});
