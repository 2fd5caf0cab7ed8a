// HTTP dates as Memento uses them: RFC 7089 §2.1.1 requires Accept-Datetime and Memento-Datetime
// in the RFC 1123 form of RFC 7231 §7.1.1.1 ("Tue, 18 Nov 2014 10:00:00 GMT"), always in GMT.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const RFC1123 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Epoch seconds as an RFC 1123 date. */
export function httpDate(seconds: number): string {
  return new Date(seconds * 1000).toUTCString();
}

/** Epoch seconds of an RFC 1123 date; undefined for anything else (other formats, impossible dates). */
export function parseHttpDate(text: string): number | undefined {
  const m = RFC1123.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year, hour, minute, second] = [Number(m[1]), MONTHS.indexOf(m[2] as (typeof MONTHS)[number]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  const ms = Date.UTC(year, month, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC rolls 31 Feb over into March; a date that does not come back unchanged is not a date.
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month || hour > 23 || minute > 59 || second > 59) return undefined;
  return ms / 1000;
}
