import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { ReadOnlyEdition } from '../../src/domain/errors.ts';
import { requireWritable } from '../../src/domain/edition-guard.ts';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { PublishingService } from '../../src/services/publishing-service.ts';

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
      assert.deepEqual(first.created, { authors: 2, tags: 2 });
      const second = await site.runtime.publishing.addArticle(ar, input());
      assert.equal(second.path, 'content/battle-freedom-x-vs-authorities-0', 'a slug collision gets -0');
      assert.deepEqual(second.created, { authors: 0, tags: 0 });
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

    test('an unknown section is refused with the known sections listed, and nothing is created', async () => {
      const ar = site.runtime.editions.get('ar');
      const sectionsBefore = await site.runtime.store.content.listTerms('ar', 'section');
      await assert.rejects(site.runtime.publishing.addArticle(ar, input({ title: 'Filed nowhere', section: 'sport', tags: ['Only Here Tag'] })), (err: Error) => {
        assert.match(err.message, /"section" names no section of ar \("sport"\); known sections: politics \(/);
        return true;
      });
      assert.deepEqual(await site.runtime.store.content.listTerms('ar', 'section'), sectionsBefore);
      assert.equal(await site.runtime.store.content.findTermByName('ar', 'tag', 'Only Here Tag'), undefined, 'refused before anything was written');
      const menu = await site.folio.app.inject({ url: '/ar/' });
      assert.doesNotMatch(menu.body, /sport/);
    });

    test('new articles are promoted by default, so they reach /ar/rss.xml and /ar/node; "promoted": false keeps one off', async () => {
      const ar = site.runtime.editions.get('ar');
      await site.runtime.publishing.addArticle(ar, input({ title: 'Promoted by default Quillwort', slug: 'promoted-default' }));
      await site.runtime.publishing.addArticle(ar, input({ title: 'Kept off the front Bramblefinch', slug: 'kept-off', promoted: false }));
      const rss = await site.folio.app.inject({ url: '/ar/rss.xml' });
      const front = await site.folio.app.inject({ url: '/ar/node' });
      assert.match(rss.body, /Promoted by default Quillwort/);
      assert.match(front.body, /Promoted by default Quillwort/);
      assert.doesNotMatch(rss.body, /Bramblefinch/);
      assert.doesNotMatch(front.body, /Bramblefinch/);
      const off = new PublishingService(site.runtime.store.content, site.runtime.store.writer, () => undefined, null, () => new Date(), { promoteByDefault: false });
      const quiet = await off.addArticle(ar, input({ title: 'Setting says no', slug: 'setting-says-no' }));
      assert.equal((await site.runtime.store.content.findNode('ar', quiet.nid))?.promoted, false);
    });

    test('an article dated in the future is scheduled: nowhere until its time, then everywhere, published exactly once', async () => {
      const ar = site.runtime.editions.get('ar');
      let clock = Date.now();
      const changed = (edition: string) => {
        site.runtime.reader.invalidate(edition);
        site.folio.contentChanged(edition);
      };
      const desk = new PublishingService(site.runtime.store.content, site.runtime.store.writer, changed, site.runtime.search, () => new Date(clock));
      const due = new Date(clock + 3600_000);
      const title = 'Scheduled Zorblaxian announcement';
      const result = await desk.addArticle(ar, input({ title, slug: 'scheduled-zorblax', published: due.toISOString().replace(/\.\d+Z$/, 'Z') }));
      assert.equal(result.scheduled, true);
      const everywhere = [
        '/ar/', '/ar/node', '/ar/rss.xml', `/ar/${FIXTURE.arabic.sectionPath}`, '/ar/search?q=Zorblaxian', '/sitemap-news.xml',
        ...[...(await site.folio.app.inject({ url: '/sitemap.xml' })).body.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!),
      ];
      for (const url of everywhere) {
        const page = await site.folio.app.inject({ url });
        assert.doesNotMatch(page.body, /Scheduled Zorblaxian|scheduled-zorblax/, `${url} before its time`);
      }
      const own = await site.folio.app.inject({ url: `/ar/${result.path}` });
      assert.equal(own.statusCode, 404, 'its own URL: not found (not "gone") for readers');
      assert.equal((await site.folio.app.inject({ url: `/ar/node/${result.nid}` })).statusCode, 404);

      assert.deepEqual(await desk.publishDue(), [], 'not yet');
      clock += 3600_000;
      const other = new PublishingService(site.runtime.store.content, site.runtime.store.writer, changed, site.runtime.search, () => new Date(clock));
      const [first, second] = await Promise.all([desk.publishDue(), other.publishDue()]);
      assert.deepEqual([...first!, ...second!], [{ nid: result.nid, edition: 'ar' }], 'two instances, one publication');

      assert.equal((await site.folio.app.inject({ url: `/ar/${result.path}` })).statusCode, 200);
      for (const url of ['/ar/', '/ar/node', '/ar/rss.xml', `/ar/${FIXTURE.arabic.sectionPath}`, '/ar/search?q=Zorblaxian']) {
        const page = await site.folio.app.inject({ url });
        assert.match(page.body, /Scheduled Zorblaxian/, `${url} at its time`);
      }
    });
  });
}
