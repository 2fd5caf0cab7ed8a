/** Comment threading keys (docs/comment-format.md §7.5). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { int2vancode, nextThread, threadDepth, vancode2int } from '../../src/domain/comment-thread.ts';

test('int2vancode: base 36 with a length prefix', () => {
  assert.equal(int2vancode(0), '00');
  assert.equal(int2vancode(1), '01');
  assert.equal(int2vancode(35), '0z');
  assert.equal(int2vancode(36), '110');
  assert.equal(int2vancode(1295), '1zz');
  assert.equal(int2vancode(1296), '2100');
  assert.throws(() => int2vancode(-1), RangeError);
});

test('vancode2int inverts int2vancode; empty counts as 0', () => {
  for (const n of [0, 1, 35, 36, 1295, 1296, 123456]) assert.equal(vancode2int(int2vancode(n)), n);
  assert.equal(vancode2int(''), 0);
});

test('string order equals numeric order', () => {
  const codes = [0, 5, 35, 36, 100, 1295, 1296, 50000].map(int2vancode);
  assert.deepEqual([...codes].sort(), codes);
});

test('nextThread: the tested sequence 01/, 01.00/, 01.00.00/, 01.01/, 02/, 02.00/, 02.00.00/, 02.01/', () => {
  const threads: string[] = [];
  const add = (parent: string | null): string => {
    const thread = nextThread(threads, parent);
    threads.push(thread);
    return thread;
  };
  const c1 = add(null);
  const c2 = add(c1);
  const c3 = add(c2);
  const c4 = add(c1);
  const c5 = add(null);
  const c6 = add(c5);
  const c7 = add(c6);
  const c8 = add(c5);
  assert.deepEqual([c1, c2, c3, c4, c5, c6, c7, c8], ['01/', '01.00/', '01.00.00/', '01.01/', '02/', '02.00/', '02.00.00/', '02.01/']);
});

test('nextThread: past 35 siblings the code grows a digit and still sorts', () => {
  const threads: string[] = [];
  for (let i = 0; i < 40; i++) threads.push(nextThread(threads, null));
  assert.equal(threads[34], '0z/');
  assert.equal(threads[35], '110/');
  assert.deepEqual([...threads].sort(), threads);
});

test('threadDepth counts levels', () => {
  assert.equal(threadDepth('01/'), 0);
  assert.equal(threadDepth('01.00.00/'), 2);
});
