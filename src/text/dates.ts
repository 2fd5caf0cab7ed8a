import type { Digits } from '../domain/edition.ts';
import type { Lang } from '../domain/errors.ts';
import { localizeDigits } from './numerals.ts';

// Date labels of both editions. Intl does the time-zone arithmetic (DST included); the names
// come from our own tables because the pages must show these exact words, and CLDR's Arabic
// data varies by locale and ICU release (Egyptian نوفمبر vs Levantine تشرين الثاني).
// Every label takes the edition's digits (Edition.digits); without them, the language's default
// (Arabic-Indic for 'ar'). isoDateTime is machine-readable and always Western.

/** An instant: a Date, or Unix epoch seconds as Drupal stored them (node.created). */
export type DateInput = Date | number;

/** Wall-clock fields of an instant in one time zone; weekday 0 = Sunday … 6 = Saturday, as Date#getDay. */
export interface LocalDateParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
  weekday: number;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Levantine (Syriac-derived) month names, as printed in Beirut.
const AR_MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب',
  'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
// Arabic has no customary weekday abbreviations, so the short formats use the whole name.
const AR_WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const AR_COMMA = '،';

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** UTC offsets (minutes) by zone and UTC quarter-hour; bounded, cleared when full. */
const offsets = new Map<string, number>();
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Per zone, by UTC day: the offset all day long, or null on a day it changes. Bounded, cleared when full. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's UTC offset at an instant. formatToParts costs ~10 µs and pages show dozens of
 * dates. An offset holds for whole days but two or three a year, so one day's answer serves every
 * instant in it: an archive's cache misses show dates from thousands of different days, and a
 * memo per quarter-hour (still used on a day the offset changes) missed on nearly every one.
 * A day whose first and last quarter-hours agree has no change in it (no zone changes its offset
 * and back within one day).
 */
function offsetMinutes(instant: Date, tz: string): number {
  const ms = instant.getTime();
  const day = Math.floor(ms / DAY_MS);
  let days = dayOffsets.get(tz);
  if (!days) dayOffsets.set(tz, (days = new Map()));
  let whole = days.get(day);
  if (whole === undefined) {
    const first = quarterHourOffset(day * DAY_MS, tz);
    whole = first === quarterHourOffset((day + 1) * DAY_MS - QUARTER_HOUR_MS, tz) ? first : null;
    if (days.size > 50_000) days.clear();
    days.set(day, whole);
  }
  return whole ?? quarterHourOffset(ms, tz);
}

