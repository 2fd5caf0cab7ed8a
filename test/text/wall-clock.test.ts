import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromWallClock, toWallClock } from '../../src/text/wall-clock.ts';

// Scheduling takes a date-time as an editor in Beirut types it (issue 12, point 2).

test('a wall-clock time in a zone is the instant it names, in winter and summer time', () => {
  const cases: [string, string, string | null][] = [
    ['2026-12-03T09:30', 'Asia/Beirut', '2026-12-03T07:30:00.000Z'],
    ['2026-07-03T09:30', 'Asia/Beirut', '2026-07-03T06:30:00.000Z'],
    ['2026-07-03T09:30', 'UTC', '2026-07-03T09:30:00.000Z'],
    ['2026-07-03T09:30', 'Asia/Kolkata', '2026-07-03T04:00:00.000Z'],
    // Beirut's clocks go from 00:00 to 01:00 on the last Sunday of March: 00:30 does not exist.
    ['2026-03-29T00:30', 'Asia/Beirut', null],
    // Beirut's clocks go back from midnight to 23:00 on the last Sunday of October: 23:30 happens twice, and the earlier is taken.
    ['2026-10-24T23:30', 'Asia/Beirut', '2026-10-24T20:30:00.000Z'],
    ['2026-10-25T00:30', 'Asia/Beirut', '2026-10-24T22:30:00.000Z'],
    ['2026-02-30T10:00', 'UTC', null],
    ['2026-13-01T10:00', 'UTC', null],
    ['tomorrow', 'UTC', null],
    ['', 'Asia/Beirut', null],
    ['2026-12-03 09:30', 'UTC', null],
  ];
  for (const [text, tz, want] of cases) assert.equal(fromWallClock(text, tz)?.toISOString() ?? null, want, `${text} ${tz}`);
});

test('toWallClock is the input value fromWallClock reads back', () => {
  for (const iso of ['2026-12-03T07:30:00Z', '2026-07-03T06:30:00Z', '2027-01-01T00:00:00Z']) {
    const wall = toWallClock(new Date(iso), 'Asia/Beirut');
    assert.match(wall, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    assert.equal(fromWallClock(wall, 'Asia/Beirut')?.toISOString(), new Date(iso).toISOString());
  }
});
