import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { EditionRegistry } from '../../services/editions.ts';
import { FolderWriter } from './folder-writer.ts';
import { hashOf, type WriteOrder } from './output-dir.ts';
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
  /** The export folder, where renderers write the files they are given leave to (`WriteOrder`). */
  readonly outDir: string;
}

/** What one site URL turned out to be. */
export type Rendered =
  /** Not a file of this export, or a redirect off the site. */
  | { readonly kind: 'none' }
  /** A same-site redirect to this path, query and fragment. */
  | { readonly kind: 'redirect'; readonly target: string }
  /** Neither a page nor a redirect on the live site. */
  | { readonly kind: 'missing' }
  /** A file, its hash and size; `links` are the same-site URLs it leads to. */
  | {
    readonly kind: 'file';
    readonly file: string;
    /** Its bytes, or null when the renderer wrote them itself (it was given a `WriteOrder`). */
    readonly bytes: Uint8Array | null;
    /** Whether the renderer wrote the file; false when the last export's identical bytes were left in place. */
    readonly wrote: boolean;
    readonly hash: string;
    readonly size: number;
    /** An HTML page (the report counts them). */
    readonly page: boolean;
    readonly links: readonly string[];
    readonly doc: SearchDocument | null;
  };

/** Renders site URLs into export files, in process or in worker threads. */
export interface Renderer {
  /** With an order, a file is written by the renderer (unless unchanged) and comes back without its bytes. */
  render(url: string, order: WriteOrder | null): Promise<Rendered>;
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
export function urlRenderer(app: FastifyInstance, editions: EditionRegistry, env: RenderEnv): Renderer['render'] {
  const codes = new Set(env.codes);
  const writer = new FolderWriter(env.outDir);
  // With an order the file is written here, unless the last export left the same bytes.
  const fileOf = (file: string, bytes: Uint8Array, order: WriteOrder | null, found: { page: boolean; links: readonly string[]; doc: SearchDocument | null }): Rendered => {
    const hash = hashOf(bytes);
    const wrote = order !== null && hash !== order.previous;
    if (wrote) writer.write(file, bytes);
    return { kind: 'file', file, bytes: order === null ? bytes : null, wrote, hash, size: bytes.length, ...found };
  };
  // One function for the whole export: rewritePage remembers link targets per `exported`.
  const exported = (pathname: string) => pathname.startsWith('/assets/') || codes.has(editions.forPath(pathname).code);
  const prefixes = editions.all.map((e) => e.pathPrefix);
  return async (url, order) => {
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
      return fileOf(file, Buffer.from(page.html), order, { page: true, links: page.links, doc: searchDocumentOf(file, page.jsonLd) });
    }
    const bytes = res.rawPayload;
    const isSitemap = type.includes('xml') && /<(?:urlset|sitemapindex)\b/.test(res.body.slice(0, 500));
    const links = isSitemap
      ? sitemapLocations(res.body).map((loc) => new URL(loc, env.siteOrigin)).filter((u) => u.origin === env.siteOrigin).map((u) => `${u.pathname}${u.search}`)
      : [];
    return fileOf(file, bytes, order, { page: false, links, doc: null });
  };
}

/** A renderer on the app of this thread. */
export function inProcessRenderer(app: FastifyInstance, editions: EditionRegistry, env: RenderEnv): Renderer {
  return { render: urlRenderer(app, editions, env), close: async () => {} };
}
