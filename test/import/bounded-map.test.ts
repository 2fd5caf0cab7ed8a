import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedMap } from '../../src/import/bounded-map.ts';

test('a bounded map never holds more than its limit and keeps at least the newest half', () => {
  const map = new BoundedMap<string, number>(10);
  for (let i = 0; i < 1000; i++) {
    map.set(`k${i}`, i);
    assert.ok(map.size <= 10, `size ${map.size} after ${i + 1} sets`);
    for (let back = 0; back < 5 && back <= i; back++) assert.equal(map.get(`k${i - back}`), i - back);
  }
  assert.equal(map.get('k0'), undefined, 'the oldest entries are forgotten');
});

test('setting a key again replaces its value without a second copy', () => {
  const map = new BoundedMap<string, boolean>(4);
  map.set('a', true);
  map.set('b', false);
  map.set('a', false);
  assert.equal(map.get('a'), false);
  assert.equal(map.get('b'), false, 'false is a value, not a miss');
  map.set('c', true);
  map.set('a', true);
  assert.equal(map.get('a'), true);
  assert.ok(map.size <= 4);
  map.clear();
  assert.equal(map.get('a'), undefined);
  assert.equal(map.size, 0);
});

test('an undefined value stored in the young generation hides an older value of the key', () => {
  const map = new BoundedMap<string, number | undefined>(4);
  map.set('a', 1);
  map.set('b', 2); // 'a' and 'b' become the old generation
  map.set('a', undefined);
  assert.equal(map.get('a'), undefined);
});
