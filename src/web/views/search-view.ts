import type { SafeHtml } from '../../domain/safe-html.ts';
import type { SearchOutcome } from '../../services/search-service.ts';
import { formatDateLine } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import { formatCount } from '../../text/numerals.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl } from '../urls.ts';
import { html } from './html.ts';
import { archiveNotice, byline, pager } from './parts.ts';
import { timeTag } from './teasers.ts';

/** The search form, pre-filled; `id` keeps the header's and the page's fields apart. */
export function searchForm(ctx: SiteContext, query: string, id: string, extra?: SafeHtml): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<form class="search-form" role="search" action="${ctx.prefix}/search" method="get">
<label for="${id}">${t(lang, 'searchLabel')}</label>
<input type="search" id="${id}" name="q" value="${query}" maxlength="500">
${extra ?? ''}
<button type="submit">${t(lang, 'searchButton')}</button>
</form>`;
}

function sortChoice(ctx: SiteContext, sort: 'relevance' | 'newest'): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<label for="search-sort">${t(lang, 'searchSortLabel')}</label>
<select id="search-sort" name="sort">
<option value="relevance"${sort === 'relevance' ? html` selected` : ''}>${t(lang, 'searchSortRelevance')}</option>
<option value="newest"${sort === 'newest' ? html` selected` : ''}>${t(lang, 'searchSortNewest')}</option>
</select>`;
}

/** The search page: the form, then results with highlighted passages, or a clear explanation. */
export function searchView(ctx: SiteContext, outcome: SearchOutcome, selfUrl: string): SafeHtml {
  const lang = ctx.edition.lang;
  const query = outcome.kind === 'empty' ? '' : outcome.query;
  const sort = outcome.kind === 'results' ? outcome.sort : 'relevance';
  let body: SafeHtml;
  if (outcome.kind === 'empty') {
    body = html`<p class="search-help">${t(lang, 'searchEmpty')}</p>`;
  } else if (outcome.kind === 'invalid') {
    body = html`<div class="messages error" role="alert"><p><strong>${t(lang, 'searchInvalid')}:</strong> <q>${outcome.query}</q></p><p>${outcome.error.message[lang]}</p></div>
<p class="search-help">${t(lang, 'searchEmpty')}</p>`;
  } else if (outcome.total === 0) {
    body = html`<p class="search-summary" role="status">${t(lang, 'searchNone', { description: outcome.description })}</p>
<p class="search-help">${t(lang, 'searchSuggestions')}</p>`;
  } else {
    const summary = outcome.total === 1 ? t(lang, 'searchOneResult', { description: outcome.description })
      : t(lang, 'searchResults', { count: formatCount(outcome.total, lang), description: outcome.description });
    body = html`<p class="search-summary" role="status">${summary}</p>
<ol class="search-results" start="${outcome.page * outcome.pageSize + 1}">
${outcome.hits.map((hit) => html`<li class="search-result">
<h2 class="teaser-title"><a href="${nodeUrl(ctx, hit.node)}">${hit.node.title}</a></h2>
${byline(ctx, hit.node.authors)}
<p class="snippet">${hit.snippet.map((p) => (p.match ? html`<mark>${p.text}</mark>` : html`${p.text}`))}</p>
${hit.node.showDate ? html`<p class="date">${timeTag(ctx, hit.node.publishedAt, formatDateLine(hit.node.publishedAt, lang, ctx.edition.timeZone))}</p>` : ''}
</li>`)}
</ol>
${pager(ctx, selfUrl, { page: outcome.page, pageSize: outcome.pageSize, total: outcome.total })}`;
  }
  return html`<div class="search-page">
<h1 class="page-title">${t(lang, 'searchTitle')}</h1>
${archiveNotice(ctx.edition)}
${searchForm(ctx, query, 'search-page-q', sortChoice(ctx, sort))}
${body}
</div>`;
}
