import type { SafeHtml } from '../../domain/safe-html.ts';
import type { ArticleCorrection } from '../../services/corrections-service.ts';
import { formatDateLine } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl } from '../urls.ts';
import { html } from './html.ts';
import { backToTop } from './parts.ts';
import { timeTag } from './teasers.ts';

/** The corrections page: every correction and update of the edition, newest first, each linked to its article. */
export function correctionsView(ctx: SiteContext, items: readonly ArticleCorrection[], feed: string): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  return html`<h1 class="page-title">${t(lang, 'correctionsTitle')}</h1>
<p>${t(lang, 'correctionsIntro')}</p>
${items.length === 0 ? html`<p class="empty">${t(lang, 'correctionsNone')}</p>` : html`<div class="corrections">${items.map(({ entry, article }) => html`<article class="correction correction-${entry.kind}">
<h2><a href="${nodeUrl(ctx, article)}#correction-${entry.id}">${entry.title}</a></h2>
<p class="date">${t(lang, entry.kind)} – ${timeTag(ctx, entry.publishedAt, formatDateLine(entry.publishedAt, lang, timeZone, ctx.edition.digits))}</p>
<div class="body">${entry.bodyHtml}</div>
<p class="correction-article">${t(lang, 'correctionsOn', { title: article.title })}</p>
</article>`)}</div>`}
<p class="feed-link"><a href="${feed}" type="application/rss+xml">${t(lang, 'correctionsFeed')}</a></p>
${backToTop(ctx)}`;
}
