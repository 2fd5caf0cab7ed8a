import { xmlText } from './xml-text.ts';
import { rfc3339 } from './atom-feed.ts';

/** The protocol's cap on URLs per sitemap file (https://www.sitemaps.org/protocol.html#index). */
export const SITEMAP_MAX_URLS = 50_000;

/** A language version of a page: an hreflang code and an absolute URL. */
export interface SitemapAlternate {
  readonly hreflang: string;
  readonly href: string;
}

/** One <url> of a sitemap: an absolute location and, when known, its last change (epoch seconds). */
export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod?: number | null;
  /**
   * Every language version of the page, itself included, as Google's sitemap hreflang asks
   * (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
   */
  readonly alternates?: readonly SitemapAlternate[];
}

/** A news sitemap entry (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export interface NewsUrl {
  readonly loc: string;
  readonly title: string;
  readonly published: number;
  readonly publicationName: string;
  readonly language: string;
}

/** A location as sitemaps require it: URL-escaped, so non-ASCII paths (Arabic slugs) are percent-encoded, then XML-escaped. */
export function sitemapLoc(url: string): string {
  return xmlText(url.replace(/[^\x00-\x7F]+/g, (run) => encodeURIComponent(run)));
}

const lastmod = (s: number | null | undefined) => (s ? `<lastmod>${rfc3339(s)}</lastmod>` : '');

/** A sitemap index naming the paged sitemaps. */
export function sitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const body = sitemaps.map((s) => `<sitemap><loc>${sitemapLoc(s.loc)}</loc>${lastmod(s.lastmod)}</sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

const alternates = (list: readonly SitemapAlternate[] | undefined) => (list ?? [])
  .map((a) => `<xhtml:link rel="alternate" hreflang="${xmlText(a.hreflang)}" href="${sitemapLoc(a.href)}"/>`).join('');

/** A urlset of at most SITEMAP_MAX_URLS locations; the xhtml namespace is declared only when a URL has alternates. */
export function sitemapUrlset(urls: readonly SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new RangeError(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs, not ${urls.length}`);
  const body = urls.map((u) => `<url><loc>${sitemapLoc(u.loc)}</loc>${lastmod(u.lastmod)}${alternates(u.alternates)}</url>`).join('\n');
  const xhtml = urls.some((u) => (u.alternates ?? []).length > 0) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : '';
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${body}\n</urlset>\n`;
}

/** A Google News sitemap. */
export function newsSitemap(urls: readonly NewsUrl[]): string {
  const body = urls.map((u) => [
    `<url><loc>${sitemapLoc(u.loc)}</loc>`,
    `<news:news><news:publication><news:name>${xmlText(u.publicationName)}</news:name><news:language>${xmlText(u.language)}</news:language></news:publication>`,
    `<news:publication_date>${rfc3339(u.published)}</news:publication_date><news:title>${xmlText(u.title)}</news:title></news:news></url>`,
  ].join('')).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}

/** robots.txt pointing crawlers at the sitemap index and away from staff pages. */
export function robotsTxt(sitemapUrl: string, disallow: readonly string[]): string {
  return ['User-agent: *', ...disallow.map((p) => `Disallow: ${p}`), '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
