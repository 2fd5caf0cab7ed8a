import type { CorrectionEntry, NodeDetail, TermRef } from '../../domain/content.ts';
import { isoDateTime } from '../../text/dates.ts';
import type { SiteContext } from '../site-context.ts';
import { absoluteUrl, homeUrl, termUrl } from '../urls.ts';
import { correctionText } from './revisions-view.ts';
import { creditSources } from '../../text/credit-sources.ts';

/** A schema.org object, as JSON-LD (https://json-ld.org/). */
export type StructuredData = Readonly<Record<string, unknown>>;

/** One step of a breadcrumb trail. */
export interface Crumb {
  readonly name: string;
  readonly url: string;
}

/** The JSON-LD script element lives in html.ts, beside the template that escapes everything else. */
export { jsonLdScript } from './html.ts';

/** A schema.org BreadcrumbList from the home page down to this page. */
export function breadcrumbData(ctx: SiteContext, crumbs: readonly Crumb[]): StructuredData {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(ctx, c.url) })),
  };
}

/** The trail of a page under a section (or none): home, the section's parent, the section, the page. */
export function sectionTrail(ctx: SiteContext, sections: readonly (TermRef | null)[], page: Crumb): Crumb[] {
  const trail: Crumb[] = [{ name: ctx.edition.siteName, url: homeUrl(ctx) }];
  for (const s of sections) if (s) trail.push({ name: s.name, url: termUrl(ctx, s) });
  trail.push(page);
  return trail;
}

/**
 * The organisations a credit line names: "(Reuters, The Levant Ledger)" → Reuters and the paper.
 * The paper itself is always a source of what it publishes, so it is added when not named.
 */
export function creditOrganizations(credit: string | null, siteName: string): string[] {
  return [...new Set([...creditSources(credit), siteName])];
}

/** An absolute URL for a stored image path (photos may already be absolute). */
export function absoluteImage(ctx: SiteContext, src: string): string {
  return /^https?:\/\//i.test(src) ? src : absoluteUrl(ctx, src.startsWith('/') ? src : `/${src}`);
}

/** schema.org CorrectionComment entries (https://schema.org/correction) of an article's corrections and updates. */
function correctionData(ctx: SiteContext, corrections: readonly CorrectionEntry[]): StructuredData {
  if (corrections.length === 0) return {};
  return {
    correction: corrections.map((c) => ({ '@type': 'CorrectionComment', text: correctionText(c), datePublished: isoDateTime(c.publishedAt, ctx.edition.timeZone) })),
  };
}

/**
 * schema.org NewsArticle for an article page (BlogPosting for a blog post), with its corrections.
 * Unsigned agency copy (about one piece in seven) is credited to the paper itself: an empty
 * `author` is an error to Google's rich results, and the paper is who published it.
 */
export function newsArticleData(ctx: SiteContext, node: NodeDetail, selfUrl: string, corrections: readonly CorrectionEntry[] = []): StructuredData {
  const { edition } = ctx;
  const publisher = { '@type': 'Organization', name: edition.siteName, url: absoluteUrl(ctx, homeUrl(ctx)) };
  return {
    '@context': 'https://schema.org',
    '@type': node.kind === 'blog_post' ? 'BlogPosting' : 'NewsArticle',
    headline: node.title,
    url: absoluteUrl(ctx, selfUrl),
    mainEntityOfPage: absoluteUrl(ctx, selfUrl),
    datePublished: isoDateTime(node.publishedAt, edition.timeZone),
    dateModified: isoDateTime(Math.max(node.updatedAt, node.publishedAt), edition.timeZone),
    author: node.authors.length > 0 ? node.authors.map((a) => ({ '@type': 'Person', name: a.name })) : [publisher],
    publisher,
    inLanguage: edition.lang,
    isAccessibleForFree: true,
    ...(node.section ? { articleSection: node.section.name } : {}),
    ...(node.terms.length > 0 ? { keywords: node.terms.map((t) => t.name) } : {}),
    ...(node.teaser ? { description: node.teaser } : {}),
    ...(node.photo?.src ? { image: absoluteImage(ctx, node.photo.src) } : {}),
    sourceOrganization: creditOrganizations(node.credit, edition.siteName).map((name) => ({ '@type': 'Organization', name })),
    ...correctionData(ctx, corrections),
  };
}
