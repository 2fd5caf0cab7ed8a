import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { ReadOnlyEdition } from '../../src/domain/errors.ts';
import { requireWritable } from '../../src/domain/edition-guard.ts';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const input = (overrides: Record<string, unknown> = {}) => parseArticleInput({
  title: 'The battle for freedom: X vs. the authorities',
  body: '<p>First paragraph <script>alert(1)</script>of the new article.</p>',
  published: '2026-11-25T09:30:00+02:00',
  section: 'politics',
  authors: ['Lea al-Qazzi', 'New Writer'],
  tags: ['Gaza', 'New Tag'],
  credit: '(AFP, دفتر المشرق)',
  ...overrides,
});

for (const dialect of testDialects()) {
  describe(`publishing (${dialect})`, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(async () => {
      await site.close();
    });

    test('the archive edition refuses every write at the service', async () => {
      const en = site.runtime.editions.get('en');
      assert.throws(() => requireWritable(en), ReadOnlyEdition);
      await assert.rejects(site.runtime.publishing.addArticle(en, input()), ReadOnlyEdition);
      assert.equal(await site.runtime.store.content.pathTaken('en', 'content/battle-freedom-x-vs-authorities-0'), false);
    });

    test('the live edition publishes, reuses known terms and creates unknown ones', async () => {
      const ar = site.runtime.editions.get('ar');
      const first = await site.runtime.publishing.addArticle(ar, input());
      assert.equal(first.path, 'content/battle-freedom-x-vs-authorities');
      assert.deepEqual(first.created, { sections: 0, authors: 2, tags: 2 });
      const second = await site.runtime.publishing.addArticle(ar, input());
      assert.equal(second.path, 'content/battle-freedom-x-vs-authorities-0', 'a slug collision gets -0');
      assert.deepEqual(second.created, { sections: 0, authors: 0, tags: 0 });
      const node = await site.runtime.store.content.findNode('ar', first.nid);
      assert.ok(node);
      assert.equal(node.section?.tid, 50);
      assert.doesNotMatch(node.bodyHtml.html, /<script/);
      assert.deepEqual(node.authors.map((a) => a.name), ['Lea al-Qazzi', 'New Writer']);
    });

    test('an article can carry its own comment policy', async () => {
      const ar = site.runtime.editions.get('ar');
      const closed = await site.runtime.publishing.addArticle(ar, input({ title: 'No comments on this one', comments: 'closed' }));
      const page = await site.folio.app.inject({ url: encodeURI(`/ar/${closed.path}`) });
      assert.match(page.body, /التعليقات مغلقة/);
      assert.throws(() => input({ comments: 'sometimes' }), /"comments" must be "open", "moderated" or "closed"/);
    });

    test('a publish is visible on the next page view (the cache is dropped)', async () => {
      const before = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.sectionPath}` });
      assert.equal(before.statusCode, 200);
      const ar = site.runtime.editions.get('ar');
      await site.runtime.publishing.addArticle(ar, input({ title: 'Fresh headline for the cache test', slug: 'fresh-headline' }));
      const after = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.sectionPath}` });
      assert.match(after.body, /Fresh headline for the cache test/);
    });
  });
}
