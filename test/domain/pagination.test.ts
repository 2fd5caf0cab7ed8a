import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageCount, pagerWindow, parsePageParam } from '../../src/domain/pagination.ts';
import { FolioError } from '../../src/domain/errors.ts';

test('?page=N is zero-based and absent means the first page', () => {
  assert.equal(parsePageParam(undefined), 0);
  assert.equal(parsePageParam(''), 0);
  assert.equal(parsePageParam('0'), 0);
  assert.equal(parsePageParam('1'), 1);
  assert.equal(parsePageParam(['3', '4']), 3);
});

test('anything but a whole number in range is a 400', () => {
  for (const bad of ['-1', '1.5', 'abc', '1e3', ' 2', '9999999']) {
    assert.throws(() => parsePageParam(bad), (e: unknown) => e instanceof FolioError && e.status === 400, bad);
  }
});

test('page counts: an empty listing still has one page', () => {
  assert.equal(pageCount(0, 10), 1);
  assert.equal(pageCount(10, 10), 1);
  assert.equal(pageCount(11, 10), 2);
  assert.equal(pageCount(27, 10), 3);
});

test('the pager window stays inside the pages and keeps nine links', () => {
  assert.deepEqual(pagerWindow(0, 3), [0, 1, 2]);
  assert.deepEqual(pagerWindow(0, 100), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(pagerWindow(50, 100), [46, 47, 48, 49, 50, 51, 52, 53, 54]);
  assert.deepEqual(pagerWindow(99, 100), [91, 92, 93, 94, 95, 96, 97, 98, 99]);
});
