import type { CorrectionEntry, NodeSummary } from '../../domain/content.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import type { NodePage } from '../../services/reader-service.ts';
import type { RelatedItems } from '../../services/related-service.ts';
import type { NodeLink } from '../../domain/content.ts';
import { formatDateLine, formatPublished } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl, termUrl } from '../urls.ts';
import { commentsView } from './comments-view.ts';
import { articleCorrections } from './revisions-view.ts';
import { html } from './html.ts';
import { ARTICLE_PHOTO_SIZES, pictureElement } from './responsive-image.ts';
import { archiveNotice, backToTop, byline } from './parts.ts';
import { standardTeaser, timeTag } from './teasers.ts';
import type { LanguageVersion } from '../translation-links.ts';
import type { Lang } from '../../domain/errors.ts';

/** The link text that offers a translation, by the translation's language. */
const READ_IN: Readonly<Record<Lang, 'readInEnglish' | 'readInArabic'>> = { en: 'readInEnglish', ar: 'readInArabic' };

/** The demo's drawn photos (web/routes/asset-routes.ts), whose size is fixed. */
const DEMO_PHOTO = /^\/assets\/demo\/photo-\d{1,6}\.svg$/;

function leadPhoto(page: NodePage): SafeHtml {
  const photo = page.node.photo;
  if (!photo) return html``;
  // The library's alt text when there is one, else the caption (imported photos have no alt text).
  const alt = photo.rendition?.alt ?? photo.caption ?? '';
  // The lead photo is above the fold: fetched at once (never lazy), decoded off the main thread.
  // A photo outside the library has no known size: none is declared rather than a wrong one.
  // The demo's drawn photos are all 800×450 (asset-routes.ts), so theirs is known.
  const image = photo.rendition
    ? pictureElement(photo.rendition, { alt, sizes: ARTICLE_PHOTO_SIZES, lazy: false })
    : DEMO_PHOTO.test(photo.src)
      ? html`<img src="${photo.src}" alt="${alt}" width="800" height="450" decoding="async">`
      : html`<img src="${photo.src}" alt="${alt}" decoding="async">`;
  return html`<figure class="lead-photo">
${photo.src ? image : ''}
${photo.caption || photo.credit ? html`<figcaption>${photo.caption ?? ''}${photo.credit ? html` <span class="photo-credit">${photo.credit}</span>` : ''}</figcaption>` : ''}
</figure>`;
}

function correctionsList(ctx: SiteContext, entries: readonly CorrectionEntry[]): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  return html`<div class="corrections">${entries.map((e) => html`<article class="correction correction-${e.kind}">
<h2>${e.title}</h2>
<p class="date">${t(lang, e.kind)} – ${timeTag(ctx, e.publishedAt, formatDateLine(e.publishedAt, lang, timeZone, ctx.edition.digits))}</p>
<div class="body">${e.bodyHtml}</div>
</article>`)}</div>`;
}

