import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDateParts } from '../../src/text/dates.ts';

/** Wall-clock fields straight from Intl, without any memo: what localDateParts must agree with. */
function intlParts(instant: Date, format: Intl.DateTimeFormat) {
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return { year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute };
}

// Offsets are memoised per day (a day whose first and last quarter-hours agree); every 53
// minutes (a step that drifts through every quarter-hour) over two years, through each zone's
// changes, must match Intl exactly.
for (const tz of ['Asia/Beirut', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
  test(`local wall-clock time in ${tz} matches Intl at every instant sampled across DST changes`, () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const start = Date.UTC(2014, 0, 1);
    for (let ms = start; ms < start + 2 * 365 * 86_400_000; ms += 53 * 60_000) {
      const instant = new Date(ms);
      const { year, month, day, hour, minute } = localDateParts(instant, tz);
      assert.deepEqual({ year, month, day, hour, minute }, intlParts(instant, format), `${instant.toISOString()} in ${tz}`);
    }
  });
}
