import type { SafeHtml } from '../../domain/safe-html.ts';
import type { ArchiveIndex, ArchiveListing, ArchivePeriod, ArchiveYear, PeriodCount } from '../../services/archive-service.ts';
import { monthName } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import { formatCount, localizeDigits } from '../../text/numerals.ts';
import type { SiteContext } from '../site-context.ts';
import { archiveUrl, homeUrl } from '../urls.ts';
import { html } from './html.ts';
import { backToTop, pager } from './parts.ts';
import { standardTeaser } from './teasers.ts';
import type { Crumb } from './structured-data.ts';

/** A period's name: "2014", "November 2014", "November 18, 2014" / "١٨ تشرين الثاني ٢٠١٤". */
export function periodTitle(ctx: SiteContext, period: ArchivePeriod): string {
  const lang = ctx.edition.lang;
  const { year, month, day } = period;
  if (month === undefined) return localizeDigits(String(year), lang, ctx.edition.digits);
  const name = monthName(month, lang);
  const text = lang === 'en'
    ? (day === undefined ? `${name} ${year}` : `${name} ${day}, ${year}`)
    : (day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`);
  return localizeDigits(text, lang, ctx.edition.digits);
}

/** The breadcrumb trail of an archive page: home, archive, year, month, day. */
export function archiveTrail(ctx: SiteContext, period?: ArchivePeriod): Crumb[] {
  const trail: Crumb[] = [{ name: ctx.edition.siteName, url: homeUrl(ctx) }, { name: t(ctx.edition.lang, 'archive'), url: archiveUrl(ctx) }];
  if (!period) return trail;
  const steps: ArchivePeriod[] = [{ year: period.year }];
  if (period.month !== undefined) steps.push({ year: period.year, month: period.month });
  if (period.day !== undefined) steps.push(period);
  return [...trail, ...steps.map((p) => ({ name: periodTitle(ctx, p), url: archiveUrl(ctx, p) }))];
}

function crumbs(ctx: SiteContext, period?: ArchivePeriod): SafeHtml {
  const trail = archiveTrail(ctx, period).slice(0, -1);
  return html`<nav class="breadcrumb" aria-label="${t(ctx.edition.lang, 'archive')}"><ol>${trail.map((c) => html`<li><a href="${c.url}">${c.name}</a></li>`)}</ol></nav>`;
}

/** A list of periods with counts; empty ones are shown unlinked so the calendar stays whole. */
function periodList(ctx: SiteContext, headingId: string, heading: string, entries: readonly PeriodCount[], label: (p: ArchivePeriod) => string): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<section class="archive-periods" aria-labelledby="${headingId}">
<h2 id="${headingId}">${heading}</h2>
<ul>${entries.map(({ period, count }) => {
    const text = t(lang, 'archiveCount', { label: label(period), count: formatCount(count, lang, ctx.edition.digits) });
    return html`<li>${count > 0 ? html`<a href="${archiveUrl(ctx, period)}">${text}</a>` : html`<span class="empty">${text}</span>`}</li>`;
  })}</ul>
</section>`;
}

const nothing = (ctx: SiteContext) => html`<p class="archive-empty">${t(ctx.edition.lang, 'archiveNothing')}</p>`;

/** /archive: the years with counts. */
export function archiveIndexView(ctx: SiteContext, index: ArchiveIndex): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="archive archive-index">
${crumbs(ctx)}
<h1 class="page-title">${t(lang, 'archive')}</h1>
${index.years.length === 0 ? nothing(ctx) : periodList(ctx, 'archive-years', t(lang, 'archiveYears'), index.years, (p) => localizeDigits(String(p.year), lang, ctx.edition.digits))}
${backToTop(ctx)}
</div>`;
}

/** /archive/2014: the months with counts. */
export function archiveYearView(ctx: SiteContext, year: ArchiveYear): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="archive archive-year">
${crumbs(ctx, year.period)}
<h1 class="page-title">${periodTitle(ctx, year.period)}</h1>
${year.total === 0 ? nothing(ctx) : periodList(ctx, 'archive-months', t(lang, 'archiveMonths'), year.months, (p) => monthName(p.month ?? 1, lang))}
${backToTop(ctx)}
</div>`;
}

/** /archive/2014/11 and /archive/2014/11/18: the days with counts (month only), then the items. */
export function archiveListingView(ctx: SiteContext, listing: ArchiveListing): SafeHtml {
  const lang = ctx.edition.lang;
  const { period, page } = listing;
  const days = listing.days.filter((d) => d.count > 0);
  return html`<div class="archive archive-${period.day === undefined ? 'month' : 'day'}">
${crumbs(ctx, period)}
<h1 class="page-title">${periodTitle(ctx, period)}</h1>
${page.total === 0 ? nothing(ctx) : html`${days.length > 0 ? periodList(ctx, 'archive-days', t(lang, 'archiveDays'), days, (p) => periodTitle(ctx, p)) : ''}
<section class="archive-items" aria-labelledby="archive-items">
<h2 id="archive-items">${t(lang, 'archiveItems')}</h2>
${page.items.map((node) => standardTeaser(ctx, node, { showAuthors: true, headingLevel: 3 }))}
</section>
${pager(ctx, archiveUrl(ctx, period), page)}`}
${backToTop(ctx)}
</div>`;
}
