import type { AuthorRef, Blog, NodeSummary, TermRef } from '../domain/content.ts';
import type { SiteContext } from './site-context.ts';

// The one place that builds Folio's paths (STYLE.md: web/urls.ts). Paths keep the original
// site's patterns exactly, since every legacy link must keep working.

/** The edition's home page. */
export function homeUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/`;
}

/** A path inside the edition, from a stored path without leading slash. */
export function editionPath(ctx: SiteContext, path: string): string {
  return `${ctx.prefix}/${path}`;
}

/** A node's canonical URL: its alias, or /node/<nid> when it has none. */
export function nodeUrl(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>): string {
  return node.path === null ? `${ctx.prefix}/node/${node.nid}` : `${ctx.prefix}/${node.path}`;
}

/** A term's listing: its alias (`/tags/…`, `/section/…`) or `/taxonomy/term/<tid>`. */
export function termUrl(ctx: SiteContext, term: Pick<TermRef, 'tid' | 'path'>): string {
  return term.path === null ? `${ctx.prefix}/taxonomy/term/${term.tid}` : `${ctx.prefix}/${term.path}`;
}

/** An author's listing. */
export function authorUrl(ctx: SiteContext, author: Pick<AuthorRef, 'slug'>): string {
  return `${ctx.prefix}/author/${author.slug}`;
}

/** One blog's listing (the alias of /blog/<uid>). */
export function blogUrl(ctx: SiteContext, blog: Pick<Blog, 'slug'>): string {
  return `${ctx.prefix}/blogs/${blog.slug}`;
}

/** All blog posts. */
export function blogIndexUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/blog`;
}

/** The front listing of promoted items. */
export function frontListingUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/node`;
}

/**
 * The feed of a listing. Drupal 7 served the front feed at /rss.xml and term feeds at
 * /taxonomy/term/<tid>/feed; the other listings get `<listing>/feed`.
 */
export function feedUrl(ctx: SiteContext, listingUrl: string, term?: Pick<TermRef, 'tid'>): string {
  if (term) return `${ctx.prefix}/taxonomy/term/${term.tid}/feed`;
  if (listingUrl === homeUrl(ctx) || listingUrl === frontListingUrl(ctx)) return `${ctx.prefix}/rss.xml`;
  return `${listingUrl.replace(/\/$/, '')}/feed`;
}

/** Drupal's zero-based pager: page 0 has no parameter. */
export function pageUrl(url: string, page: number): string {
  return page === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}page=${page}`;
}

/** The absolute form of a path on this host, for canonical links. */
export function absoluteUrl(ctx: SiteContext, url: string): string {
  return `${ctx.baseUrl}${url}`;
}

/** A stylesheet or other asset, shared by every edition. */
export function assetUrl(name: string): string {
  return `/assets/${name}`;
}
