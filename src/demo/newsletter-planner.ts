import type { NodeWrite } from '../store/types.ts';
import { formatWeekOf } from '../text/dates.ts';
import { slugify } from '../text/slugify.ts';
import { zonedEpoch, type CalendarDate } from './demo-calendar.ts';
import { escapeHtml } from './english-prose.ts';
import { finishNode } from './node-batch.ts';
import type { PathRegistry } from './path-registry.ts';
import type { SeededRandom } from './seeded-random.ts';

/** What a newsletter needs to know about a published item. */
export interface NewsletterEntry {
  readonly title: string;
  readonly path: string;
  readonly publishedAt: number;
  readonly theme: string;
}

interface Week {
  readonly monday: CalendarDate;
  readonly start: number;
  readonly end: number;
  readonly publishAt: number;
  readonly themes: Map<string, NewsletterEntry[]>;
  seen: number;
}

// Themed headings in the order the newsletter printed them.
const THEME_ORDER = ['Syria', 'Lebanon', 'Palestine', 'The Arab World and Beyond', 'Culture & Society', 'Economy', 'Features', 'From the Blogs'];
// A quiet week (common in a small demo) is padded with recent items under this heading, so no
// newsletter is ever an empty page.
const ARCHIVE_THEME = 'From the Archive';
const MIN_LINKS = 3;
// Links per heading: a newsletter is a pick of the week, not its index.
const PER_THEME = 6;
const INTROS = [
  'Every week, our editors pick the stories worth a second look.',
  'The week in review: what we reported, and what we think you should not miss.',
  'A selection of the past week’s reporting, analysis and blogs from The Levant Ledger.',
] as const;

/** The newsletter heading an item belongs under, from its section key (null for blog posts). */
export function newsletterTheme(sectionKey: string | null): string {
  switch (sectionKey) {
    case null: return 'From the Blogs';
    case 'politics/syria': return 'Syria';
    case 'politics/lebanon': return 'Lebanon';
    case 'politics/palestine': return 'Palestine';
    case 'culture-society': return 'Culture & Society';
    case 'economy': return 'Economy';
    case 'series-features':
    case 'portraits': return 'Features';
    default: return 'The Arab World and Beyond';
  }
}

/**
 * Weekly newsletters ("Week of Monday January 23, 2012"), each published the Monday after its
 * week and linking to a sample of that week's real items. Only the open weeks' picks are kept.
 */
export class NewsletterPlanner {
  private readonly weeks: Week[] = [];
  private readonly recent: NewsletterEntry[] = [];
  private next = 0;

  constructor(
    private readonly rng: SeededRandom,
    firstMonday: CalendarDate,
    count: number,
    private readonly tz: string,
    private readonly linkPrefix: string,
  ) {
    for (let i = 0; i < count; i++) {
      const monday = addDays(firstMonday, 7 * i);
      this.weeks.push({ monday, start: zonedEpoch(monday, 0, 0, tz), end: zonedEpoch(addDays(monday, 7), 0, 0, tz), publishAt: zonedEpoch(addDays(monday, 7), 8, 0, tz), themes: new Map(), seen: 0 });
    }
  }

  /** Offers an item to the week it was published in (reservoir-sampled per heading). */
  collect(entry: NewsletterEntry): void {
    this.recent.push(entry);
    if (this.recent.length > PER_THEME * 2) this.recent.shift();
    for (let i = this.next; i < this.weeks.length; i++) {
      const week = this.weeks[i] as Week;
      if (entry.publishedAt < week.start) return;
      if (entry.publishedAt >= week.end) continue;
      const list = week.themes.get(entry.theme) ?? [];
      week.themes.set(entry.theme, list);
      week.seen++;
      if (list.length < PER_THEME) list.push(entry);
      else if (this.rng.chance(PER_THEME / week.seen)) list[this.rng.int(0, PER_THEME - 1)] = entry;
      return;
    }
  }

  /** Publish time of the next newsletter not yet built, if any. */
  nextDue(): number | undefined {
    return this.weeks[this.next]?.publishAt;
  }

  /** Builds the next newsletter; its picks are dropped from memory. */
  build(nid: number, paths: PathRegistry): NodeWrite {
    const week = this.weeks[this.next++] as Week;
    const title = formatWeekOf(zonedEpoch(week.monday, 12, 0, this.tz), 'en', this.tz);
    if (week.seen < MIN_LINKS) {
      const picked = new Set([...week.themes.values()].flat());
      const extra = this.recent.filter((e) => !picked.has(e) && e.publishedAt < week.start).slice(-PER_THEME);
      if (extra.length > 0) week.themes.set(ARCHIVE_THEME, extra);
    }
    const present = [...THEME_ORDER, ARCHIVE_THEME].filter((t) => (week.themes.get(t)?.length ?? 0) > 0);
    const count = week.seen === 0 ? 'a quiet week' : `${week.seen} ${week.seen === 1 ? 'story' : 'stories'} published`;
    const intro = `${this.rng.pick(INTROS)} ${title}: ${count}` + (present.length > 0 ? `, with picks from ${joinList(present)}.` : '.');
    const parts = [`<p>${escapeHtml(intro)}</p>`];
    for (const theme of [...THEME_ORDER, ARCHIVE_THEME]) {
      const entries = (week.themes.get(theme) ?? []).sort((a, b) => a.publishedAt - b.publishedAt);
      if (entries.length === 0) continue;
      const items = entries.map((e) => `<li><a href="${escapeHtml(`${this.linkPrefix}/${e.path}`)}">${escapeHtml(e.title)}</a></li>`);
      parts.push(`<h2>${escapeHtml(theme)}</h2>\n<ul>\n${items.join('\n')}\n</ul>`);
    }
    week.themes.clear();
    const body = parts.join('\n');
    return finishNode({
      nid, kind: 'newsletter', title, path: paths.claim('newsletter', slugify(title)), summary: null, opening: body, bodyHtml: body,
      credit: null, photo: null, publishedAt: week.publishAt, updatedAt: week.publishAt, showDate: true, promoted: false,
      sectionTid: null, termIds: [], authorIds: [], blogId: null, commentPolicy: null,
    });
  }
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
