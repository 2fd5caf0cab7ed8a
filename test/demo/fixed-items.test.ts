import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_EDITIONS } from '../../src/config/default-editions.ts';
import type { Edition } from '../../src/domain/edition.ts';
import { DEMO_FIXED_ITEMS, generateDemo, type DemoReport } from '../../src/demo/index.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/types.ts';

const [en, ar] = DEFAULT_EDITIONS as [Edition, Edition];

describe('the demo’s landmark items', () => {
  let store: Store;
  let report: DemoReport;

  before(async () => {
    store = await openStore(connectSqlite(':memory:'));
    report = await generateDemo({ writer: store.writer, editions: { en, ar }, seed: 99, articles: 400, arabicArticles: 20 });
  });
  after(async () => store.close());

  it('are DEMO_FIXED_ITEMS on a fresh store, whatever the seed and size', () => {
    assert.deepEqual(report.fixed, DEMO_FIXED_ITEMS);
    assert.ok(DEMO_FIXED_ITEMS.correctionsPage.nid >= 1000, 'nids in the thousands');
  });

  it('resolve at their paths, which point at their nids', async () => {
    const f = report.fixed;
    for (const item of [f.correctionsPage, ...f.landings, ...f.slugCollision, f.coAuthored, f.unsigned, f.oneComment, f.newsletter]) {
      assert.ok(item.path !== null);
      assert.deepEqual(await store.content.resolvePath('en', item.path), { targetType: 'node', targetId: item.nid, canonical: true }, item.path);
      assert.equal((await store.content.findNode('en', item.nid))?.title, item.title);
    }
    assert.equal(f.correctionsPage.path, 'editors-corner');
    assert.equal(f.landing.path, 'stl');
  });

  it('include two titles that collide on slug, the second with "-0"', () => {
    const [first, second] = report.fixed.slugCollision;
    assert.notEqual(first.title, second.title);
    assert.equal(second.path, `${first.path}-0`);
  });

  it('include an article reachable only by /node/<nid>, carrying the one tag without an alias', async () => {
    const node = await store.content.findNode('en', report.fixed.nodeOnly.nid);
    assert.ok(node);
    assert.equal(node.path, null);
    assert.equal(await store.content.canonicalPath('en', 'node', node.nid), undefined);
    const tag = await store.content.findTerm('en', report.fixed.taxonomyOnlyTag.tid);
    assert.equal(tag?.name, report.fixed.taxonomyOnlyTag.name);
    assert.equal(tag?.path, null);
    assert.ok(node.terms.some((t) => t.tid === tag?.tid));
  });

  it('include a co-authored, an unsigned and a one-comment article', async () => {
    const co = await store.content.findNode('en', report.fixed.coAuthored.nid);
    assert.equal(co?.authors.length, 2);
    assert.notEqual(co?.authors[0]?.aid, co?.authors[1]?.aid);
    const unsigned = await store.content.findNode('en', report.fixed.unsigned.nid);
    assert.equal(unsigned?.authors.length, 0);
    assert.match(unsigned?.credit ?? '', /The Levant Ledger\)$/);
    const one = await store.content.findNode('en', report.fixed.oneComment.nid);
    assert.equal(one?.commentCount, 1);
    const comments = await store.content.listPublishedComments(report.fixed.oneComment.nid, 0, 50);
    assert.equal(comments.total, 1);
    assert.equal(comments.items[0]?.thread, '01/');
  });

  it('include a landing page with intro paragraphs and a list of items', async () => {
    const landing = await store.content.findNode('en', report.fixed.landing.nid);
    assert.equal(landing?.kind, 'landing');
    assert.ok((landing?.bodyHtml.html.match(/<p>/g) ?? []).length >= 2);
    const items = await store.content.landingItems(report.fixed.landing.nid);
    assert.ok(items.length >= 3);
    assert.ok(items.every((i, k) => k === 0 || items[k - 1]!.publishedAt >= i.publishedAt), 'newest first');
  });

  it('include weekly newsletters with themed headings linking to real articles', async () => {
    const letter = await store.content.findNode('en', report.fixed.newsletter.nid);
    assert.equal(letter?.kind, 'newsletter');
    assert.equal(letter?.title, 'Week of Monday January 23, 2012');
    assert.equal(letter?.path, 'newsletter/week-monday-january-23-2012');
    assert.match(letter?.bodyHtml.html ?? '', /<h2>[^<]+<\/h2>\s*<ul>/);
    const links = [...(letter?.bodyHtml.html ?? '').matchAll(/href="\/([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(links.length >= 1);
    for (const link of links) assert.equal((await store.content.resolvePath('en', link))?.targetType, 'node', link);
    const all = await store.content.listNodes({ edition: 'en', filter: { type: 'all', kinds: ['newsletter'] }, page: 0, pageSize: 100 });
    assert.ok(all.items.every((n) => /^Week of Monday [A-Z][a-z]+ \d{1,2}, 20\d\d$/.test(n.title) && n.path?.startsWith('newsletter/')));
  });

  it('include an Editor’s Corner with corrections, updates and letters', async () => {
    const entries = await store.content.listCorrections('en');
    assert.deepEqual([...new Set(entries.map((e) => e.kind))].sort(), ['correction', 'letter', 'update']);
    for (const e of entries.filter((x) => x.nid !== null).slice(0, 5)) assert.ok(await store.content.findNode('en', e.nid!));
  });
});
