import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DigestTable } from '../../../src/export/static/digest-table.ts';
import { hashOf } from '../../../src/export/static/output-dir.ts';

test('digests round-trip and compare across the table\'s blocks, and what is not a digest is refused', () => {
  const table = new DigestTable();
  const other = new DigestTable();
  // Enough to fill several blocks, so slots on both sides of each block's edge are checked.
  const digests = Array.from({ length: 20_000 }, (_, i) => hashOf(Buffer.from(`page ${i}`)));
  const slots = digests.map((d) => table.add(d));
  assert.deepEqual(slots, digests.map((_, i) => i));
  assert.equal(table.add('not a digest'), null);
  assert.equal(table.add(`${digests[0]!.slice(0, 42)}=`), null);
  // A refused digest takes no slot.
  assert.equal(table.add(digests[5]!), digests.length);
  for (const i of [0, 8191, 8192, 16383, 16384, 19999]) assert.equal(table.text(i), digests[i]);
  const reversed = [...digests].reverse().map((d) => other.add(d)!);
  for (const i of [0, 8191, 8192, 12345, 19999]) {
    assert.equal(table.same(i, other, reversed[digests.length - 1 - i]!), true);
    assert.equal(table.same(i, other, reversed[digests.length - 1 - ((i + 1) % digests.length)]!), false);
  }
});
