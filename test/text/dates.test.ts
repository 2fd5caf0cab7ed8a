import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatBlogMeta, formatCommentDate, formatDateLine, formatPublished, formatShortDate, formatWeekOf,
  isoDateTime, localDateParts, monthName,
} from '../../src/text/dates.ts';

const BEIRUT = 'Asia/Beirut';
const at = (iso: string): Date => new Date(iso);

// Beirut: UTC+2, UTC+3 from the last Sunday of March (00:00 → 01:00) to the last Sunday of
// October (00:00 → 23:00 the day before). In 2014: 30 March and 26 October.
const partsCases: Array<[string, Date | number, ReturnType<typeof localDateParts>]> = [
  ['winter evening', at('2014-11-18T19:05:00Z'), { year: 2014, month: 11, day: 18, hour: 21, minute: 5, second: 0, weekday: 2 }],
  ['epoch seconds (Drupal node.created)', 1416337500, { year: 2014, month: 11, day: 18, hour: 21, minute: 5, second: 0, weekday: 2 }],
  ['UTC Monday night is Beirut Tuesday', at('2014-11-17T23:30:00Z'), { year: 2014, month: 11, day: 18, hour: 1, minute: 30, second: 0, weekday: 2 }],
  ['UTC Tuesday 22:30 is Beirut Wednesday', at('2014-11-18T22:30:00Z'), { year: 2014, month: 11, day: 19, hour: 0, minute: 30, second: 0, weekday: 3 }],
  ['last minute before DST starts', at('2014-03-29T21:59:00Z'), { year: 2014, month: 3, day: 29, hour: 23, minute: 59, second: 0, weekday: 6 }],
  ['first minutes of DST: midnight skipped', at('2014-03-29T22:30:00Z'), { year: 2014, month: 3, day: 30, hour: 1, minute: 30, second: 0, weekday: 0 }],
  ['summer: UTC 21:30 is already tomorrow', at('2014-06-30T21:30:00Z'), { year: 2014, month: 7, day: 1, hour: 0, minute: 30, second: 0, weekday: 2 }],
  ['DST ends: first 23:30 (UTC+3)', at('2014-10-25T20:30:00Z'), { year: 2014, month: 10, day: 25, hour: 23, minute: 30, second: 0, weekday: 6 }],
  ['DST ends: repeated 23:30 (UTC+2), still Saturday', at('2014-10-25T21:30:00Z'), { year: 2014, month: 10, day: 25, hour: 23, minute: 30, second: 0, weekday: 6 }],
  ['DST ends: then Sunday midnight', at('2014-10-25T22:00:00Z'), { year: 2014, month: 10, day: 26, hour: 0, minute: 0, second: 0, weekday: 0 }],
  ['midnight is hour 0, not 24', at('2015-03-04T22:00:00Z'), { year: 2015, month: 3, day: 5, hour: 0, minute: 0, second: 0, weekday: 4 }],
  ['leap day', at('2012-02-29T10:00:00Z'), { year: 2012, month: 2, day: 29, hour: 12, minute: 0, second: 0, weekday: 3 }],
  ['seconds are truncated, not rounded', at('2014-11-18T19:05:59.999Z'), { year: 2014, month: 11, day: 18, hour: 21, minute: 5, second: 59, weekday: 2 }],
];
for (const [name, d, expected] of partsCases) {
  test(`localDateParts: ${name}`, () => {
    assert.deepEqual(localDateParts(d, BEIRUT), expected);
  });
}

test('localDateParts: the zone is a parameter', () => {
  const d = at('2014-11-17T23:30:00Z');
  assert.equal(localDateParts(d, 'UTC').weekday, 1);
  assert.equal(localDateParts(d, 'America/New_York').day, 17);
});

