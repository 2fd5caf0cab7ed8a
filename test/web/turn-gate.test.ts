/** The turn gate comment posts pass through so that page reads are not kept waiting behind a flood. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TurnGate } from '../../src/web/turn-gate.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

test('a few pass per turn of the event loop, in the order they came, and none is dropped', async () => {
  const gate = new TurnGate(2);
  const passed: number[] = [];
  const all = [1, 2, 3, 4, 5].map((n) => gate.turn().then(() => passed.push(n)));
  assert.equal(gate.depth, 5);
  assert.deepEqual(passed, [], 'nothing passes in the turn it asked in');
  const seen: number[][] = [];
  for (let i = 0; i < 3; i++) {
    await nextTurn();
    seen.push([...passed]);
  }
  assert.deepEqual(seen, [[1, 2], [1, 2, 3, 4], [1, 2, 3, 4, 5]]);
  await Promise.all(all);
  assert.equal(gate.depth, 0);
});

