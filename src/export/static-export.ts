import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Parser } from 'htmlparser2';
import type { Edition } from '../domain/edition.ts';
import type { EditionRegistry } from '../services/editions.ts';
import type { ExportService } from '../services/export-service.ts';
import type { SitemapService } from '../services/sitemap-service.ts';
import { OutputDir, type OutputCounts } from './static/output-dir.ts';
import { metaRefreshPage, nginxMap, NGINX_MAP_FILE, redirectsFile, REDIRECTS_FILE, type Redirect } from './static/redirect-files.ts';
import { rewritePage, type PageContext } from './static/rewrite-page.ts';
import { bundleSearchScript, SEARCH_SCRIPT_FILE } from './static/search-script.ts';
import { SearchIndexBuilder, searchDocumentOf } from './static/search-index.ts';
import { crawl } from './static/site-crawl.ts';
import { absoluteLink, decodePath, fileForUrl, relativeLink } from './static/url-files.ts';

/** What the export renders with: the real app, in process, and the services it enumerates from. */
export interface StaticExportDeps {
  readonly app: FastifyInstance;
  readonly editions: EditionRegistry;
  readonly exports: ExportService;
  readonly sitemap: SitemapService;
  /** The live site's base URL (config.baseUrl): absolute links to it are same-site. */
  readonly siteUrl: string;
}

/** Where and what to export. */
export interface StaticExportOptions {
  readonly outDir: string;
  /** Edition codes to export; every edition when absent. */
  readonly editions?: readonly string[];
  /** Absolute links under this URL instead of relative ones. */
  readonly baseUrl?: string | null;
  /** Pages rendered at once: the app awaits the database, so a few overlap usefully. */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, known: number) => void;
}

/** What an export did. */
export interface StaticExportReport extends OutputCounts {
  readonly pages: number;
  readonly urls: number;
  readonly redirects: number;
  /** Linked URLs that answered neither a page nor a redirect (the live site's own broken links). */
  readonly missing: readonly string[];
  readonly seconds: number;
}

const DEFAULT_CONCURRENCY = 8;
const MAX_HOPS = 5;
/** Sitemap targets read per query when listing the nodes whose comment feeds no page links to. */
const TARGETS_PER_READ = 5000;
/** A path no site has, to render each edition's 404 page. */
const MISSING_PATH = '/folio-static-export-missing-page';

function isRedirect(res: LightMyRequestResponse): boolean {
  return res.statusCode >= 300 && res.statusCode < 400 && typeof res.headers.location === 'string';
}