// [name, instant, en, ar] for each formatter.
type Row = [string, Date | number, string, string];
const tables: Array<[string, (d: Date | number, lang: 'en' | 'ar', tz: string) => string, Row[]]> = [
  ['formatPublished', formatPublished, [
    ['brief example', at('2014-11-18T19:05:00Z'), 'Published Tuesday, November 18, 2014', 'نُشر في الثلاثاء ١٨ تشرين الثاني ٢٠١٤'],
    ['docs/original-site.md example, no leading zero', at('2015-03-05T10:00:00Z'), 'Published Thursday, March 5, 2015', 'نُشر في الخميس ٥ آذار ٢٠١٥'],
    ['near midnight UTC takes Beirut\'s day', at('2014-11-17T23:30:00Z'), 'Published Tuesday, November 18, 2014', 'نُشر في الثلاثاء ١٨ تشرين الثاني ٢٠١٤'],
    ['first day of the archive', at('2011-08-18T09:00:00Z'), 'Published Thursday, August 18, 2011', 'نُشر في الخميس ١٨ آب ٢٠١١'],
  ]],
  ['formatDateLine', formatDateLine, [
    ['docs/original-site.md example', at('2014-09-19T08:00:00Z'), 'Friday, September 19, 2014', 'الجمعة ١٩ أيلول ٢٠١٤'],
    ['DST start night', at('2014-03-29T22:30:00Z'), 'Sunday, March 30, 2014', 'الأحد ٣٠ آذار ٢٠١٤'],
    ['DST end night, repeated hour', at('2014-10-25T21:30:00Z'), 'Saturday, October 25, 2014', 'السبت ٢٥ تشرين الأول ٢٠١٤'],
    ['December and January names', at('2013-12-31T21:59:00Z'), 'Tuesday, December 31, 2013', 'الثلاثاء ٣١ كانون الأول ٢٠١٣'],
    ['new year in Beirut before UTC', at('2013-12-31T22:30:00Z'), 'Wednesday, January 1, 2014', 'الأربعاء ١ كانون الثاني ٢٠١٤'],
  ]],
  ['formatBlogMeta', formatBlogMeta, [
    ['docs/original-site.md example', at('2014-11-10T16:40:00Z'), 'Mon, 2014-11-10 18:40', 'الاثنين، ٢٠١٤-١١-١٠ ١٨:٤٠'],
    ['zero-padded month, day, hour', at('2012-02-05T05:07:00Z'), 'Sun, 2012-02-05 07:07', 'الأحد، ٢٠١٢-٠٢-٠٥ ٠٧:٠٧'],
    ['summer time', at('2014-07-01T09:00:00Z'), 'Tue, 2014-07-01 12:00', 'الثلاثاء، ٢٠١٤-٠٧-٠١ ١٢:٠٠'],
  ]],
  ['formatShortDate', formatShortDate, [
    ['docs/original-site.md example', at('2014-08-26T12:00:00Z'), 'Aug 26 2014', '٢٦ آب ٢٠١٤'],
    ['single-digit day', at('2013-06-03T12:00:00Z'), 'Jun 3 2013', '٣ حزيران ٢٠١٣'],
    ['September is Sep', at('2013-09-03T12:00:00Z'), 'Sep 3 2013', '٣ أيلول ٢٠١٣'],
  ]],
  ['formatWeekOf', formatWeekOf, [
    ['docs/original-site.md example', at('2012-01-23T08:00:00Z'), 'Week of Monday January 23, 2012', 'أسبوع الاثنين ٢٣ كانون الثاني ٢٠١٢'],
    ['Sunday-night UTC is Monday in Beirut', at('2012-01-22T22:30:00Z'), 'Week of Monday January 23, 2012', 'أسبوع الاثنين ٢٣ كانون الثاني ٢٠١٢'],
  ]],
  ['formatCommentDate', formatCommentDate, [
    ['Drupal 7 medium format', at('2014-11-18T16:40:00Z'), 'Tue, 11/18/2014 - 18:40', 'الثلاثاء، ١٨/١١/٢٠١٤ - ١٨:٤٠'],
    ['padded, after midnight', at('2015-03-04T22:05:00Z'), 'Thu, 03/05/2015 - 00:05', 'الخميس، ٠٥/٠٣/٢٠١٥ - ٠٠:٠٥'],
  ]],
];
for (const [fnName, format, rows] of tables) {
  for (const [name, d, en, ar] of rows) {
    test(`${fnName}: ${name}`, () => {
      assert.equal(format(d, 'en', BEIRUT), en);
      assert.equal(format(d, 'ar', BEIRUT), ar);
    });
  }
}

test('every weekday name in both languages over one week', () => {
  const en = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const ar = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
  for (let i = 0; i < 7; i++) {
    const d = at(`2014-11-${String(16 + i).padStart(2, '0')}T12:00:00Z`); // 16 Nov 2014 was a Sunday
    assert.ok(formatDateLine(d, 'en', BEIRUT).startsWith(`${en[i]},`));
    assert.ok(formatDateLine(d, 'ar', BEIRUT).startsWith(`${ar[i]} `));
    assert.ok(formatCommentDate(d, 'en', BEIRUT).startsWith(`${en[i]?.slice(0, 3)},`));
  }
});

