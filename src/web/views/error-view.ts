import type { SafeHtml } from '../../domain/safe-html.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { homeUrl } from '../urls.ts';
import { html } from './html.ts';
import { archiveNotice } from './parts.ts';
import { searchForm } from './search-view.ts';

/** A localised error page: the title, what happened, and a way on. */
export function errorView(ctx: SiteContext, title: string, message: string, status: number, searchFor = ''): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="error-page">
<h1 class="page-title">${title}</h1>
${archiveNotice(ctx.edition)}
<p class="error-message">${message}</p>
${status === 404 ? html`<p>${t(lang, 'notFoundHint')}</p>
${searchForm(ctx, searchFor, 'not-found-q')}` : ''}
<p><a href="${homeUrl(ctx)}">${t(lang, 'errorBack')}</a></p>
</div>`;
}
