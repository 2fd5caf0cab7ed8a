import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from '../../../src/export/static/site-crawl.ts';
import { PagerPages } from '../../../src/export/static/pager-pages.ts';

test('the walk visits each URL once, following what visits find', async () => {
  const visited: string[] = [];
  const done = await crawl(['/0'], 3, async (url) => {
    visited.push(url);
    const n = Number(url.slice(1));
    return n < 50 ? [`/${n + 1}`, `/${Math.floor(n / 2)}`] : [];
  });
  assert.equal(done, 51);
  assert.deepEqual([...visited].sort(), Array.from({ length: 51 }, (_, i) => `/${i}`).sort());
});

test('the walk turns the event loop while visits settle through promises alone', async () => {
  // In process, a render never leaves the microtask queue; the injected requests' Immediates
  // (each holding its request and response) run only when the loop turns.
  let turns = 0;
  let walking = true;
  const tick = () => {
    turns++;
    if (walking) setImmediate(tick);
  };
  setImmediate(tick);
  const urls = Array.from({ length: 200 }, (_, i) => `/${i}`);
  await crawl(urls, 8, async () => []);
  walking = false;
  assert.ok(turns >= 200 / 8, `the loop turned ${turns} times during a walk of 200 URLs`);
});

test('a link to a listing\'s page K hands the crawl pages 1 … K-1 at once, each once', () => {
  const pager = new PagerPages();
  assert.deepEqual(pager.withPagesBefore(['/tags/gaza', '/content/a']), ['/tags/gaza', '/content/a'], 'no pager link, nothing added');
  assert.deepEqual(pager.withPagesBefore(['/tags/gaza?page=1', '/tags/gaza?page=4', '/a?page=0']), ['/tags/gaza?page=1', '/tags/gaza?page=4', '/a?page=0', '/tags/gaza?page=2', '/tags/gaza?page=3']);
  assert.deepEqual(pager.withPagesBefore(['/tags/gaza?page=3', '/tags/gaza?page=6']), ['/tags/gaza?page=3', '/tags/gaza?page=6', '/tags/gaza?page=5'], 'only pages not handed out before');
  assert.deepEqual(pager.withPagesBefore(['/ar/%D8%A3?page=2', '/x?page=2&y=1', '/y?page=2#c']), ['/ar/%D8%A3?page=2', '/x?page=2&y=1', '/y?page=2#c', '/ar/%D8%A3?page=1'], 'other queries are no pager');
});

test('with pager pages handed out early, a walk of chained listing pages finds the same URLs', async () => {
  // Each page links the next two and the last, as the site's pager does.
  const links = (url: string) => {
    const page = Number(/\?page=(\d+)$/.exec(url)?.[1] ?? 0);
    return [page + 1, page + 2, 299].filter((p) => p < 300 && p > page).map((p) => `/list?page=${p}`);
  };
  const chained: string[] = [];
  await crawl(['/list'], 4, async (url) => (chained.push(url), links(url)));
  const pager = new PagerPages();
  const filled: string[] = [];
  await crawl(['/list'], 4, async (url) => (filled.push(url), pager.withPagesBefore(links(url))));
  assert.deepEqual([...filled].sort(), [...chained].sort());
  assert.equal(filled.length, 300);
});
