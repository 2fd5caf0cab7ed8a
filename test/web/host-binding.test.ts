import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-hosts-'));
const configFile = join(dir, 'folio.json');
writeFileSync(configFile, JSON.stringify({ editions: { ar: { hosts: ['ar.ledger.test'] }, en: { hosts: ['english.ledger.test'] } } }));

describe('editions bound to host names', () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', seedFixture, { FOLIO_CONFIG: configFile });
  });
  after(async () => {
    await site.close();
  });

  test('a host bound to the Arabic edition serves it at its root, with links to match', async () => {
    const home = await site.folio.app.inject({ url: '/', headers: { host: 'ar.ledger.test' } });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="ar" dir="rtl">/);
    assert.match(home.body, /<a href="\/" rel="home">دفتر المشرق<\/a>/);
    const article = await site.folio.app.inject({ url: `/${FIXTURE.arabic.path}`, headers: { host: 'ar.ledger.test' } });
    assert.equal(article.statusCode, 200);
    assert.match(article.body, /<link rel="canonical" href="http:\/\/ar\.ledger\.test\/content\/arabic-article">/);
    assert.doesNotMatch(article.body, /href="\/ar\//);
  });

  test('the archive keeps its legacy paths on its own host, and the default host still has both', async () => {
    const legacy = await site.folio.app.inject({ url: `/node/${FIXTURE.article.nid}`, headers: { host: 'english.ledger.test' } });
    assert.equal(legacy.statusCode, 301);
    assert.equal(legacy.headers.location, `/${FIXTURE.article.path}`);
    const plain = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.path}`, headers: { host: 'localhost' } });
    assert.equal(plain.statusCode, 200);
    assert.match(plain.body, /<html lang="ar" dir="rtl">/);
  });

  test('pages cached for one host are not served to another', async () => {
    await site.folio.app.inject({ url: '/', headers: { host: 'ar.ledger.test' } });
    const english = await site.folio.app.inject({ url: '/', headers: { host: 'localhost' } });
    assert.match(english.body, /<html lang="en" dir="ltr">/);
  });
});
