import { localDateParts } from '../text/dates.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A calendar date on the newsroom's wall clock. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

/** One day of the publishing calendar with the number of items it carries. */
export interface PlannedDay extends CalendarDate {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly count: number;
}

/** How busy a day is relative to others; the scale does not matter. */
export type DayWeight = (date: CalendarDate, weekday: number) => number;

const DAY_MS = 86_400_000;

/** Every date from first to last, both included. */
export function datesBetween(first: CalendarDate, last: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [];
  const end = Date.UTC(last.year, last.month - 1, last.day);
  for (let t = Date.UTC(first.year, first.month - 1, first.day); t <= end; t += DAY_MS) {
    const d = new Date(t);
    out.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return out;
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * Spreads `total` items over the days in proportion to their weights (with some day-to-day
 * noise). Systematic sampling (cutting the cumulative weight at unit steps from a random
 * offset) makes the counts add up exactly and keeps small totals spread over the whole range,
 * where largest-remainder rounding would pile them onto the heaviest days. Only per-day counts
 * are kept, so the plan costs the same for 1,000 items as for 100,000.
 */
export function planDays(first: CalendarDate, last: CalendarDate, total: number, weight: DayWeight, rng: SeededRandom): PlannedDay[] {
  const dates = datesBetween(first, last);
  const weights = dates.map((d) => weight(d, weekdayOf(d)) * (0.75 + 0.5 * rng.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const offset = rng.next();
  let cumulative = 0;
  let taken = 0;
  const counts = weights.map((w, i) => {
    cumulative += (w / sum) * total;
    // The last day takes whatever floating-point drift left over.
    const upTo = i === weights.length - 1 ? total : Math.min(total, Math.floor(cumulative + offset));
    const n = upTo - taken;
    taken = upTo;
    return n;
  });
  // The archive should visibly open on its first day and close on its last.
  if (total >= 2) {
    moveOneInto(counts, 0);
    moveOneInto(counts, counts.length - 1);
  }
  return dates.map((d, i) => ({ ...d, weekday: weekdayOf(d), count: counts[i] as number }));
}

/** Gives an empty end day one item, taken from the busiest day in between (never from an end). */
function moveOneInto(counts: number[], target: number): void {
  if ((counts[target] as number) > 0 || counts.length < 3) return;
  let donor = 1;
  for (let i = 2; i < counts.length - 1; i++) if ((counts[i] as number) > (counts[donor] as number)) donor = i;
  if ((counts[donor] as number) === 0) return;
  counts[donor] = (counts[donor] as number) - 1;
  counts[target] = 1;
}

const offsetCache = new Map<string, number>();

/**
 * Epoch seconds of a wall-clock time in a time zone. Intl knows the zone's DST rules; the offset
 * is read once per day at noon, which is right for every hour the demo uses (Lebanon switches
 * clocks at midnight).
 */
export function zonedEpoch(date: CalendarDate, hour: number, minute: number, tz: string): number {
  const key = `${tz}|${date.year}-${date.month}-${date.day}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const noonUtc = Date.UTC(date.year, date.month - 1, date.day, 12) / 1000;
    const p = localDateParts(noonUtc, tz);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - noonUtc;
    offsetCache.set(key, offset);
  }
  return Date.UTC(date.year, date.month - 1, date.day, hour, minute) / 1000 - offset;
}

/** `count` sorted publishing times on one day, between 07:00 and 23:59 local time. */
export function timesOfDay(date: CalendarDate, count: number, tz: string, rng: SeededRandom): number[] {
  const minutes: number[] = [];
  for (let i = 0; i < count; i++) minutes.push(7 * 60 + rng.int(0, 17 * 60 - 1));
  minutes.sort((a, b) => a - b);
  return minutes.map((m) => zonedEpoch(date, Math.floor(m / 60), m % 60, tz));
}

/** Piecewise-linear interpolation between (x, y) anchors sorted by x; flat outside them. */
export function interpolate(anchors: readonly (readonly [number, number])[], x: number): number {
  const firstAnchor = anchors[0];
  const lastAnchor = anchors[anchors.length - 1];
  if (!firstAnchor || !lastAnchor) throw new RangeError('interpolate needs anchors');
  if (x <= firstAnchor[0]) return firstAnchor[1];
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i] as readonly [number, number];
    const [x0, y0] = anchors[i - 1] as readonly [number, number];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return lastAnchor[1];
}

/** Months since January 2000 (fractional by day), the x axis of volume curves. */
export function monthIndex(date: CalendarDate): number {
  return (date.year - 2000) * 12 + (date.month - 1) + (date.day - 1) / 31;
}
