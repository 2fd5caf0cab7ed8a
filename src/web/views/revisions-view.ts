import type { CorrectionEntry, NodeSummary } from '../../domain/content.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import type { Memento } from '../../services/memento-service.ts';
import { decodeEntities } from '../../filter/decode-entities.ts';
import { formatCommentDate, formatDateLine } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { mementoUrl, nodeUrl } from '../urls.ts';
import { html } from './html.ts';
import { timeTag } from './teasers.ts';

/** The banner of a Memento page: which version this is, and the way to the current one. */
export function mementoNotice(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>, memento: Memento): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  const date = formatCommentDate(memento.datetime, lang, timeZone, ctx.edition.digits);
  return html`<div class="memento-notice" role="note"><p>${t(lang, 'earlierVersion', { date })} <a href="${nodeUrl(ctx, node)}">${t(lang, 'seeCurrentVersion')}</a></p></div>`;
}

/**
 * "This article was changed after publication", with every version (the newest is the article
 * itself); nothing for an article that never changed.
 */
export function versionsList(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>, mementos: readonly Pick<Memento, 'datetime'>[], showing?: Pick<Memento, 'datetime'>): SafeHtml {
  if (mementos.length < 2) return html``;
  const { lang, timeZone } = ctx.edition;
  const last = mementos.length - 1;
  return html`<section class="article-versions" aria-labelledby="article-versions-title">
<h2 id="article-versions-title">${t(lang, 'articleVersions')}</h2>
<p>${t(lang, 'changedAfterPublication')}</p>
<ol>${mementos.map((m, i) => {
    const date = formatCommentDate(m.datetime, lang, timeZone, ctx.edition.digits);
    const label = i === last ? t(lang, 'versionCurrent', { date }) : t(lang, 'versionOf', { date });
    const href = i === last ? nodeUrl(ctx, node) : mementoUrl(ctx, node, m.datetime);
    return html`<li>${m.datetime === showing?.datetime ? html`<span aria-current="page">${label}</span>` : html`<a href="${href}">${label}</a>`}</li>`;
  })}</ol>
</section>`;
}

/** An article's corrections and updates with their dates, under its body as newspapers print them. */
export function articleCorrections(ctx: SiteContext, corrections: readonly CorrectionEntry[]): SafeHtml {
  if (corrections.length === 0) return html``;
  const { lang, timeZone } = ctx.edition;
  return html`<section class="article-corrections" aria-label="${t(lang, 'correctionsTitle')}">
${corrections.map((c) => html`<div class="correction-note correction-${c.kind}" id="correction-${c.id}">
<p><strong>${t(lang, c.kind)}</strong> – ${timeTag(ctx, c.publishedAt, formatDateLine(c.publishedAt, lang, timeZone, ctx.edition.digits))}</p>
${c.bodyHtml}
</div>`)}
</section>`;
}

/** A correction's text without markup, for JSON-LD and feeds. */
export function correctionText(c: Pick<CorrectionEntry, 'bodyHtml'>): string {
  return decodeEntities(c.bodyHtml.html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** "Correction (Friday, November 21, 2014): …", as a feed item carries it. */
export function correctionLine(ctx: SiteContext, c: CorrectionEntry): string {
  const { lang, timeZone } = ctx.edition;
  return `${t(lang, c.kind)} (${formatDateLine(c.publishedAt, lang, timeZone, ctx.edition.digits)}): ${correctionText(c)}`;
}
