import type { SafeHtml } from '../../domain/safe-html.ts';
import type { SearchOutcome } from '../../services/search-service.ts';
import { formatDateLine } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import { formatCount, inDigits } from '../../text/numerals.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl, searchUrl } from '../urls.ts';
import { html } from './html.ts';
import { archiveNotice, byline, pager } from './parts.ts';
import { timeTag } from './teasers.ts';

/**
 * The search form, pre-filled; `id` keeps the header's and the page's fields apart, and the
 * page's form is named differently so the two search landmarks can be told apart.
 */
export function searchForm(ctx: SiteContext, query: string, id: string, extra?: SafeHtml): SafeHtml {
  const lang = ctx.edition.lang;
  const name = id === 'site-search-q' ? t(lang, 'search') : t(lang, 'searchLabel');
  return html`<form class="search-form" role="search" aria-label="${name}" action="${searchUrl(ctx)}" method="get">
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

const FACET_KINDS = [['section', 'facetSection'], ['year', 'facetYear'], ['author', 'facetAuthor'], ['tag', 'facetTag'], ['source', 'facetSource']] as const;

/** The facet lists: each value a link that narrows the search (no JavaScript needed), active ones removable. */
function facetsView(ctx: SiteContext, outcome: Extract<SearchOutcome, { kind: 'results' }>, base: string, params: URLSearchParams): SafeHtml {
  const lang = ctx.edition.lang;
  const link = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    change(next);
    return `${base}?${next.toString()}`;
  };
  const groups = FACET_KINDS.map(([kind, label]) => {
    const active = params.get(kind);
    const values = outcome.facets[kind];
    if (active === null && values.length === 0) return html``;
    const activeLabel = values.find((v) => v.key === active)?.label ?? active ?? '';
    return html`<section class="facet" aria-labelledby="facet-${kind}">
<h3 id="facet-${kind}">${t(lang, label)}</h3>
${active !== null ? html`<p class="facet-active"><a href="${link((p) => p.delete(kind))}">${t(lang, 'facetRemove', { label: activeLabel })}</a></p>` : html`<ul>${values.map((v) => html`<li><a href="${link((p) => p.set(kind, v.key))}">${v.label}</a> <span class="count">(${formatCount(v.count, lang, ctx.edition.digits)})</span></li>`)}</ul>`}
</section>`;
  });
  return html`<aside class="search-facets" aria-labelledby="facets-title">
<h2 id="facets-title">${t(lang, 'facetsTitle')}</h2>
${groups}
${outcome.totalCapped || outcome.facets.counted < outcome.total ? html`<p class="facets-note">${t(lang, 'facetsCounted', { count: formatCount(outcome.facets.counted, lang, ctx.edition.digits) })}</p>` : ''}
</aside>`;
}

/** The search page: the form, then results with highlighted passages, or a clear explanation. */
export function searchView(ctx: SiteContext, outcome: SearchOutcome, base: string, params: URLSearchParams): SafeHtml {
  const selfUrl = `${base}?${params.toString()}`;
  const lang = ctx.edition.lang;
  const query = outcome.kind === 'empty' ? '' : outcome.query;
  const sort = outcome.kind === 'results' ? outcome.sort : 'relevance';
  let body: SafeHtml;
  if (outcome.kind === 'empty') {
    body = html`<p class="search-help">${t(lang, 'searchEmpty')}</p>`;
  } else if (outcome.kind === 'invalid') {
    body = html`<div class="messages error" role="alert"><p><strong>${t(lang, 'searchInvalid')}:</strong> <q>${outcome.query}</q></p><p>${inDigits(outcome.error.message[lang], ctx.edition.digits)}</p></div>
<p class="search-help">${t(lang, 'searchEmpty')}</p>`;
  } else if (outcome.total === 0) {
    body = html`<p class="search-summary" role="status">${t(lang, 'searchNone', { description: outcome.description })}</p>
<p class="search-help">${t(lang, 'searchSuggestions')}</p>
${Object.keys(outcome.filters).length > 0 ? facetsView(ctx, outcome, base, params) : ''}`;
  } else {
    const count = formatCount(outcome.total, lang, ctx.edition.digits);
    const summary = outcome.totalCapped ? t(lang, 'searchMoreResults', { count, description: outcome.description })
      : outcome.total === 1 ? t(lang, 'searchOneResult', { description: outcome.description })
        : t(lang, 'searchResults', { count, description: outcome.description });
    body = html`<p class="search-summary" role="status">${summary}</p>
<ol class="search-results" start="${outcome.page * outcome.pageSize + 1}">
${outcome.hits.map((hit) => html`<li class="search-result">
<h2 class="teaser-title"><a href="${nodeUrl(ctx, hit.node)}">${hit.node.title}</a></h2>
${byline(ctx, hit.node.authors)}
<p class="snippet">${hit.snippet.map((p) => (p.match ? html`<mark>${p.text}</mark>` : html`${p.text}`))}</p>
${hit.node.showDate ? html`<p class="date">${timeTag(ctx, hit.node.publishedAt, formatDateLine(hit.node.publishedAt, lang, ctx.edition.timeZone, ctx.edition.digits))}</p>` : ''}
</li>`)}
</ol>
${pager(ctx, selfUrl, { page: outcome.page, pageSize: outcome.pageSize, total: outcome.total })}
${facetsView(ctx, outcome, base, params)}`;
  }
  return html`<div class="search-page">
<h1 class="page-title">${t(lang, 'searchTitle')}</h1>
${archiveNotice(ctx.edition)}
${searchForm(ctx, query, 'search-page-q', html`${sortChoice(ctx, sort)}${outcome.kind === 'results' ? Object.entries(outcome.filters).map(([k, v]) => html`<input type="hidden" name="${k}" value="${String(v)}">`) : ''}`)}
${body}
</div>`;
}
