import type { AuthorRef, NodeSummary } from '../../domain/content.ts';
import type { Edition } from '../../domain/edition.ts';
import { pageCount, pagerWindow, type Page } from '../../domain/pagination.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatCount } from '../../text/numerals.ts';
import { t } from '../../text/messages.ts';
import { pluralize } from '../../text/plural.ts';
import type { SiteContext } from '../site-context.ts';
import { authorUrl, nodeUrl, pageUrl } from '../urls.ts';
import { html } from './html.ts';

/** The archival notice and its signature, right after the title on every archive page. */
export function archiveNotice(edition: Edition): SafeHtml {
  if (edition.mode !== 'archive' || !edition.notice) return html``;
  const n = edition.notice;
  return html`<div class="archive-notice" role="note">
<p>${n.text} <a href="${n.linkUrl}">${n.linkText}</a></p>
<p class="signature">${n.signature}</p>
</div>`;
}

/** Author links joined with ", " as the original listed co-authors. */
export function authorLinks(ctx: SiteContext, authors: readonly AuthorRef[]): SafeHtml {
  // Co-authors are joined with ", " as the original listed them ("، " in Arabic).
  const separator = ctx.edition.lang === 'ar' ? '، ' : ', ';
  return html`${authors.map((a, i) => html`${i > 0 ? separator : ''}<a href="${authorUrl(ctx, a)}">${a.name}</a>`)}`;
}

/** "By: A, B", or nothing for unsigned pieces. */
export function byline(ctx: SiteContext, authors: readonly AuthorRef[]): SafeHtml {
  if (authors.length === 0) return html``;
  return html`<p class="byline">${t(ctx.edition.lang, 'by')} ${authorLinks(ctx, authors)}</p>`;
}

/** "1 Comment" / "N Comments" in the edition's language (Arabic has six plural forms). */
export function commentCountLabel(ctx: SiteContext, count: number): string {
  const { lang, digits } = ctx.edition;
  if (lang === 'en') return count === 1 ? t('en', 'commentsOne') : t('en', 'commentsMany', { count: formatCount(count, 'en', digits) });
  return pluralize(count, 'ar', { one: 'تعليق واحد', two: 'تعليقان', few: '@count تعليقات', many: '@count تعليقاً', other: '@count تعليق' }, digits);
}

/** "Read more", or "Read more | 1 Comment", or "Read more | N Comments". */
export function readMoreLinks(ctx: SiteContext, node: NodeSummary): SafeHtml {
  const url = nodeUrl(ctx, node);
  const lang = ctx.edition.lang;
  // The title is there for screen readers and search engines (a list of bare "Read more" links
  // says nowhere where each goes), and hidden on screen, where the teaser's heading shows it.
  return html`<p class="links"><a href="${url}">${t(lang, 'readMore')}<span class="visually-hidden">: ${node.title}</span></a>${
    node.commentCount > 0 ? html` | <a href="${url}#comments">${commentCountLabel(ctx, node.commentCount)}</a>` : ''
  }</p>`;
}

/** "^ Back to Top": a real link to the top of the page. */
export function backToTop(ctx: SiteContext): SafeHtml {
  return html`<p class="back-to-top"><a href="#top">${t(ctx.edition.lang, 'backToTop')}</a></p>`;
}

/** The "Syndicate content" feed link every listing ends with. */
export function syndicate(ctx: SiteContext, feed: string): SafeHtml {
  return html`<p class="feed-link"><a href="${feed}" type="application/rss+xml">${t(ctx.edition.lang, 'syndicate')}</a></p>`;
}

/** Drupal's pager: first, previous, a window of pages, next, last; zero-based ?page=N. */
export function pager(ctx: SiteContext, baseUrl: string, page: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'>): SafeHtml {
  const pages = pageCount(page.total, page.pageSize);
  if (pages <= 1) return html``;
  const lang = ctx.edition.lang;
  const current = page.page;
  const item = (p: number, label: string, rel?: string) =>
    html`<li><a href="${pageUrl(baseUrl, p)}"${rel ? html` rel="${rel}"` : ''}>${label}</a></li>`;
  return html`<nav class="pager" aria-label="${t(lang, 'pager')}"><ul>
${current > 0 ? [item(0, t(lang, 'pagerFirst')), item(current - 1, t(lang, 'pagerPrevious'), 'prev')] : ''}
${pagerWindow(current, pages).map((p) => p === current
    ? html`<li class="current"><a aria-current="page" href="${pageUrl(baseUrl, p)}" aria-label="${t(lang, 'pagerCurrent', { page: formatCount(p + 1, lang, ctx.edition.digits) })}">${formatCount(p + 1, lang, ctx.edition.digits)}</a></li>`
    : html`<li><a href="${pageUrl(baseUrl, p)}" aria-label="${t(lang, 'pagerPage', { page: formatCount(p + 1, lang, ctx.edition.digits) })}">${formatCount(p + 1, lang, ctx.edition.digits)}</a></li>`)}
${current < pages - 1 ? [item(current + 1, t(lang, 'pagerNext'), 'next'), item(pages - 1, t(lang, 'pagerLast'))] : ''}
</ul></nav>`;
}
