import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoreRuntime } from '../../src/runtime.ts';
import { seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { vnuErrors, vnuSkip } from '../support/vnu.ts';

const PUBLISHED = seconds('2014-11-18T00:30:00+02:00');
const AR_PUBLISHED = seconds('2025-11-18T10:00:00+02:00');

/** The fixture with a corrected article in each edition, so every new block appears. */
async function seedCorrected(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  await runtime.auth.addUser({ name: 'Chief', email: null, password: 'a long enough password', role: 'admin' });
  await runtime.corrections.add({ edition: runtime.editions.get('en'), nid: FIXTURE.article.nid, kind: 'correction', text: 'A name was misspelled.', at: seconds('2014-11-21T09:00:00+02:00'), admin: 'Chief' });
  await runtime.corrections.add({ edition: runtime.editions.get('ar'), nid: FIXTURE.arabic.nid, kind: 'update', text: 'أُضيف ردّ الوزارة.', at: seconds('2025-11-19T09:00:00+02:00') });
}

const PAGES = [
  `/${FIXTURE.article.path}`,
  `/revisions/${PUBLISHED}/${FIXTURE.article.path}`,
  '/corrections',
  `/ar/${FIXTURE.arabic.path}`,
  `/ar/revisions/${AR_PUBLISHED}/${FIXTURE.arabic.path}`,
  '/ar/corrections',
];

describe('Memento and corrections pages are valid HTML (W3C Nu checker)', { skip: vnuSkip }, () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', seedCorrected);
  });
  after(async () => {
    await site.close();
  });

  test('articles with versions and corrections, earlier versions and the corrections pages have no errors', async () => {
    const pages = await Promise.all(PAGES.map(async (url) => {
      const res = await site.folio.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      return { name: url, html: res.body };
    }));
    assert.deepEqual(await vnuErrors(pages), []);
  });
});
