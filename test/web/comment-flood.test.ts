import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Flood control under a burst (issue 14, point 4): the address's recent comments are counted in
// the transaction that stores the new one, so posts arriving together cannot all pass the count
// before any of them is stored, as they could when it was read ahead of the write.

const PASSWORD = 'correct horse battery staple';
const reader = { name: 'Rana', mail: 'rana@private.example', homepage: '', subject: '' };

for (const dialect of testDialects()) {
  describe(`comment flood control under concurrent posts (${dialect})`, () => {
    let site: TestSite;

    before(async () => {
      site = await openTestSite(dialect, seedFixture, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_FLOOD_LIMIT: '3', FOLIO_TRUST_PROXY: '127.0.0.1' });
      await site.runtime.auth.addUser({ name: 'editor', email: 'editor@staff.example', password: PASSWORD, role: 'editor' });
    });
    after(async () => {
      await site.close();
    });

    /** Posts each text at once from one address, with the form token of the page at `pageUrl`. */
    async function burst(texts: readonly string[], from: string, pageUrl: string, action: string) {
      const token = inputValue((await site.folio.app.inject({ url: pageUrl })).body, 'form_token');
      return Promise.all(texts.map((comment) => site.folio.app.inject({
        method: 'POST', url: action, remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ op: 'save', form_token: token, website: '', ...reader, comment }),
      })));
    }

    /** The comments stored from an address, in any status. */
    async function storedFrom(host: string): Promise<string[]> {
      const { items } = await site.runtime.store.comments.listForModeration({ limit: 500, offset: 0 });
      return items.filter((c) => c.hostname === host).map((c) => c.body);
    }

    test('ten posts at once from one address with a limit of three: three stored, seven refused with a 429 that keeps each text', async () => {
      const texts = Array.from({ length: 10 }, (_, i) => `Burst comment number ${i}.`);
      const answers = await burst(texts, '203.0.113.21', `/${FIXTURE.article.path}`, `/comment/reply/${FIXTURE.article.nid}`);
      const stored = answers.filter((r) => r.statusCode === 303);
      const refused = answers.map((r, i) => ({ r, text: texts[i]! })).filter(({ r }) => r.statusCode === 429);
      assert.equal(stored.length, 3);
      assert.equal(refused.length, 7);
      for (const { r, text } of refused) {
        assert.match(r.body, /You cannot post more than 3 comments in 10 minutes\. Your comment is kept below: please try again later\./);
        assert.ok(r.body.includes(text), 'the refused text comes back in the form');
      }
      const kept = await storedFrom('203.0.113.21');
      assert.equal(kept.length, 3, 'exactly the three acknowledged are stored');
      assert.deepEqual(new Set(kept), new Set(answers.map((r, i) => ({ r, text: texts[i]! })).filter(({ r }) => r.statusCode === 303).map(({ text }) => text)));
      // The window goes on counting them: one more, alone, is refused too.
      assert.equal((await burst(['One more afterwards.'], '203.0.113.21', `/${FIXTURE.article.path}`, `/comment/reply/${FIXTURE.article.nid}`))[0]!.statusCode, 429);
    });

    test('on the Arabic edition the refusal is in Arabic and the text is kept', async () => {
      const texts = Array.from({ length: 5 }, (_, i) => `تعليق رقم ${i} في دفعة واحدة`);
      const answers = await burst(texts, '203.0.113.22', `/ar/${FIXTURE.arabic.path}`, `/ar/comment/reply/${FIXTURE.arabic.nid}`);
      assert.equal(answers.filter((r) => r.statusCode === 303).length, 3);
      const refused = answers.map((r, i) => ({ r, text: texts[i]! })).filter(({ r }) => r.statusCode === 429);
      assert.equal(refused.length, 2);
      for (const { r, text } of refused) {
        assert.ok(r.body.includes('لا يمكنك نشر أكثر من 3 تعليقات خلال 10 دقيقة. تعليقك محفوظ أدناه: حاول لاحقاً.'));
        assert.ok(r.body.includes(text));
      }
      assert.equal((await storedFrom('203.0.113.22')).length, 3);
    });

    test('staff are not flood-limited, and a comment past the fiftieth lands on the second comment page', async () => {
      const editor = new StaffAgent(site.folio.app, '198.51.100.40');
      assert.equal((await editor.signIn('editor', PASSWORD)).status, 303);
      const form = await editor.get(`/comment/reply/${FIXTURE.article.nid}`);
      const fields = { op: 'save', form_token: inputValue(form.body, 'form_token'), website: '', subject: '', _csrf: csrfTokenIn(form.body) };
      const before = (await site.runtime.store.content.listPublishedComments(FIXTURE.article.nid, 0, 50)).total;
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => editor.post(`/comment/reply/${FIXTURE.article.nid}`, { ...fields, comment: `Staff comment ${i}.` })));
      assert.deepEqual(answers.map((r) => r.status), answers.map(() => 303), 'every one is published, none refused');
      const locations = answers.map((r) => String(r.headers.location));
      const secondPage = locations.filter((l) => /\?page=1&comment=posted#comment-\d+$/.test(l));
      // Top-level comments go to the end: with `before` there already, the last `before` of the fifty are past the fiftieth.
      assert.equal(secondPage.length, before, 'those past the fiftieth published comment are on page 1 (counted from 0)');
      for (const location of secondPage) {
        const cid = /#comment-(\d+)$/.exec(location)![1];
        const page = await site.folio.app.inject({ url: location.replace(/#.*/, '') });
        assert.ok(page.body.includes(`id="comment-${cid}"`), `comment ${cid} is on the page its redirect names`);
      }
    });
  });
}