function landingList(ctx: SiteContext, items: readonly NodeSummary[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<section class="landing-items" aria-labelledby="landing-items-title">
<h2 id="landing-items-title">${t(ctx.edition.lang, 'landingItems')}</h2>
${items.map((n) => standardTeaser(ctx, n, { showAuthors: true, headingLevel: 3 }))}
</section>`;
}

/**
 * An article page in the original's order: title, notice, photo, By:, Published, body, credit,
 * comments, back to top. Landing, newsletter and Editor's Corner pages share it.
 */
/** What goes under the comments: the form, a "closed" note, or nothing (pages that take no comments). */
export interface ArticleExtras {
  readonly status: 'queued' | 'posted' | null;
  readonly commentForm: SafeHtml | 'closed' | null;
  /** The node whose comments get reply links, or null when replies are not taken. */
  readonly replyTo: number | null;
  /** Related items and section neighbours, for articles. */
  readonly related?: RelatedItems | null;
  /** The article in other editions, with absolute URLs (none when it has no translation). */
  readonly translations?: readonly LanguageVersion[];
  /** On a Memento (an earlier version), the banner that says so; above the article. */
  readonly mementoNotice?: SafeHtml;
  /** The article's corrections and updates, under its body. */
  readonly corrections?: readonly CorrectionEntry[];
  /** The list of its versions, when it changed after publication. */
  readonly versions?: SafeHtml;
}

/** "Read in Arabic" / "اقرأ بالإنكليزية": a link per translation, in the page's language. */
function translationLinks(ctx: SiteContext, translations: readonly LanguageVersion[] | undefined): SafeHtml {
  if (!translations || translations.length === 0) return html``;
  const lang = ctx.edition.lang;
  return html`<nav class="translations" aria-label="${t(lang, 'translations')}"><ul>
${translations.map((v) => html`<li><a href="${v.href}" hreflang="${v.edition.lang}" rel="alternate">${t(lang, READ_IN[v.edition.lang])}</a></li>`)}
</ul></nav>`;
}

/** "Related articles" and "previous / next in this section", after the article's terms. */
function relatedBlock(ctx: SiteContext, page: NodePage, related: RelatedItems | null | undefined): SafeHtml {
  if (!related) return html``;
  const lang = ctx.edition.lang;
  const section = page.node.section;
  const link = (n: NodeLink) => html`<a href="${nodeUrl(ctx, n)}">${n.title}</a>`;
  return html`${related.related.length > 0 ? html`<section class="related" aria-labelledby="related-title">
<h2 id="related-title">${t(lang, 'relatedArticles')}</h2>
<ul>${related.related.map((n) => html`<li>${link(n)}</li>`)}</ul>
</section>` : ''}
${section && (related.previous || related.next) ? html`<nav class="section-neighbours" aria-label="${t(lang, 'sectionNeighbours', { section: section.name })}"><ul>
${related.previous ? html`<li class="previous">${t(lang, 'previousInSection')} <a href="${nodeUrl(ctx, related.previous)}" rel="prev">${related.previous.title}</a></li>` : ''}
${related.next ? html`<li class="next">${t(lang, 'nextInSection')} <a href="${nodeUrl(ctx, related.next)}" rel="next">${related.next.title}</a></li>` : ''}
</ul></nav>` : ''}`;
}

export function articleView(ctx: SiteContext, page: NodePage, selfUrl: string, extras: ArticleExtras): SafeHtml {
  const { node } = page;
  const { lang, timeZone } = ctx.edition;
  return html`${extras.status ? html`<p class="messages" role="status">${t(lang, extras.status === 'queued' ? 'commentQueued' : 'commentPosted')}</p>` : ''}
${extras.mementoNotice ?? ''}
<article class="node node-${node.kind}">
<h1 class="page-title">${node.title}</h1>
${archiveNotice(ctx.edition)}
${translationLinks(ctx, extras.translations)}
${leadPhoto(page)}
${byline(ctx, node.authors)}
${node.showDate && node.kind !== 'landing' ? html`<p class="published">${timeTag(ctx, node.publishedAt, formatPublished(node.publishedAt, lang, timeZone, ctx.edition.digits))}</p>` : ''}
<div class="body">${node.bodyHtml}</div>
${node.credit ? html`<p class="credit">${node.credit}</p>` : ''}
${articleCorrections(ctx, extras.corrections ?? [])}
${node.section || node.terms.length > 0 ? html`<ul class="terms">
${node.section ? html`<li class="section"><a href="${termUrl(ctx, node.section)}">${node.section.name}</a></li>` : ''}
${node.terms.map((term) => html`<li><a href="${termUrl(ctx, term)}" rel="tag">${term.name}</a></li>`)}
</ul>` : ''}
</article>
${extras.versions ?? ''}
${relatedBlock(ctx, page, extras.related)}
${node.kind === 'corrections' ? correctionsList(ctx, page.corrections) : ''}
${landingList(ctx, page.landingItems)}
${commentsView(ctx, page.comments, selfUrl, extras.replyTo)}
${extras.commentForm === 'closed' ? html`<p class="comments-closed">${t(lang, 'commentsClosed')}</p>` : extras.commentForm ?? ''}
${backToTop(ctx)}`;
}
