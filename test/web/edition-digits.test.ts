import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Issue 15 item 13: an edition's digits (Edition.digits) are consistent across its pages; the
// machine-readable values (datetime attributes, JSON-LD, links) stay Western either way.

const ARABIC_INDIC = /[\u0660-\u0669]/;

/** The text a reader sees: no scripts, styles, tags or attribute values. */
function visibleText(body: string): string {
  return body
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
}

const SEARCH = `/ar/search?q=${encodeURIComponent('مقال')}`;
const PAGES = [`/ar/${FIXTURE.arabic.path}`, `/ar/${FIXTURE.arabic.sectionPath}`, '/ar/', '/ar/archive', '/ar/archive/2025/11', SEARCH];

describe('edition digits (sqlite)', () => {
  let dir: string;
  let defaults: TestSite;
  let western: TestSite;
  const get = async (site: TestSite, url: string) => {
    const res = await site.folio.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-digits-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ editions: { ar: { digits: 'western' } } }));
    defaults = await openTestSite('sqlite', seedFixture);
    western = await openTestSite('sqlite', seedFixture, { FOLIO_CONFIG: file });
  });
  after(async () => {
    await defaults?.close();
    await western?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('by default the Arabic article and listings show Arabic-Indic digits', async () => {
    for (const url of PAGES) assert.match(visibleText(await get(defaults, url)), ARABIC_INDIC, url);
    assert.match(await get(defaults, `/ar/${FIXTURE.arabic.path}`), /الثلاثاء ١٨ تشرين الثاني ٢٠٢٥/);
    assert.match(visibleText(await get(defaults, '/ar/archive')), /٢٠٢٥/);
  });

  test('with digits "western" the Arabic pages show no Arabic-Indic digit anywhere', async () => {
    for (const url of PAGES) {
      const body = await get(western, url);
      const text = visibleText(body);
      assert.doesNotMatch(text, ARABIC_INDIC, `${url}: ${text.match(new RegExp(`.{0,40}${ARABIC_INDIC.source}.{0,40}`))?.[0] ?? ''}`);
      assert.doesNotMatch(body, ARABIC_INDIC, `${url} (attributes too)`);
    }
    const article = await get(western, `/ar/${FIXTURE.arabic.path}`);
    assert.match(article, /<time datetime="2025-11-18T[0-9:]+\+02:00">نُشر في الثلاثاء 18 تشرين الثاني 2025<\/time>/);
    assert.match(visibleText(await get(western, '/ar/archive')), /2025/);
    assert.match(visibleText(await get(western, SEARCH)), /[0-9]/, 'the search result count, in Western digits');
  });

  test('machine-readable values stay Western with either setting', async () => {
    for (const site of [defaults, western]) {
      const article = await get(site, `/ar/${FIXTURE.arabic.path}`);
      for (const m of article.matchAll(/datetime="([^"]*)"/g)) assert.doesNotMatch(m[1]!, ARABIC_INDIC);
      for (const m of article.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        const dates = m[1]!.match(/"date(?:Published|Modified)":"[^"]*"/g) ?? [];
        for (const d of dates) assert.doesNotMatch(d, ARABIC_INDIC);
      }
      for (const m of article.matchAll(/href="([^"]*)"/g)) assert.doesNotMatch(m[1]!, ARABIC_INDIC);
    }
  });

  test('the English archive keeps Western digits', async () => {
    const body = await get(western, `/${FIXTURE.article.path}`);
    assert.doesNotMatch(visibleText(body), ARABIC_INDIC);
  });
});
