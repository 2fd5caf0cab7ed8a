import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { EditionRegistry } from '../../services/editions.ts';
import { hashOf } from './output-dir.ts';
import { rewritePage } from './rewrite-page.ts';
import { SEARCH_SCRIPT_FILE } from './search-script.ts';
import { searchDocumentOf, type SearchDocument } from './search-index.ts';
import { fileForUrl } from './url-files.ts';
import { sitemapLocations } from '../sitemap-locations.ts';

/** What every renderer of one export agrees on; plain data, so it crosses to worker threads. */
export interface RenderEnv {
  /** The live site's origin: links to it are same-site. */
  readonly siteOrigin: string;
  /** Absolute links under this URL; relative ones when null. */
  readonly baseUrl: string | null;
  /** The exported editions' codes. */
  readonly codes: readonly string[];
}

/** What one site URL turned out to be. */
export type Rendered =
  /** Not a file of this export, or a redirect off the site. */
  | { readonly kind: 'none' }
  /** A same-site redirect to this path, query and fragment. */
  | { readonly kind: 'redirect'; readonly target: string }
  /** Neither a page nor a redirect on the live site. */
  | { readonly kind: 'missing' }
  /** A file's final bytes and their hash; `links` are the same-site URLs it leads to. */
  | {
    readonly kind: 'file';
    readonly file: string;
    readonly bytes: Uint8Array;
    readonly hash: string;
    /** An HTML page (the report counts them). */
    readonly page: boolean;
    readonly links: readonly string[];
    readonly doc: SearchDocument | null;
  };

/** Renders site URLs into export files, in process or in worker threads. */
export interface Renderer {
  render(url: string): Promise<Rendered>;
  close(): Promise<void>;
}

/** True for a redirect response with somewhere to go. */
export function isRedirect(res: LightMyRequestResponse): boolean {
  return res.statusCode >= 300 && res.statusCode < 400 && typeof res.headers.location === 'string';
}

/**
 * Renders URLs through the app and turns each into what the export writes: pages rewritten
 * for the static host (with their links and search document), other files as served, and
 * sitemaps read for the URLs they list.
 */
export function urlRenderer(app: FastifyInstance, editions: EditionRegistry, env: RenderEnv): (url: string) => Promise<Rendered> {
  const codes = new Set(env.codes);
  // One function for the whole export: rewritePage remembers link targets per `exported`.
  const exported = (pathname: string) => pathname.startsWith('/assets/') || codes.has(editions.forPath(pathname).code);
  const prefixes = editions.all.map((e) => e.pathPrefix);
  return async (url) => {
    const parsed = new URL(url, env.siteOrigin);
    const file = fileForUrl(parsed.pathname, parsed.search);
    if (file === null || !exported(parsed.pathname)) return { kind: 'none' };
    const res = await app.inject({ method: 'GET', url });
    if (isRedirect(res)) {
      const target = new URL(res.headers.location as string, parsed);
      return target.origin === env.siteOrigin ? { kind: 'redirect', target: `${target.pathname}${target.search}${target.hash}` } : { kind: 'none' };
    }
    if (res.statusCode !== 200) return { kind: 'missing' };
    const type = String(res.headers['content-type'] ?? '');
    if (type.startsWith('text/html')) {
      const lang = editions.forPath(parsed.pathname).lang;
      const page = rewritePage(res.body, { url, file, lang, siteOrigin: env.siteOrigin, baseUrl: env.baseUrl, prefixes, exported }, SEARCH_SCRIPT_FILE);
      const bytes = Buffer.from(page.html);
      return { kind: 'file', file, bytes, hash: hashOf(bytes), page: true, links: page.links, doc: searchDocumentOf(file, page.jsonLd) };
    }
    const bytes = res.rawPayload;
    const isSitemap = type.includes('xml') && /<(?:urlset|sitemapindex)\b/.test(res.body.slice(0, 500));
    const links = isSitemap
      ? sitemapLocations(res.body).map((loc) => new URL(loc, env.siteOrigin)).filter((u) => u.origin === env.siteOrigin).map((u) => `${u.pathname}${u.search}`)
      : [];
    return { kind: 'file', file, bytes, hash: hashOf(bytes), page: false, links, doc: null };
  };
}

/** A renderer on the app of this thread. */
export function inProcessRenderer(app: FastifyInstance, editions: EditionRegistry, env: RenderEnv): Renderer {
  return { render: urlRenderer(app, editions, env), close: async () => {} };
}