test('Arabic formats use Arabic-Indic digits only', () => {
  const d = at('2014-11-18T19:05:00Z');
  for (const format of [formatPublished, formatDateLine, formatBlogMeta, formatShortDate, formatWeekOf, formatCommentDate]) {
    assert.doesNotMatch(format(d, 'ar', BEIRUT), /[0-9]/);
  }
});

const isoCases: Array<[string, Date | number, string, string]> = [
  ['winter offset', at('2014-11-18T19:05:00Z'), BEIRUT, '2014-11-18T21:05:00+02:00'],
  ['summer offset', at('2014-07-01T09:00:00Z'), BEIRUT, '2014-07-01T12:00:00+03:00'],
  ['DST end, first 23:30', at('2014-10-25T20:30:00Z'), BEIRUT, '2014-10-25T23:30:00+03:00'],
  ['DST end, second 23:30', at('2014-10-25T21:30:00Z'), BEIRUT, '2014-10-25T23:30:00+02:00'],
  ['date differs from UTC', at('2014-11-17T23:30:00Z'), BEIRUT, '2014-11-18T01:30:00+02:00'],
  ['epoch seconds', 1416337500, BEIRUT, '2014-11-18T21:05:00+02:00'],
  ['UTC', at('2014-11-18T19:05:07Z'), 'UTC', '2014-11-18T19:05:07+00:00'],
  ['negative half-hour offset', at('2014-01-15T12:00:00Z'), 'America/St_Johns', '2014-01-15T08:30:00-03:30'],
  ['45-minute offset', at('2014-01-15T12:00:00Z'), 'Asia/Kathmandu', '2014-01-15T17:45:00+05:45'],
];
for (const [name, d, tz, expected] of isoCases) {
  test(`isoDateTime: ${name}`, () => {
    assert.equal(isoDateTime(d, tz), expected);
    // The string must denote the same instant it came from.
    const instant = typeof d === 'number' ? d * 1000 : d.getTime();
    assert.equal(new Date(expected).getTime(), Math.floor(instant / 1000) * 1000);
  });
}

test('monthName: all twelve, both languages', () => {
  const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const ar = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
  for (let m = 1; m <= 12; m++) {
    assert.equal(monthName(m, 'en'), en[m - 1]);
    assert.equal(monthName(m, 'ar'), ar[m - 1]);
  }
});

test('bad input is refused', () => {
  for (const m of [0, 13, 1.5, NaN]) assert.throws(() => monthName(m, 'en'), RangeError, String(m));
  assert.throws(() => formatDateLine(new Date('nope'), 'en', BEIRUT), RangeError);
  assert.throws(() => formatDateLine(NaN, 'en', BEIRUT), RangeError);
  assert.throws(() => formatDateLine(at('2014-11-18T00:00:00Z'), 'en', 'Mars/Olympus_Mons'), RangeError);
});

// Edition.digits: every label follows the edition's setting; isoDateTime stays Western.
test('date labels follow the edition digits setting', () => {
  const d = new Date('2014-11-18T16:40:00Z'); // 18:40 in Beirut
  assert.equal(formatPublished(d, 'ar', BEIRUT, 'western'), 'نُشر في الثلاثاء 18 تشرين الثاني 2014');
  assert.equal(formatPublished(d, 'ar', BEIRUT, 'arabic-indic'), 'نُشر في الثلاثاء ١٨ تشرين الثاني ٢٠١٤');
  assert.equal(formatPublished(d, 'ar', BEIRUT), 'نُشر في الثلاثاء ١٨ تشرين الثاني ٢٠١٤');
  assert.equal(formatCommentDate(d, 'ar', BEIRUT, 'western'), 'الثلاثاء، 18/11/2014 - 18:40');
  assert.equal(formatBlogMeta(d, 'ar', BEIRUT, 'western'), 'الثلاثاء، 2014-11-18 18:40');
  assert.equal(formatShortDate(d, 'ar', BEIRUT, 'western'), '18 تشرين الثاني 2014');
  assert.equal(formatWeekOf(d, 'ar', BEIRUT, 'western'), 'أسبوع الثلاثاء 18 تشرين الثاني 2014');
  assert.equal(formatDateLine(d, 'en', BEIRUT, 'arabic-indic'), 'Tuesday, November ١٨, ٢٠١٤');
  assert.equal(formatDateLine(d, 'en', BEIRUT), 'Tuesday, November 18, 2014');
  assert.equal(isoDateTime(d, BEIRUT), '2014-11-18T18:40:00+02:00');
});
