import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyHeapGrowth } from '../../src/cli/heap-growth.ts';

test('the heap growth setting becomes V8\'s flag; 0 and a flag on node\'s command line leave V8 alone', () => {
  const set: string[] = [];
  const record = (flags: string) => set.push(flags);
  assert.equal(applyHeapGrowth(50, [], record), true);
  assert.deepEqual(set, ['--heap-growing-percent=50']);
  assert.equal(applyHeapGrowth(0, [], record), false, 'FOLIO_HEAP_GROWTH_PERCENT=0: V8 chooses');
  assert.equal(applyHeapGrowth(50, ['--heap-growing-percent=80'], record), false, 'the operator\'s own flag wins');
  assert.equal(applyHeapGrowth(50, ['--heap_growing_percent', '80'], record), false);
  assert.deepEqual(set, ['--heap-growing-percent=50']);
});
