import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplicaLag } from '../../src/store/postgres/replica-lag.ts';
import { parseLsn } from '../../src/store/postgres/replica-router.ts';

// The replica's lag in time, from samples of the primary's position (store/postgres/replica-lag.ts).
const cases: { what: string; samples: [number, number][]; replayed: number; now: number; seconds: number }[] = [
  { what: 'nothing sampled yet', samples: [], replayed: 0, now: 5000, seconds: 0 },
  { what: 'the replica has everything', samples: [[0, 100], [1000, 200]], replayed: 200, now: 9000, seconds: 0 },
  { what: 'behind the second sample: late since it was taken', samples: [[0, 100], [1000, 200]], replayed: 150, now: 3000, seconds: 2 },
  { what: 'behind both: late since the first', samples: [[0, 100], [1000, 200]], replayed: 50, now: 3000, seconds: 3 },
  { what: 'an idle primary repeats its position without restarting the clock', samples: [[0, 100], [5000, 100]], replayed: 50, now: 6000, seconds: 6 },
  { what: 'within the window, the real lag', samples: [[0, 100], [25_000, 200], [30_000, 300]], replayed: 50, now: 31_000, seconds: 31 },
  { what: 'past the window, at least the window', samples: [[0, 100], [12_000, 200], [25_000, 300], [30_000, 400]], replayed: 50, now: 31_000, seconds: 19 },
  { what: 'pruning keeps what the replica has not replayed', samples: [[0, 100], [12_000, 200], [25_000, 300], [30_000, 400]], replayed: 250, now: 31_000, seconds: 6 },
];
for (const c of cases) {
  test(`replica lag: ${c.what}`, () => {
    const lag = new ReplicaLag(10_000);
    for (const [at, lsn] of c.samples) lag.notePrimary(at, BigInt(lsn));
    assert.equal(lag.seconds(BigInt(c.replayed), c.now), c.seconds);
  });
}

test('WAL positions parse to ordered numbers; anything else is refused', () => {
  assert.equal(parseLsn('0/3000060'), 0x3000060n);
  assert.equal(parseLsn('16/B374D848'), (0x16n << 32n) + 0xB374D848n);
  assert.ok(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!);
  for (const bad of ['', '0/', '/1', '0/3000060; x', 'G/1', '123456789/0', null, undefined]) assert.equal(parseLsn(bad), null, String(bad));
});
