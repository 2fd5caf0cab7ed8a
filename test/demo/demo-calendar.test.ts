import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datesBetween, interpolate, planDays, timesOfDay, zonedEpoch } from '../../src/demo/demo-calendar.ts';
import { SeededRandom } from '../../src/demo/seeded-random.ts';

describe('demo calendar', () => {
  it('converts Beirut wall-clock times with the right offset in summer and winter', () => {
    assert.equal(zonedEpoch({ year: 2014, month: 7, day: 1 }, 12, 0, 'Asia/Beirut'), Date.UTC(2014, 6, 1, 9) / 1000);
    assert.equal(zonedEpoch({ year: 2015, month: 1, day: 15 }, 12, 0, 'Asia/Beirut'), Date.UTC(2015, 0, 15, 10) / 1000);
  });

  it('lists every day between two dates, both included', () => {
    const days = datesBetween({ year: 2012, month: 2, day: 27 }, { year: 2012, month: 3, day: 2 });
    assert.deepEqual(days.map((d) => d.day), [27, 28, 29, 1, 2]);
  });

  it('spreads exactly the total over the days, with the first and last day used', () => {
    const plan = planDays({ year: 2013, month: 1, day: 1 }, { year: 2013, month: 12, day: 31 }, 777, (d) => d.month, new SeededRandom(2));
    assert.equal(plan.reduce((a, d) => a + d.count, 0), 777);
    assert.ok(plan[0]!.count > 0 && plan.at(-1)!.count > 0);
    const jan = plan.filter((d) => d.month === 1).reduce((a, d) => a + d.count, 0);
    const dec = plan.filter((d) => d.month === 12).reduce((a, d) => a + d.count, 0);
    assert.ok(dec > jan * 5, 'weights shape the volume');
  });

  it('gives sorted publishing times within the day', () => {
    const day = { year: 2014, month: 5, day: 6 };
    const times = timesOfDay(day, 50, 'Asia/Beirut', new SeededRandom(4));
    assert.deepEqual([...times].sort((a, b) => a - b), times);
    assert.ok(times.every((t) => t >= zonedEpoch(day, 7, 0, 'Asia/Beirut') && t < zonedEpoch(day, 24, 0, 'Asia/Beirut')));
  });

  it('interpolates between anchors and holds flat outside them', () => {
    const anchors = [[0, 1], [10, 3]] as const;
    assert.equal(interpolate(anchors, -5), 1);
    assert.equal(interpolate(anchors, 5), 2);
    assert.equal(interpolate(anchors, 50), 3);
  });
});
