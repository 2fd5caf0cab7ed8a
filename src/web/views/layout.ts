import type { TermRef } from '../../domain/content.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { stripBidiControls } from '../../text/bidi-controls.ts';
import { directionOf } from '../../text/direction.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { assetPath } from '../asset-catalogue.ts';
import { absoluteUrl, archiveUrl, blogIndexUrl, correctionsUrl, homeUrl, loginUrl, manifestUrl, termUrl } from '../urls.ts';
import { html } from './html.ts';
import { metadataTags, type PageMetadata } from './page-metadata.ts';
import { searchForm } from './search-view.ts';

/** What every page hands to the layout. */
export interface PageFrame {
  readonly title: string;
  /** Path of this page, for the canonical link; null for error pages. */
  readonly canonical: string | null;
  readonly sections: readonly TermRef[];
  readonly body: SafeHtml;
  readonly description?: string;
  readonly feed?: string;
  /** OpenGraph, Twitter card, hreflang and JSON-LD details beyond title and description. */
  readonly meta?: PageMetadata;
}

/** The page around every view: head, header with navigation, main, footer. */
export function layout(ctx: SiteContext, frame: PageFrame): SafeHtml {
  const { edition } = ctx;
  const lang = edition.lang;
  const other = ctx.editions.find((e) => e.code !== edition.code);
  const topSections = frame.sections.filter((s) => s.parentTid === null);
  // A title holds no bidi embedding, override or isolate: browsers show it outside the page,
  // where a control left open would reorder the site name after it (issue 10).
  const pageTitle = stripBidiControls(frame.title);
  const title = pageTitle === edition.siteName ? edition.siteName : `${pageTitle} | ${edition.siteName}`;
  return html`<!DOCTYPE html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${frame.description ? html`<meta name="description" content="${frame.description}">` : ''}
<link rel="stylesheet" href="${assetPath('folio.css')}">
<link rel="icon" href="${assetPath('icon.svg')}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${assetPath('icon-180.png')}">
<link rel="manifest" href="${manifestUrl(ctx)}">
<meta name="theme-color" content="#8a1c1c">
${frame.canonical ? html`<link rel="canonical" href="${absoluteUrl(ctx, frame.canonical)}">` : ''}
${frame.feed ? html`<link rel="alternate" type="application/rss+xml" title="${title}" href="${absoluteUrl(ctx, frame.feed)}">` : ''}
${metadataTags(ctx, { title: pageTitle, canonical: frame.canonical, ...(frame.description ? { description: frame.description } : {}), ...(frame.meta ? { meta: frame.meta } : {}) })}
</head>
<body>
<a class="skip-link" href="#main">${t(lang, 'skipToContent')}</a>
<header class="site-header" id="top">
<div class="masthead">
<p class="site-name"><a href="${homeUrl(ctx)}" rel="home">${edition.siteName}</a></p>
${other ? html`<p class="edition-switch"><a href="${other.pathPrefix}/" lang="${other.lang}" hreflang="${other.lang}" title="${t(lang, 'otherEditionLabel')}">${t(lang, 'otherEdition')}</a></p>` : ''}
</div>
<nav class="main-nav" aria-label="${t(lang, 'mainNav')}">
<ul>
<li><a href="${homeUrl(ctx)}">${t(lang, 'home')}</a></li>
${topSections.map((s) => html`<li><a href="${termUrl(ctx, s)}">${s.name}</a></li>`)}
<li><a href="${blogIndexUrl(ctx)}">${t(lang, 'blogs')}</a></li>
</ul>
</nav>
${searchForm(ctx, '', 'site-search-q')}
</header>
<main id="main">
${frame.body}
</main>
<footer class="site-footer">
<p>© ${edition.siteName}. ${t(lang, 'footer')} <a href="${archiveUrl(ctx)}">${t(lang, 'archive')}</a> <a href="${correctionsUrl(ctx)}">${t(lang, 'correctionsTitle')}</a> <a href="${loginUrl(ctx)}" rel="nofollow">${t(lang, 'signIn')}</a></p>
</footer>
</body>
</html>
`;
}
