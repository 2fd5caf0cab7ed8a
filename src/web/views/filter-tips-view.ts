import type { SafeHtml } from '../../domain/safe-html.ts';
import { SITE_ALLOWED_HTML, tipString, type HtmlLongTip, type LongTip, type TextWithLink } from '../../filter/index.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';
import { archiveNotice, backToTop } from './parts.ts';

function withLink(text: TextWithLink): SafeHtml {
  return html`${text.before}<a href="${text.href}">${text.linkText}</a>${text.after}`;
}

/**
 * "Allowed HTML tags: <a> <em> …": in a right-to-left page the run of tags is isolated left to
 * right, or the bidi algorithm turns "<a>" into "a>" at its edge. The text itself is unchanged.
 */
function allowedTags(ctx: SiteContext, text: string): SafeHtml {
  const at = text.lastIndexOf(SITE_ALLOWED_HTML);
  if (ctx.edition.lang !== 'ar' || at < 0) return html`${text}`;
  return html`${text.slice(0, at)}<bdi dir="ltr">${SITE_ALLOWED_HTML}</bdi>${text.slice(at + SITE_ALLOWED_HTML.length)}`;
}

/** A table that scrolls sideways on its own on a phone, rather than squeezing code into slivers. */
function scrolling(id: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}">${table}</div>`;
}

function headerRow(cells: readonly [string, string, string]): SafeHtml {
  return html`<thead><tr>${cells.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>`;
}

/**
 * Drupal's HTML tips (docs/comment-format.md §6.2): the allowed tags, the intro, the tag table (the example markup
 * escaped in "You Type", rendered in "You Get"), the "No help provided" rows, then the
 * character-entity table. Markup examples read left to right on the Arabic page too.
 */
function htmlTip(ctx: SiteContext, tip: HtmlLongTip): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<li id="${tip.id}">
<p>${allowedTags(ctx, tip.allowedTags)}</p>
<p>${tip.intro}</p>
<p>${withLink(tip.specifications)}</p>
${scrolling('tips-tags-caption', html`<table class="tips-table tips-tags">
<caption id="tips-tags-caption">${t(lang, 'tipsTagCaption')}</caption>
${headerRow(tip.tagHeader)}
<tbody>
${tip.tagRows.map((row) => row.kind === 'noHelp'
    ? html`<tr><td class="description" colspan="3">${row.text}</td></tr>`
    : html`<tr><th scope="row" class="description">${row.description}</th><td class="type"><code dir="ltr">${row.youType}</code></td><td class="get">${row.youGet}</td></tr>`)}
</tbody>
</table>`)}
<p>${tip.unusualCharacters}</p>
<p>${withLink(tip.entitiesIntro)}</p>
${scrolling('tips-entities-caption', html`<table class="tips-table tips-entities">
<caption id="tips-entities-caption">${t(lang, 'tipsEntityCaption')}</caption>
${headerRow(tip.entityHeader)}
<tbody>
${tip.entityRows.map((row) => html`<tr><th scope="row" class="description">${row.description}</th><td class="type"><code dir="ltr">${row.youType}</code></td><td class="get">${row.youGet}</td></tr>`)}
</tbody>
</table>`)}
</li>`;
}

/** The long tips page, /filter/tips: "Compose tips" and one `ul.tips` for the one format readers use. */
export function filterTipsView(ctx: SiteContext, tips: readonly LongTip[]): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="filter-tips-page">
<h1 class="page-title">${tipString('composeTips', lang)}</h1>
${archiveNotice(ctx.edition)}
<ul class="tips">
${tips.map((tip) => tip.filter === 'filter_html'
    ? htmlTip(ctx, tip)
    : html`<li id="${tip.id}">${tip.paragraphs.length === 1 ? tip.paragraphs[0] : tip.paragraphs.map((p) => html`<p>${p}</p>`)}</li>`)}
</ul>
${backToTop(ctx)}
</div>`;
}
