import type { SafeHtml } from '../../domain/safe-html.ts';
import type { SiteContext } from '../site-context.ts';
import { assetPath } from '../asset-catalogue.ts';
import { absoluteUrl } from '../urls.ts';
import { html } from './html.ts';
import { absoluteImage, jsonLdScript, type StructuredData } from './structured-data.ts';

/** What a page tells crawlers and link previews beyond its title and canonical link. */
export interface PageMetadata {
  /** OpenGraph type: 'article' for a node page, 'website' for everything else. */
  readonly type?: 'article' | 'website';
  /** A photo path or URL for og:image and the large Twitter card (used only when it is a raster image). */
  readonly image?: string | null;
  /** What the photo shows (its caption), for og:image:alt and twitter:image:alt. */
  readonly imageAlt?: string | null;
  /** JSON-LD objects (NewsArticle, BreadcrumbList …), each in its own data block. */
  readonly structuredData?: readonly StructuredData[];
  /** True on the editions' home pages: they are translations of each other (hreflang). */
  readonly alternateEditions?: boolean;
  /** A translated page's language versions, itself included (absolute URLs), for hreflang links. */
  readonly languageVersions?: readonly { readonly lang: string; readonly href: string }[];
}

/**
 * Link previews (Facebook, LinkedIn, WhatsApp, X) do not show SVG: og:image must be a raster
 * image, so an SVG photo (the demo's drawn ones) gives way to the paper's share image.
 */
const RASTER_IMAGE = /\.(?:png|jpe?g|gif|webp|avif)(?:[?#]|$)/i;
/** The share image's size (raster-icons.ts shareImagePng), declared so previews need not fetch it first. */
const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** OpenGraph locales: the Arabic edition is a Beirut paper, so Lebanese Arabic. */
const OG_LOCALES: Readonly<Record<string, string>> = { en: 'en_US', ar: 'ar_LB' };

/** The OpenGraph, Twitter card, hreflang and JSON-LD tags of a page's <head>. */
export function metadataTags(ctx: SiteContext, page: { title: string; canonical: string | null; description?: string; meta?: PageMetadata }): SafeHtml {
  const { edition } = ctx;
  const meta = page.meta ?? {};
  const image = meta.image && RASTER_IMAGE.test(meta.image) ? absoluteImage(ctx, meta.image) : null;
  const imageAlt = image && meta.imageAlt ? meta.imageAlt : edition.siteName;
  const locale = OG_LOCALES[edition.lang] ?? edition.lang;
  const others = ctx.editions.filter((e) => e.code !== edition.code);
  // x-default: the edition served at the root, where a reader without a language preference lands.
  const fallback = ctx.editions.find((e) => e.pathPrefix === '') ?? ctx.editions[0];
  return html`<meta property="og:title" content="${page.title}">
<meta property="og:type" content="${meta.type ?? 'website'}">
${page.canonical ? html`<meta property="og:url" content="${absoluteUrl(ctx, page.canonical)}">` : ''}
<meta property="og:site_name" content="${edition.siteName}">
<meta property="og:locale" content="${locale}">
${others.map((e) => html`<meta property="og:locale:alternate" content="${OG_LOCALES[e.lang] ?? e.lang}">`)}
${page.description ? html`<meta property="og:description" content="${page.description}">` : ''}
${image ? html`<meta property="og:image" content="${image}">` : html`<meta property="og:image" content="${absoluteUrl(ctx, assetPath('share.png'))}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${SHARE_IMAGE.width}">
<meta property="og:image:height" content="${SHARE_IMAGE.height}">`}
<meta property="og:image:alt" content="${imageAlt}">
<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${page.title}">
${page.description ? html`<meta name="twitter:description" content="${page.description}">` : ''}
${meta.image ? html`<meta name="twitter:image" content="${image ?? absoluteUrl(ctx, assetPath('share.png'))}">
<meta name="twitter:image:alt" content="${imageAlt}">` : ''}
${meta.alternateEditions ? html`${ctx.editions.map((e) => html`<link rel="alternate" hreflang="${e.lang}" href="${ctx.baseUrl}${e.pathPrefix}/">`)}
${fallback ? html`<link rel="alternate" hreflang="x-default" href="${ctx.baseUrl}${fallback.pathPrefix}/">` : ''}` : ''}
${(meta.languageVersions ?? []).map((v) => html`<link rel="alternate" hreflang="${v.lang}" href="${v.href}">`)}
${(meta.structuredData ?? []).map(jsonLdScript)}`;
}
