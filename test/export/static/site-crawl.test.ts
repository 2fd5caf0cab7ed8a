import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawl } from '../../../src/export/static/site-crawl.ts';

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
