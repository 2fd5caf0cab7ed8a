import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { testDialects } from '../support/databases.ts';
import { buildComment, buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// One store suite, run on every dialect (STYLE.md habit 2).
for (const dialect of testDialects()) {
  describe(`content store (${dialect})`, () => {
    let site: TestSite;
    const content = () => site.runtime.store.content;

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(async () => {
      await site.close();
    });

    test('listings are newest first, ten a page, with exact totals', async () => {
      const page0 = await content().listNodes({ edition: 'en', filter: { type: 'term', tid: FIXTURE.gazaTag.tid }, page: 0, pageSize: 10 });
      assert.equal(page0.total, FIXTURE.gazaTag.items);
      assert.equal(page0.items.length, 10);
      const dates = page0.items.map((n) => n.publishedAt);
      assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
      const page2 = await content().listNodes({ edition: 'en', filter: { type: 'term', tid: FIXTURE.gazaTag.tid }, page: 2, pageSize: 10 });
      assert.equal(page2.items.length, 7);
      const seen = new Set([...page0.items, ...page2.items].map((n) => n.nid));
      assert.equal(seen.size, 17);
    });

    test('summaries carry co-authors in order and the blog of blog posts', async () => {
      const node = await content().findNode('en', FIXTURE.coAuthored.nid);
      assert.deepEqual(node?.authors.map((a) => a.slug), ['lea-al-qazzi', 'omar-haddad']);
      const blogPage = await content().listNodes({ edition: 'en', filter: { type: 'blog', bid: FIXTURE.blog.bid }, page: 0, pageSize: 10 });
      assert.equal(blogPage.items[0]?.blog?.slug, 'notes-hamra');
    });

    test('nodes belong to one edition', async () => {
      assert.ok(await content().findNode('en', FIXTURE.article.nid));
      assert.equal(await content().findNode('ar', FIXTURE.article.nid), undefined);
      assert.equal(await content().nodeEdition(FIXTURE.arabic.nid), 'ar');
    });

    test('paths resolve to their target, and old paths are not canonical', async () => {
      assert.deepEqual(await content().resolvePath('en', FIXTURE.article.path), { targetType: 'node', targetId: FIXTURE.article.nid, canonical: true });
      assert.deepEqual(await content().resolvePath('en', FIXTURE.article.legacyPath), { targetType: 'node', targetId: FIXTURE.article.nid, canonical: false });
      assert.equal(await content().canonicalPath('en', 'term', FIXTURE.gazaTag.tid), FIXTURE.gazaTag.path);
      assert.equal(await content().canonicalPath('en', 'term', FIXTURE.termOnly.tid), undefined);
      assert.equal(await content().resolvePath('ar', FIXTURE.article.path), undefined);
      // The same path may exist in both editions for different things.
      assert.equal((await content().resolvePath('ar', 'section/politics'))?.targetId, 50);
    });

    test('another spelling of a path finds it, never as canonical; an exact spelling, percent-encoding included, is matched byte for byte', async () => {
      const en = sanctionedWriter(site.runtime.editions.get('en'), 'demo-seed');
      await site.runtime.store.writer.saveNodes(en, [
        buildNode({ nid: 9100, title: 'Mixed case', path: 'Content/Mixed-Case', legacyPaths: ['content/Old-Spelling'] }),
        // Two paths that differ only in the case of their percent-encoding: each is its own.
        buildNode({ nid: 9101, title: 'Cafe upper', path: 'content/caf%C3%A9' }),
        buildNode({ nid: 9102, title: 'Cafe lower', path: 'content/caf%c3%a9-x' }),
      ]);
      assert.deepEqual(await content().resolvePath('en', 'Content/Mixed-Case'), { targetType: 'node', targetId: 9100, canonical: true });
      assert.deepEqual(await content().resolvePath('en', 'content/mixed-case'), { targetType: 'node', targetId: 9100, canonical: false });
      assert.deepEqual(await content().resolvePath('en', 'CONTENT/OLD-SPELLING'), { targetType: 'node', targetId: 9100, canonical: false });
      assert.deepEqual(await content().resolvePath('en', 'content/caf%C3%A9'), { targetType: 'node', targetId: 9101, canonical: true });
      assert.deepEqual(await content().resolvePath('en', 'content/caf%c3%a9-x'), { targetType: 'node', targetId: 9102, canonical: true });
      assert.equal((await content().resolvePath('en', 'content/caf%c3%a9'))?.targetId, 9101, 'hex digits in either case name one URL (RFC 3986 §6.2.2.1)');
      assert.equal(await content().resolvePath('ar', 'content/mixed-case'), undefined, 'only within its edition');
    });

    test('published comments come in thread order, without private fields', async () => {
      const page = await content().listPublishedComments(FIXTURE.article.nid, 0, 50);
      assert.deepEqual(page.items.map((c) => c.thread), ['01/', '01.00/', '02/']);
      for (const c of page.items) {
        assert.equal('email' in c, false);
        assert.equal('hostname' in c, false);
      }
      const unsigned = await content().listPublishedComments(FIXTURE.unsigned.nid, 0, 50);
      assert.equal(unsigned.total, 1, 'pending comments are not listed');
    });

    test('thread order sorts a reply before the next top-level comment, past the ninth', async () => {
      const en = sanctionedWriter(site.runtime.editions.get('en'), 'demo-seed');
      const nid = 9000;
      await site.runtime.store.writer.saveNodes(en, [buildNode({ nid, title: 'Thread order', path: 'content/thread-order' })]);
      const threads = ['01/', '01.00/', '01.00.00/', '01.01/', '02/', '0z/', '110/', '110.00/'];
      await site.runtime.store.writer.saveComments(en, threads.map((thread, i) => buildComment({ cid: 9000 + i, nid, thread })));
      const page = await content().listPublishedComments(nid, 0, 50);
      assert.deepEqual(page.items.map((c) => c.thread), threads);
      const pos = await content().commentPosition(9000 + 4);
      assert.deepEqual(pos, { nid, edition: 'en', path: 'content/thread-order', index: 4 });
    });

    test('comment counts are recounted from published rows only', async () => {
      const node = await content().findNode('en', FIXTURE.unsigned.nid);
      assert.equal(node?.commentCount, 1);
      const article = await content().findNode('en', FIXTURE.article.nid);
      assert.equal(article?.commentCount, 3);
    });

    test('ids continue after the largest in use', async () => {
      assert.ok((await site.runtime.store.writer.nextId('node')) > FIXTURE.arabic.nid);
      assert.equal(await site.runtime.store.writer.nextId('comment') > 5, true);
    });

    test('term lookup by name ignores case; terms list in weight order', async () => {
      assert.equal((await content().findTermByName('en', 'tag', 'gaza'))?.tid, FIXTURE.gazaTag.tid);
      const sections = await content().listTerms('en', 'section');
      assert.deepEqual(sections.map((s) => s.name), ['Politics', 'Palestine', 'Culture & Society', 'Economy']);
    });

    test('meta values round-trip and overwrite', async () => {
      await site.runtime.store.writer.setMeta('k', 'one');
      await site.runtime.store.writer.setMeta('k', 'two');
      assert.equal(await content().getMeta('k'), 'two');
    });

    test('epoch seconds come back as numbers on both databases', async () => {
      const node = await content().findNode('en', FIXTURE.article.nid);
      assert.equal(typeof node?.publishedAt, 'number');
      assert.equal(node?.publishedAt, seconds('2014-11-18T00:30:00+02:00'));
    });
  });
}
