import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedFixture } from '../support/fixture-site.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { vnuErrors, vnuSkip } from '../support/vnu.ts';

describe('HTML validity (W3C Nu checker)', { skip: vnuSkip }, () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', seedFixture);
  });
  after(async () => {
    await site.close();
  });

  test('one page of each type, in both editions, has no errors', async () => {
    const pages: { name: string; html: string }[] = [];
    for (const page of PAGE_TYPES) {
      const res = await site.folio.app.inject({ url: encodeURI(page.url) });
      assert.equal(res.statusCode, page.status ?? 200, page.url);
      pages.push({ name: page.name, html: res.body });
    }
    assert.deepEqual(await vnuErrors(pages), []);
  });
});