/** The offset in the quarter-hour holding `ms` (every zone's changes fall on quarter-hour boundaries). */
function quarterHourOffset(ms: number, tz: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${tz}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const probe = new Date(bucket * QUARTER_HOUR_MS);
    const fields: Record<string, number> = {};
    for (const part of partFormatter(tz).formatToParts(probe)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
    offset = Math.round((Date.UTC(year, month - 1, day, hour % 24, minute, second) - probe.getTime()) / 60000);
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Year, month, day, hour, minute, second and weekday of the instant on the wall clocks of tz. */
export function localDateParts(d: DateInput, tz: string): LocalDateParts {
  const instant = toInstant(d);
  const local = new Date(instant.getTime() + offsetMinutes(instant, tz) * 60000);
  return {
    year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(),
    minute: local.getUTCMinutes(), second: local.getUTCSeconds(), weekday: local.getUTCDay(),
  };
}

/** Month name for 1–12: 'November' / 'تشرين الثاني'. */
export function monthName(month1to12: number, lang: Lang): string {
  const name = (lang === 'ar' ? AR_MONTHS : EN_MONTHS)[month1to12 - 1];
  if (name === undefined || !Number.isInteger(month1to12)) throw new RangeError(`No month ${month1to12}`);
  return name;
}

/** Article by-line date: "Published Tuesday, November 18, 2014" / "نُشر في الثلاثاء ١٨ تشرين الثاني ٢٠١٤". */
export function formatPublished(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  return (lang === 'ar' ? 'نُشر في ' : 'Published ') + formatDateLine(d, lang, tz, digits);
}

/** Listing date line: "Friday, September 19, 2014" / "الجمعة ١٩ أيلول ٢٠١٤" (no leading zero). */
export function formatDateLine(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  const p = localDateParts(d, tz);
  if (lang === 'en') return localizeDigits(`${EN_WEEKDAYS[p.weekday]}, ${monthName(p.month, 'en')} ${p.day}, ${p.year}`, 'en', digits);
  return localizeDigits(`${AR_WEEKDAYS[p.weekday]} ${p.day} ${monthName(p.month, 'ar')} ${p.year}`, 'ar', digits);
}

/** Blog post meta, Drupal's "D, Y-m-d H:i": "Mon, 2014-11-10 18:40" / "الاثنين، ٢٠١٤-١١-١٠ ١٨:٤٠". */
export function formatBlogMeta(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  const p = localDateParts(d, tz);
  const ymd = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
  if (lang === 'en') return localizeDigits(`${shortWeekday(p.weekday)}, ${ymd}`, 'en', digits);
  return localizeDigits(`${AR_WEEKDAYS[p.weekday]}${AR_COMMA} ${ymd}`, 'ar', digits);
}

/** Bloggers-block date: "Aug 26 2014" / "٢٦ آب ٢٠١٤". */
export function formatShortDate(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  const p = localDateParts(d, tz);
  if (lang === 'en') return localizeDigits(`${monthName(p.month, 'en').slice(0, 3)} ${p.day} ${p.year}`, 'en', digits);
  return localizeDigits(`${p.day} ${monthName(p.month, 'ar')} ${p.year}`, 'ar', digits);
}

/**
 * Newsletter heading: "Week of Monday January 23, 2012" / "أسبوع الاثنين ٢٣ كانون الثاني ٢٠١٢".
 * Formats the day it is given; choosing the week's first day is the caller's business.
 */
export function formatWeekOf(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  const p = localDateParts(d, tz);
  if (lang === 'en') return localizeDigits(`Week of ${EN_WEEKDAYS[p.weekday]} ${monthName(p.month, 'en')} ${p.day}, ${p.year}`, 'en', digits);
  return localizeDigits(`أسبوع ${AR_WEEKDAYS[p.weekday]} ${p.day} ${monthName(p.month, 'ar')} ${p.year}`, 'ar', digits);
}

/** Comment "submitted" date, Drupal 7's medium format: "Tue, 11/18/2014 - 18:40" / "الثلاثاء، ١٨/١١/٢٠١٤ - ١٨:٤٠" (day first in Arabic). */
export function formatCommentDate(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  const p = localDateParts(d, tz);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  if (lang === 'en') return localizeDigits(`${shortWeekday(p.weekday)}, ${pad(p.month)}/${pad(p.day)}/${pad(p.year, 4)} - ${time}`, 'en', digits);
  return localizeDigits(`${AR_WEEKDAYS[p.weekday]}${AR_COMMA} ${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)} - ${time}`, 'ar', digits);
}

/** A saved revision's time, to the second, since two saves can be a minute apart: "Tue, 11/18/2014 - 18:40:05" / "الثلاثاء، ١٨/١١/٢٠١٤ - ١٨:٤٠:٠٥". */
export function formatSavedAt(d: DateInput, lang: Lang, tz: string, digits?: Digits): string {
  const p = localDateParts(d, tz);
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  if (lang === 'en') return localizeDigits(`${shortWeekday(p.weekday)}, ${pad(p.month)}/${pad(p.day)}/${pad(p.year, 4)} - ${time}`, 'en', digits);
  return localizeDigits(`${AR_WEEKDAYS[p.weekday]}${AR_COMMA} ${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)} - ${time}`, 'ar', digits);
}

/** ISO 8601 local time with the zone's offset at that instant, for <time datetime>: "2014-11-18T21:05:00+02:00". */
export function isoDateTime(d: DateInput, tz: string): string {
  const instant = toInstant(d);
  const p = localDateParts(instant, tz);
  const wallSeconds = utcMidnight(p.year, p.month, p.day).getTime() / 1000 + p.hour * 3600 + p.minute * 60 + p.second;
  const offset = wallSeconds - Math.floor(instant.getTime() / 1000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  // Only pre-1900 local mean time offsets can have seconds; print them rather than a wrong offset.
  const seconds = abs % 60 === 0 ? '' : `:${pad(abs % 60)}`;
  const zone = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${zone}`;
}

function toInstant(d: DateInput): Date {
  const instant = typeof d === 'number' ? new Date(d * 1000) : d;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a valid date: ${String(d)}`);
  return instant;
}

function partFormatter(tz: string): Intl.DateTimeFormat {
  let format = partFormatters.get(tz);
  if (!format) {
    // en-US with latn digits so every field parses as a number; h23 so midnight is 0, not 24.
    // An unknown tz throws a RangeError here, which is what callers should see.
    format = new Intl.DateTimeFormat('en-US-u-nu-latn', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partFormatters.set(tz, format);
  }
  return format;
}

/** Midnight UTC of a calendar date; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function shortWeekday(weekday: number): string {
  return (EN_WEEKDAYS[weekday] ?? '').slice(0, 3);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
