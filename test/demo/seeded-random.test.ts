import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom, WeightedTable } from '../../src/demo/seeded-random.ts';

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const r = new SeededRandom(seed);
      return Array.from({ length: 20 }, () => r.uint32());
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });

  it('stays in range and is roughly uniform', () => {
    const r = new SeededRandom(1);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const x = r.next();
      assert.ok(x >= 0 && x < 1);
      counts[r.int(0, 5)]!++;
    }
    for (const c of counts) assert.ok(Math.abs(c - 10_000) < 500, `bucket ${c}`);
  });

  it('forks independent streams that do not depend on later use of the parent', () => {
    const a = new SeededRandom(9);
    const forkA = a.fork('x');
    const b = new SeededRandom(9);
    const forkB = b.fork('x');
    b.next();
    assert.equal(forkA.uint32(), forkB.uint32());
    assert.notEqual(new SeededRandom(9).fork('x').uint32(), new SeededRandom(9).fork('y').uint32());
  });

  it('samples without repeats', () => {
    const r = new SeededRandom(3);
    const s = r.sample([1, 2, 3, 4, 5, 6, 7], 5);
    assert.equal(new Set(s).size, 5);
    assert.throws(() => r.pick([]), RangeError);
  });
});

describe('WeightedTable', () => {
  it('draws in proportion to the weights and never draws a zero weight', () => {
    const table = new WeightedTable(['a', 'b', 'c'], [1, 3, 0]);
    const r = new SeededRandom(5);
    let b = 0;
    for (let i = 0; i < 40_000; i++) {
      const x = table.draw(r);
      assert.notEqual(x, 'c');
      if (x === 'b') b++;
    }
    assert.ok(Math.abs(b / 40_000 - 0.75) < 0.01);
  });

  it('refuses tables it cannot draw from', () => {
    assert.throws(() => new WeightedTable([], []), RangeError);
    assert.throws(() => new WeightedTable(['a'], [0]), RangeError);
  });
});
