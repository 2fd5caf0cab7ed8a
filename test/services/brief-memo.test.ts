import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BriefMemo } from '../../src/services/brief-memo.ts';

test('a kept read is reused within its time, read again after it, and forgotten on clear', async () => {
  let now = 1_000;
  let reads = 0;
  const memo = new BriefMemo<string, number>(1_000, 10, () => now);
  const load = async () => ++reads;
  assert.equal(await memo.get('a', load), 1);
  now += 999;
  assert.equal(await memo.get('a', load), 1, 'within the time: the kept value');
  now += 1;
  assert.equal(await memo.get('a', load), 2, 'at the time: read again');
  memo.clear();
  assert.equal(await memo.get('a', load), 3, 'after clear: read again');
});

test('the time counts from before the read, and an undefined value is kept like any other', async () => {
  let now = 0;
  let reads = 0;
  const memo = new BriefMemo<number, string | undefined>(100, 10, () => now);
  const slowLoad = async () => {
    reads++;
    now += 60;
    return undefined;
  };
  assert.equal(await memo.get(1, slowLoad), undefined);
  now += 39;
  assert.equal(await memo.get(1, slowLoad), undefined);
  assert.equal(reads, 1);
  now += 1;
  await memo.get(1, slowLoad);
  assert.equal(reads, 2, '100 ms after the first read began, not after it ended');
});

test('holds at most maxEntries, dropping the oldest first', async () => {
  const memo = new BriefMemo<number, number>(60_000, 3, () => 0);
  const loaded: number[] = [];
  const load = (k: number) => async () => {
    loaded.push(k);
    return k;
  };
  for (const k of [1, 2, 3, 4]) await memo.get(k, load(k));
  for (const k of [2, 3, 4, 1]) await memo.get(k, load(k));
  assert.deepEqual(loaded, [1, 2, 3, 4, 1], 'only 1, the oldest, was dropped and read again');
});
