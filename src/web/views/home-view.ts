import type { SafeHtml } from '../../domain/safe-html.ts';
import type { HomePage } from '../../services/reader-service.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { blogIndexUrl, nodeUrl, termUrl } from '../urls.ts';
import { html } from './html.ts';
import { archiveNotice, backToTop, syndicate } from './parts.ts';
import { compactItem, fullTeaser, standardTeaser } from './teasers.ts';

/**
 * The home page: tagline, then Politics, Culture & Society, Economy, the special-coverage
 * block, Bloggers & Contributors and In Focus, in the original's order. (Its last block, an
 * external Twitter feed, is left out on purpose.)
 */
export function homeView(ctx: SiteContext, home: HomePage, feed: string): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="home">
<h1 class="visually-hidden">${ctx.edition.siteName}</h1>
<p class="tagline">${ctx.edition.tagline}</p>
${archiveNotice(ctx.edition)}
${home.lead ? html`<section class="block block-lead" aria-labelledby="block-lead">
<h2 id="block-lead" class="visually-hidden">${t(lang, 'leadStory')}</h2>
${fullTeaser(ctx, home.lead, 3)}
</section>` : ''}
<div class="home-blocks">
${home.sections.map(({ term, items }) => html`<section class="block block-section" aria-labelledby="block-${term.tid}">
<h2 id="block-${term.tid}"><a href="${termUrl(ctx, term)}">${term.name}</a></h2>
${items.map((n) => standardTeaser(ctx, n, { showAuthors: true, headingLevel: 3 }))}
</section>`)}
${home.special ? html`<section class="block block-special" aria-labelledby="block-special">
<h2 id="block-special">${t(lang, 'specialCoverage')}: <a href="${nodeUrl(ctx, home.special.landing)}">${home.special.landing.title}</a></h2>
<ul>${home.special.items.map((n) => compactItem(ctx, n))}</ul>
</section>` : ''}
${home.blogPosts.length > 0 ? html`<section class="block block-blogs" aria-labelledby="block-blogs">
<h2 id="block-blogs"><a href="${blogIndexUrl(ctx)}">${t(lang, 'bloggersContributors')}</a></h2>
<ul>${home.blogPosts.map((n) => compactItem(ctx, n))}</ul>
</section>` : ''}
${home.inFocus.length > 0 ? html`<section class="block block-focus" aria-labelledby="block-focus">
<h2 id="block-focus">${t(lang, 'inFocus')}</h2>
${home.inFocus.map((n) => fullTeaser(ctx, n, 3))}
</section>` : ''}
</div>
${backToTop(ctx)}
${syndicate(ctx, feed)}
</div>`;
}
