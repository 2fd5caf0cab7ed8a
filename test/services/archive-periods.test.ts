import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDayStart, parseArchivePeriod, periodSpan } from '../../src/services/archive-service.ts';
import { NotFound } from '../../src/domain/errors.ts';
import { localDateParts } from '../../src/text/dates.ts';

const BEIRUT = 'Asia/Beirut';
const iso = (s: number) => new Date(s * 1000).toISOString();

describe('archive periods', () => {
  test('parses real dates and refuses the rest', () => {
    assert.deepEqual(parseArchivePeriod('2014', '11', '18'), { year: 2014, month: 11, day: 18 });
    assert.deepEqual(parseArchivePeriod('2012', '02', '29'), { year: 2012, month: 2, day: 29 });
    for (const args of [['99999'], ['0999'], ['20x4'], ['2014', '13'], ['2014', '0'], ['2014', '02', '30'], ['1900', '02', '29'], ['2014', '11', '31']] as const) {
      assert.throws(() => parseArchivePeriod(...(args as unknown as [string, string?, string?])), NotFound, args.join('/'));
    }
  });

  test('a Beirut day starts at local midnight (UTC+2 in winter, UTC+3 in summer)', () => {
    assert.equal(iso(localDayStart(2014, 11, 18, BEIRUT)), '2014-11-17T22:00:00.000Z');
    assert.equal(iso(localDayStart(2014, 7, 1, BEIRUT)), '2014-06-30T21:00:00.000Z');
  });

  // Beirut moves its clocks at midnight: on the last Sunday of March 00:00 never happens, and
  // on the last Sunday of October 23:00–24:00 of the Saturday happens twice.
  test('days around the clock changes start at their first instant and cover the whole day', () => {
    for (const [y, m, d] of [[2014, 3, 30], [2014, 3, 29], [2014, 10, 26], [2014, 10, 25], [2014, 10, 27], [2014, 3, 31]] as const) {
      const span = periodSpan({ year: y, month: m, day: d }, BEIRUT);
      const first = localDateParts(span.from, BEIRUT);
      const before = localDateParts(span.from - 1, BEIRUT);
      const last = localDateParts(span.to - 1, BEIRUT);
      assert.deepEqual([first.year, first.month, first.day], [y, m, d], `${y}-${m}-${d} start`);
      assert.notEqual(before.day, d, `${y}-${m}-${d} previous instant`);
      assert.deepEqual([last.year, last.month, last.day], [y, m, d], `${y}-${m}-${d} end`);
    }
  });

  test('a year span runs from local New Year to the next', () => {
    const span = periodSpan({ year: 2014 }, BEIRUT);
    assert.equal(iso(span.from), '2013-12-31T22:00:00.000Z');
    assert.equal(iso(span.to), '2014-12-31T22:00:00.000Z');
  });
});
