import type { SafeHtml } from '../../domain/safe-html.ts';
import type { ListingPage } from '../../services/reader-service.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { termUrl } from '../urls.ts';
import { html } from './html.ts';
import { archiveNotice, backToTop, pager, syndicate } from './parts.ts';
import { blogTeaser, fullTeaser, standardTeaser } from './teasers.ts';

/** The heading a listing shows for its subject (null: the listing has no title, as /node). */
export function listingTitle(ctx: SiteContext, listing: ListingPage): string | null {
  const s = listing.subject;
  switch (s.type) {
    case 'term': return s.term.name;
    case 'author': return s.author.name;
    case 'blog': return s.blog.title;
    case 'all-blogs': return t(ctx.edition.lang, 'allBlogPosts');
    case 'front': return null;
  }
}

/** Every listing: optional heading, notice, ten items, pager, back to top, feed link. */
export function listingView(ctx: SiteContext, listing: ListingPage, urls: { self: string; feed: string }): SafeHtml {
  const title = listingTitle(ctx, listing);
  const s = listing.subject;
  const items = listing.page.items.map((node) => {
    if (s.type === 'blog' || s.type === 'all-blogs') return blogTeaser(ctx, node);
    if (s.type === 'front') return fullTeaser(ctx, node);
    return standardTeaser(ctx, node, { showAuthors: s.type !== 'author' });
  });
  return html`<div class="listing listing-${s.type}">
${title === null ? '' : html`<h1 class="page-title">${title}</h1>`}
${s.type === 'term' && s.parent ? html`<p class="breadcrumb"><a href="${termUrl(ctx, s.parent)}">${s.parent.name}</a></p>` : ''}
${archiveNotice(ctx.edition)}
${title === null ? html`<h1 class="visually-hidden">${ctx.edition.siteName}</h1>` : ''}
${items}
${pager(ctx, urls.self, listing.page)}
${backToTop(ctx)}
${syndicate(ctx, urls.feed)}
</div>`;
}
