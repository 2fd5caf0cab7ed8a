import type { SafeHtml } from '../../domain/safe-html.ts';
import type { ListingPage } from '../../services/reader-service.ts';
import { t } from '../../text/messages.ts';
import { formatCount } from '../../text/numerals.ts';
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

/** The meta description of a listing page: what it lists, from which paper, and past the first page, which page. */
export function listingDescription(ctx: SiteContext, listing: ListingPage): string {
  const { lang, siteName } = ctx.edition;
  const subject = listingTitle(ctx, listing) ?? siteName;
  const what = t(lang, listing.subject.type === 'author' ? 'authorListingDescription' : 'listingDescription', { subject, site: siteName });
  const page = listing.page.page;
  return page === 0 ? what : `${what} ${t(lang, 'listingPageDescription', { page: formatCount(page + 1, lang, ctx.edition.digits) })}`;
}

/** The meta description of an edition's home page: the paper's name and tagline. */
export function homeDescription(ctx: SiteContext): string {
  return `${ctx.edition.siteName} — ${ctx.edition.tagline}`;
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
