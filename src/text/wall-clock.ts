import { localDateParts } from './dates.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An instant as the value of an `<input type="datetime-local">` on the wall clocks of tz ("2026-12-03T09:30"). */
export function toWallClock(instant: Date, tz: string): string {
  const p = localDateParts(instant, tz);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/**
 * The instant a wall-clock time in tz names (what an editor in Beirut types), or null when the
 * text is not a date-time or names a time the zone skips (the hour lost when clocks go forward).
 * Of the two instants an hour repeated in autumn names, the earlier is taken.
 */
export function fromWallClock(text: string, tz: string): Date | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Compared with the text itself, so a day or month out of range (2026-02-30) is refused, not rolled over.
  const wanted = text.trim();
  // The zone's offset is at most ±14 h: try the offsets in force around that time, earliest instant first.
  const candidates = new Set<number>();
  for (const probe of [asUtc - 14 * 3600_000, asUtc, asUtc + 14 * 3600_000]) {
    const p = localDateParts(new Date(probe), tz);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - probe;
    candidates.add(asUtc - offset);
  }
  for (const instant of [...candidates].sort((a, b) => a - b)) {
    if (toWallClock(new Date(instant), tz) === wanted) return new Date(instant);
  }
  return null;
}
