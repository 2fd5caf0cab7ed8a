import { localDateParts } from '../../../text/dates.ts';

// The original site printed every date on Beirut wall clocks (docs/original-site.md), so
// reading one back means finding the instant whose Beirut local time is the printed one.

/** The newsroom's time zone. */
export const NEWSROOM_TZ = 'Asia/Beirut';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Unix seconds of a Beirut wall-clock time (DST gaps resolve forward, overlaps to the first instant). */
export function beirutToUnix(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute) / 1000;
  let guess = wall;
  // Two rounds settle the offset, including the days when it changes.
  for (let i = 0; i < 2; i++) {
    const p = localDateParts(guess, NEWSROOM_TZ);
    guess += wall - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) / 1000;
  }
  return guess;
}

/**
 * "Published Tuesday, November 18, 2014" (or just the date) → Unix seconds. The line holds no
 * time, so it is read as noon in Beirut: the day then survives any later zone conversion.
 */
export function parsePublishedDate(text: string): number | null {
  const m = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})/i.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
  if (month === 0) return null;
  return beirutToUnix(Number(m[3]), month, Number(m[2]), 12, 0);
}

/** Comment date "Tue, 11/18/2014 - 18:40" (Drupal 7 medium format) → Unix seconds. */
export function parseCommentDate(text: string): number | null {
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})\s*-\s*(\d{1,2}):(\d{2})/.exec(text);
  return m ? beirutToUnix(Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5])) : null;
}

/** Blog meta "Mon, 2014-11-10 18:40" → Unix seconds. */
export function parseBlogDate(text: string): number | null {
  const m = /(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})/.exec(text);
  return m ? beirutToUnix(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) : null;
}
