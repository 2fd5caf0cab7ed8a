import type { NodeKind, NodeSummary } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import { NotFound } from '../domain/errors.ts';
import { LISTING_PAGE_SIZE, type Page } from '../domain/pagination.ts';
import type { ArchiveQueries, ContentReader, TimeSpan } from '../store/types.ts';
import { localDateParts } from '../text/dates.ts';

/**
 * What the date archive lists: news articles and blog posts. Landing pages and the Editor's
 * Corner are standing pages, and newsletters only repeat articles already listed that week.
 */
export const ARCHIVE_KINDS: readonly NodeKind[] = ['article', 'blog_post'];

/** A calendar period the archive can show: a year, a month of it, or a day of that. */
export interface ArchivePeriod {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** A period with how many items it holds. */
export interface PeriodCount {
  readonly period: ArchivePeriod;
  readonly count: number;
}

/** The archive's front: every year with items, newest first. */
export interface ArchiveIndex {
  readonly years: readonly PeriodCount[];
}

/** A year page: its twelve months with counts. */
export interface ArchiveYear {
  readonly period: ArchivePeriod;
  readonly months: readonly PeriodCount[];
  readonly total: number;
}

/** A month or day page: the days with counts (month only) and a page of its items. */
export interface ArchiveListing {
  readonly period: ArchivePeriod;
  readonly days: readonly PeriodCount[];
  readonly page: Page<NodeSummary>;
}

/** Years outside four digits are no calendar a newspaper archive has; they 404 rather than scan. */
const YEAR = /^[1-9]\d{3}$/;
const TWO_DIGITS = /^\d{2}$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Parses URL segments into a period; anything not a real calendar date is NotFound. */
export function parseArchivePeriod(year: string, month?: string, day?: string): ArchivePeriod {
  if (!YEAR.test(year)) throw new NotFound();
  const y = Number(year);
  if (month === undefined) return { year: y };
  if (!TWO_DIGITS.test(month)) throw new NotFound();
  const m = Number(month);
  if (m < 1 || m > 12) throw new NotFound();
  if (day === undefined) return { year: y, month: m };
  if (!TWO_DIGITS.test(day)) throw new NotFound();
  const d = Number(day);
  if (d < 1 || d > daysInMonth(y, m)) throw new NotFound();
  return { year: y, month: m, day: d };
}

/** The zone's UTC offset in seconds at an instant, read from its wall clock there. */
function offsetAt(seconds: number, tz: string): number {
  const p = localDateParts(seconds, tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - seconds;
}

/**
 * The first instant of a local calendar day, in epoch seconds. Guess with the offset at UTC
 * midnight, then correct once with the offset at the guess: Beirut moves its clocks at local
 * midnight, so on those days 00:00 does not exist (or is ambiguous) and the day starts at the
 * switch itself.
 */
export function localDayStart(year: number, month: number, day: number, tz: string): number {
  const naive = Date.UTC(year, month - 1, day) / 1000;
  const first = naive - offsetAt(naive, tz);
  const second = naive - offsetAt(first, tz);
  // Keep the earliest candidate that really falls on that day: when the guessed offset is the
  // summer one but midnight was still winter time, the first guess lands on the day before.
  const onDay = [first, second].filter((c) => {
    const p = localDateParts(c, tz);
    return p.year === year && p.month === month && p.day === day;
  });
  return onDay.length > 0 ? Math.min(...onDay) : Math.max(first, second);
}

/** The span of a period in the edition's zone: [start of its first day, start of the day after). */
export function periodSpan(period: ArchivePeriod, tz: string): TimeSpan {
  const { year, month, day } = period;
  if (month === undefined) return { from: localDayStart(year, 1, 1, tz), to: localDayStart(year + 1, 1, 1, tz) };
  if (day === undefined) {
    const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
    return { from: localDayStart(year, month, 1, tz), to: localDayStart(next.y, next.m, 1, tz) };
  }
  // Date.UTC rolls day 32 over into the next month, which is what "the day after" needs.
  const after = new Date(Date.UTC(year, month - 1, day + 1));
  return { from: localDayStart(year, month, day, tz), to: localDayStart(after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate(), tz) };
}

/** Date archives of an edition: years, months and days with counts, and their items. */
export class ArchiveService {
  constructor(private readonly content: ContentReader, private readonly archive: ArchiveQueries) {}

  /** Every year with at least one item, newest first. */
  async index(edition: Edition): Promise<ArchiveIndex> {
    const span = await this.archive.publishedSpan(edition.code, ARCHIVE_KINDS);
    if (!span) return { years: [] };
    const first = localDateParts(span.from, edition.timeZone).year;
    const last = localDateParts(span.to - 1, edition.timeZone).year;
    const periods: ArchivePeriod[] = [];
    for (let year = last; year >= first; year--) periods.push({ year });
    const counts = await this.counts(edition, periods);
    return { years: counts.filter((c) => c.count > 0) };
  }

  /** A year's twelve months with counts (empty months included, so the calendar stays whole). */
  async year(edition: Edition, period: ArchivePeriod): Promise<ArchiveYear> {
    const months = await this.counts(edition, Array.from({ length: 12 }, (_, i) => ({ year: period.year, month: i + 1 })));
    return { period, months, total: months.reduce((sum, m) => sum + m.count, 0) };
  }

  /** A month's days with counts and a page of its items, newest first. */
  async month(edition: Edition, period: ArchivePeriod, page: number): Promise<ArchiveListing> {
    const month = period.month ?? 1;
    const length = daysInMonth(period.year, month);
    const days = await this.counts(edition, Array.from({ length }, (_, i) => ({ year: period.year, month, day: i + 1 })));
    const total = days.reduce((sum, d) => sum + d.count, 0);
    return { period, days, page: await this.items(edition, period, page, total) };
  }

  /** A day's items, newest first. */
  async day(edition: Edition, period: ArchivePeriod, page: number): Promise<ArchiveListing> {
    const [count] = await this.archive.countInSpans(edition.code, ARCHIVE_KINDS, [periodSpan(period, edition.timeZone)]);
    return { period, days: [], page: await this.items(edition, period, page, count ?? 0) };
  }

  private async counts(edition: Edition, periods: readonly ArchivePeriod[]): Promise<PeriodCount[]> {
    const spans = periods.map((p) => periodSpan(p, edition.timeZone));
    const counts = await this.archive.countInSpans(edition.code, ARCHIVE_KINDS, spans);
    return periods.map((period, i) => ({ period, count: counts[i] ?? 0 }));
  }

  private async items(edition: Edition, period: ArchivePeriod, page: number, total: number): Promise<Page<NodeSummary>> {
    const span = periodSpan(period, edition.timeZone);
    const ids = await this.archive.idsInSpan(edition.code, ARCHIVE_KINDS, span, page * LISTING_PAGE_SIZE, LISTING_PAGE_SIZE);
    const items = await this.content.summariesByIds(ids);
    // As in every listing, a page past the end is a 404, not an empty page.
    if (page > 0 && items.length === 0) throw new NotFound();
    return { items, page, pageSize: LISTING_PAGE_SIZE, total };
  }
}
