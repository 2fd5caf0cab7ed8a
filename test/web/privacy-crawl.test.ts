import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const POSTED_EMAIL = 'secret.poster@hidden.example';
const MAX_PAGES = 1500;

describe('no commenter e-mail leaks from any public route', () => {
  let site: TestSite;
  let logs = '';

  before(async () => {
    const stream = new Writable({ write(chunk, _enc, done) { logs += String(chunk); done(); } });
    site = await openTestSite('sqlite', seedFixture, { FOLIO_MIN_POST_SECONDS: '0' }, { level: 'debug', stream });
    // A comment posted through the form, then approved, so its e-mail is in the database.
    const page = await site.folio.app.inject({ url: `/${FIXTURE.article.path}` });
    const res = await site.folio.app.inject({
      method: 'POST', url: `/comment/reply/${FIXTURE.article.nid}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ op: 'save', form_token: inputValue(page.body, 'form_token'), website: '', name: 'Poster', mail: POSTED_EMAIL, homepage: '', subject: 'Visible', comment: 'A published comment.' }),
    });
    assert.equal(res.statusCode, 303);
    const pending = await site.runtime.moderation.list({ kind: 'cli', login: 'test' }, { status: 'pending' });
    await site.runtime.moderation.act({ kind: 'cli', login: 'test' }, 'approve', pending.items.map((c) => c.cid));
  });
  after(async () => {
    await site.close();
  });

  test('crawling every link from both home pages finds no e-mail in bodies, headers or logs', async () => {
    const emails = [...FIXTURE.emails, POSTED_EMAIL];
    const seen = new Set<string>();
    const queue = ['/', '/ar/', '/rss.xml', '/comment/feed/2001', '/comment/feed/2003', '/sitemap.xml', '/sitemap-1.xml', '/filter/tips', '/no/such/page', '/comment/1', '/comment/2', '/node'];
    let crawled = 0;
    while (queue.length > 0 && crawled < MAX_PAGES) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await site.folio.app.inject({ url });
      crawled++;
      assert.ok(res.statusCode < 500, `${url} answered ${res.statusCode}`);
      const text = `${JSON.stringify(res.headers)}\n${res.body}`;
      for (const email of emails) assert.ok(!text.includes(email), `${email} leaked at ${url}`);
      if (res.statusCode >= 300 && res.statusCode < 400 && typeof res.headers.location === 'string') queue.push(res.headers.location.replace(/#.*/, ''));
      for (const m of res.body.matchAll(/href="(\/[^"#]*)/g)) {
        const link = m[1]!.replace(/&amp;/g, '&');
        if (!link.startsWith('/assets/') && !seen.has(link)) queue.push(link);
      }
    }
    assert.ok(crawled > 60, `crawled only ${crawled} pages`);
    assert.ok(seen.has(`/${FIXTURE.article.path}`));
    for (const email of emails) assert.ok(!logs.includes(email), `${email} appeared in the logs`);
  });
});