/** The `<loc>` URLs of a sitemap or sitemap index, read with an XML parser. */
function sitemapLocations(xml: string): string[] {
  const found: string[] = [];
  let inLoc = false;
  let text = '';
  const parser = new Parser({
    onopentag: (name) => void ((inLoc = name === 'loc'), (text = '')),
    ontext: (t) => void (inLoc && (text += t)),
    onclosetag: (name) => void (name === 'loc' && (found.push(text.trim()), (inLoc = false))),
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  return found;
}

/**
 * `folio export static`: renders every URL of the chosen editions through the real app in
 * process (a crawl from each home page, the sitemaps and the edition's fixed pages), rewrites
 * links for a static host or file://, writes legacy redirects, the client-side search index
 * and a 404 page, and rewrites only files whose bytes changed since the last export.
 */
export async function exportStatic(deps: StaticExportDeps, options: StaticExportOptions): Promise<StaticExportReport> {
  const started = Date.now();
  const editions = (options.editions ?? deps.editions.all.map((e) => e.code)).map((code) => deps.editions.get(code));
  const codes = new Set(editions.map((e) => e.code));
  const siteOrigin = new URL(deps.siteUrl).origin;
  const baseUrl = options.baseUrl ?? null;
  const prefixes = deps.editions.all.map((e) => e.pathPrefix);
  const out = await OutputDir.open(options.outDir);
  const indexes = new Map(editions.map((e) => [e.code, new SearchIndexBuilder(e.lang, `search-index/${e.lang}/`)]));
  const redirects = new Map<string, string>();
  const missing: string[] = [];
  let pages = 0;

  const exported = (pathname: string) => pathname.startsWith('/assets/') || codes.has(deps.editions.forPath(pathname).code);
  const context = (url: string, file: string, edition: Edition, links: string | null): PageContext => ({
    url, file, lang: edition.lang, siteOrigin, baseUrl: links, prefixes, exported,
  });
  const redirectTo = async (file: string, target: string, edition: Edition, from: string) => {
    const targetFile = fileForUrl(new URL(target, siteOrigin).pathname, new URL(target, siteOrigin).search);
    if (targetFile === null) return;
    redirects.set(decodePath(from), absoluteLink(baseUrl ?? '', targetFile));
    const href = baseUrl === null ? relativeLink(file, targetFile) : absoluteLink(baseUrl, targetFile);
    if (!out.has(file)) await out.write(file, metaRefreshPage(`${href}${new URL(target, siteOrigin).hash}`, edition.lang, target));
  };

  const visit = async (url: string): Promise<string[]> => {
    const parsed = new URL(url, siteOrigin);
    const file = fileForUrl(parsed.pathname, parsed.search);
    if (file === null || !exported(parsed.pathname)) return [];
    const edition = deps.editions.forPath(parsed.pathname);
    const res = await deps.app.inject({ method: 'GET', url });
    if (isRedirect(res)) {
      const target = new URL(res.headers.location as string, new URL(url, siteOrigin));
      if (target.origin !== siteOrigin) return [];
      await redirectTo(file, `${target.pathname}${target.search}${target.hash}`, edition, parsed.pathname);
      return [`${target.pathname}${target.search}`];
    }
    if (res.statusCode !== 200) {
      missing.push(url);
      return [];
    }
    const type = String(res.headers['content-type'] ?? '');
    if (type.startsWith('text/html')) {
      const page = rewritePage(res.body, context(url, file, edition, baseUrl), SEARCH_SCRIPT_FILE);
      await out.write(file, page.html);
      pages++;
      const doc = searchDocumentOf(file, page.jsonLd);
      if (doc) indexes.get(edition.code)?.add(doc);
      return [...page.links];
    }
    await out.write(file, res.rawPayload);
    if (!type.includes('xml') || !/<(?:urlset|sitemapindex)\b/.test(res.body.slice(0, 500))) return [];
    return sitemapLocations(res.body).map((loc) => new URL(loc, siteOrigin)).filter((u) => u.origin === siteOrigin).map((u) => `${u.pathname}${u.search}`);
  };

  const seeds = editions.flatMap((e) => ['/', '/node', '/archive', '/blog', '/blog/feed', '/rss.xml', '/search', '/filter/tips'].map((p) => `${e.pathPrefix}${p}`));
  if (editions.some((e) => e.pathPrefix === '')) seeds.push('/robots.txt', '/sitemap.xml', '/sitemap-news.xml');
  for (let offset = 0; ; offset += TARGETS_PER_READ) {
    const targets = await deps.sitemap.listTargets(offset, TARGETS_PER_READ);
    if (targets.length === 0) break;
    for (const t of targets) if (t.targetType === 'node' && codes.has(t.edition)) seeds.push(`${deps.editions.get(t.edition).pathPrefix}/comment/feed/${t.id}`);
  }
  const urls = await crawl(seeds, options.concurrency ?? DEFAULT_CONCURRENCY, visit, options.onProgress);

  for (const edition of editions) {
    for await (const path of deps.exports.legacyPaths(edition.code)) {
      const from = `${edition.pathPrefix}/${path}`;
      const file = fileForUrl(encodeURI(from), '');
      if (file === null) continue;
      let target = encodeURI(from);
      let res = await deps.app.inject({ method: 'GET', url: target });
      for (let hops = 0; isRedirect(res) && hops < MAX_HOPS; hops++) {
        const next = new URL(res.headers.location as string, new URL(target, siteOrigin));
        target = `${next.pathname}${next.search}${next.hash}`;
        res = await deps.app.inject({ method: 'GET', url: target });
      }
      if (res.statusCode === 200 && target !== encodeURI(from)) await redirectTo(file, target, edition, from);
    }
    const notFound = await deps.app.inject({ method: 'GET', url: `${edition.pathPrefix}${MISSING_PATH}` });
    // A host serves the 404 page at any depth, so its links must not be relative.
    const file = `${edition.pathPrefix.replace(/^\//, '')}${edition.pathPrefix === '' ? '' : '/'}404.html`;
    const page = rewritePage(notFound.body, context(`${edition.pathPrefix}${MISSING_PATH}`, file, edition, baseUrl ?? ''), SEARCH_SCRIPT_FILE);
    await out.write(file, page.html);
    pages++;
  }

  for (const index of indexes.values()) for (const f of index.build()) await out.write(f.file, f.text);
  await out.write(SEARCH_SCRIPT_FILE, await bundleSearchScript());
  const list: Redirect[] = [...redirects].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, to]) => ({ from, to }));
  await out.write(NGINX_MAP_FILE, nginxMap(list));
  await out.write(REDIRECTS_FILE, redirectsFile(list));
  const counts = await out.finish();
  return { ...counts, pages, urls, redirects: list.length, missing, seconds: (Date.now() - started) / 1000 };
}
