import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FifoPolicy, LruPolicy, type EvictionPolicy } from '../../../src/web/cache/eviction-policy.ts';
import { TinyLfuPolicy } from '../../../src/web/cache/tiny-lfu-policy.ts';
import { FrequencySketch, hashKey } from '../../../src/web/cache/frequency-sketch.ts';

/** Replays lookups against a policy as the page cache does; returns which keys are held. */
function drive(policy: EvictionPolicy, requests: readonly string[], weight = 10): Set<string> {
  const held = new Set<string>();
  for (const key of requests) {
    if (held.has(key)) {
      policy.hit(key);
      continue;
    }
    policy.miss(key);
    held.add(key);
    for (const dropped of policy.add(key, weight)) held.delete(dropped);
  }
  return held;
}

describe('eviction policies', () => {
  test('FIFO drops the oldest page even when it is the one asked for', () => {
    const held = drive(new FifoPolicy(30), ['a', 'b', 'c', 'a', 'd']);
    assert.deepEqual([...held].sort(), ['b', 'c', 'd']);
  });

  test('LRU keeps a page that was asked for again', () => {
    const held = drive(new LruPolicy(30), ['a', 'b', 'c', 'a', 'd']);
    assert.deepEqual([...held].sort(), ['a', 'c', 'd']);
  });

  test('every policy stays within its byte budget, weights of any size included', () => {
    for (const policy of [new FifoPolicy(1000), new LruPolicy(1000), new TinyLfuPolicy(1000 + new FrequencySketch(1).byteLength, 100)]) {
      const held = new Map<string, number>();
      for (let i = 0; i < 500; i++) {
        const key = `k${(i * 7919) % 97}`;
        if (held.has(key)) {
          policy.hit(key);
          continue;
        }
        policy.miss(key);
        const weight = 1 + ((i * 31) % 300);
        held.set(key, weight);
        for (const d of policy.add(key, weight)) held.delete(d);
        const sum = [...held.values()].reduce((a, b) => a + b, 0);
        assert.ok(sum <= 1000, `${policy.name}: ${sum} bytes held`);
      }
    }
  });

  test('a page larger than the whole budget is not kept', () => {
    for (const policy of [new FifoPolicy(100), new LruPolicy(100), new TinyLfuPolicy(100 + new FrequencySketch(1).byteLength, 10)]) {
      assert.ok(policy.add('huge', 1000).includes('huge'), policy.name);
    }
  });

  test('W-TinyLFU: a crawl of one-hit pages does not flush the popular ones (LRU does)', () => {
    const popular = Array.from({ length: 20 }, (_, i) => `popular/${i}`);
    const requests: string[] = [];
    for (let round = 0; round < 20; round++) requests.push(...popular);
    for (let i = 0; i < 2000; i++) {
      requests.push(`crawl/${i}`);
      if (i % 5 === 0) requests.push(popular[(i / 5) % popular.length]!);
    }
    const budget = 40 * 10;
    // Sketch sized for about a thousand keys, as a real cache's would be for its entries.
    const lfu = drive(new TinyLfuPolicy(budget + new FrequencySketch(1000).byteLength, (budget + new FrequencySketch(1000).byteLength) / 1000), requests);
    const lru = drive(new LruPolicy(budget), requests);
    const kept = (held: Set<string>) => popular.filter((k) => held.has(k)).length;
    assert.ok(kept(lfu) >= 18, `W-TinyLFU kept ${kept(lfu)} of 20 popular pages`);
    assert.ok(kept(lru) < kept(lfu), `LRU kept ${kept(lru)}`);
  });

  test('W-TinyLFU: a resized page gives its bytes back, and a grown one evicts others', () => {
    const policy = new TinyLfuPolicy(1000 + new FrequencySketch(1).byteLength, 100);
    const base = policy.weight;
    policy.add('a', 300);
    policy.resize('a', 100);
    assert.equal(policy.weight - base, 100);
    for (const key of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) policy.add(key, 100);
    // 'a' is the oldest on probation, so growing past the budget pushes out 'a' itself.
    assert.deepEqual(policy.resize('a', 600), ['a']);
    assert.equal(policy.weight - base, 800);
    policy.delete('b');
    policy.delete('nothing');
    assert.equal(policy.weight - base, 700);
  });
});

describe('frequency sketch', () => {
  test('counts requests, caps at 15 and fades by halving', () => {
    const sketch = new FrequencySketch(64);
    const h = hashKey('page/1');
    for (let i = 0; i < 5; i++) sketch.increment(h);
    assert.equal(sketch.frequency(h), 5);
    for (let i = 0; i < 50; i++) sketch.increment(h);
    assert.equal(sketch.frequency(h), 15);
    // Ten times its width of other requests: the sample period ends and every count halves.
    for (let i = 0; i < 64 * 10; i++) sketch.increment(hashKey(`other/${i}`));
    assert.ok(sketch.frequency(h) <= 8, `after halving: ${sketch.frequency(h)}`);
    assert.equal(sketch.frequency(hashKey('never asked')) <= 2, true);
  });
});
