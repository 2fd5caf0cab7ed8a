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

test('callers that ask while a key is being read wait for that one read', async () => {
  const memo = new BriefMemo<number, number>(1_000, 10, () => 0);
  let reads = 0;
  let finish!: (v: number) => void;
  const load = () => {
    reads++;
    return new Promise<number>((resolve) => (finish = resolve));
  };
  const waiting = [memo.get(1, load), memo.get(1, load), memo.get(1, load)];
  finish(7);
  assert.deepEqual(await Promise.all(waiting), [7, 7, 7]);
  assert.equal(reads, 1);
  assert.equal(await memo.get(1, load), 7, 'and the value is kept');
  assert.equal(reads, 1);
});

test('a read that began before clear answers its callers but is not kept, and later callers read again', async () => {
  const memo = new BriefMemo<string, string>(60_000, 10, () => 0);
  const finishers: ((v: string) => void)[] = [];
  const load = () => new Promise<string>((resolve) => finishers.push(resolve));
  const before = memo.get('article', load);
  memo.clear(); // an editor withdrew the article while its read was under way
  const after = memo.get('article', load);
  assert.equal(finishers.length, 2, 'the caller after clear does not wait for the older read');
  finishers[0]!('published');
  finishers[1]!('withdrawn');
  assert.equal(await before, 'published');
  assert.equal(await after, 'withdrawn');
  assert.equal(await memo.get('article', load), 'withdrawn', 'the read after the change is the one kept');
  assert.equal(finishers.length, 2);
});

test('a failed read is shared by its waiting callers and not kept', async () => {
  const memo = new BriefMemo<number, number>(60_000, 10, () => 0);
  let reads = 0;
  const failing = async () => {
    reads++;
    throw new Error('database restarting');
  };
  const results = await Promise.allSettled([memo.get(1, failing), memo.get(1, failing)]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.equal(reads, 1);
  assert.equal(await memo.get(1, async () => 5), 5, 'the next caller reads again');
});
