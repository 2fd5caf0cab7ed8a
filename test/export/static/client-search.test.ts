import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchChromium } from '../../support/browser.ts';
import { FIXTURE } from '../../support/fixture-site.ts';
import { openExportedSite, type ExportedSite } from './export-site.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

async function search(page: Page, query: string): Promise<{ summary: string; links: string[] }> {
  await page.fill('#search-page-q', query);
  await Promise.all([page.waitForURL(/\?q=/), page.click('.search-page button[type=submit]')]);
  await page.waitForSelector('.search-summary');
  return {
    summary: (await page.textContent('.search-summary')) ?? '',
    links: await page.$$eval('.search-results a', (as) => as.map((a) => (a as HTMLAnchorElement).href)),
  };
}

describe('the exported site searches in the browser, without a server', { skip: browserSkip }, () => {
  let exported: ExportedSite;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    exported = await openExportedSite();
    server = await serveFolder(exported.dir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await exported?.site.close();
    if (exported) rmSync(exported.dir, { recursive: true, force: true });
  });

  test('English: a known article is found, and its link opens it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.base}/search/index.html`);
    const { summary, links } = await search(page, 'battle for freedom');
    assert.match(summary, /^1 result for/);
    assert.deepEqual(links, [`${server.base}/${FIXTURE.article.path}/index.html`]);
    await page.click('.search-results a');
    assert.match((await page.textContent('h1')) ?? '', /The battle for freedom/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Arabic: typed without hamza, it finds the article whose teaser has one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/ar/search/index.html`);
    const { links } = await search(page, 'الفقرة الاولى');
    assert.deepEqual(links, [`${server.base}/ar/${FIXTURE.arabic.path}/index.html`]);
    const none = await search(page, 'كلمةغيرموجودة');
    assert.match(none.summary, /لم يُعثر على شيء/);
    await page.close();
  });

  test('it works opened from disk (file://) too', async () => {
    const page = await browser.newPage();
    await page.goto(`${pathToFileURL(exported.dir).href}/search/index.html?q=gaza+report+number&sort=newest`);
    await page.waitForSelector('.search-summary');
    const links = await page.$$eval('.search-results a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(links.length >= 20, `${links.length} results`);
    assert.ok(links[0]!.endsWith('/content/gaza-report-number-24/index.html'), links[0]);
    await page.goto(links[0]!);
    assert.match((await page.textContent('h1')) ?? '', /Gaza report number 24/);
    await page.close();
  });
});
