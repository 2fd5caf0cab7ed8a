import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../domain/edition.ts';
import type { EditionRegistry } from '../services/editions.ts';
import type { ExportService } from '../services/export-service.ts';
import type { SitemapService } from '../services/sitemap-service.ts';
import { OutputDir, type OutputCounts } from './static/output-dir.ts';
import { PagerPages } from './static/pager-pages.ts';
import { hasControlCharacter, toUriReference } from '../text/uri-reference.ts';
import { metaRefreshPage, nginxMap, NGINX_MAP_FILE, redirectsFile, REDIRECTS_FILE, type Redirect } from './static/redirect-files.ts';
import { inProcessRenderer, isRedirect, type RenderEnv, type Rendered, type Renderer } from './static/render-url.ts';
import type { PageContext } from './static/page-links.ts';
import { rewritePage } from './static/rewrite-page.ts';
import { bundleSearchScript, SEARCH_SCRIPT_FILE } from './static/search-script.ts';
import { SearchIndexBuilder } from './static/search-index.ts';
import { crawl } from './static/site-crawl.ts';
import { absoluteLink, decodePath, encodeFilePath, fileForUrl, relativeLink } from './static/url-files.ts';
import type { FileStore } from '../services/file-store.ts';
import { assetCatalogue } from '../web/asset-catalogue.ts';

/** What the export renders with: the real app, in process, and the services it enumerates from. */
export interface StaticExportDeps {
  readonly app: FastifyInstance;
  readonly editions: EditionRegistry;
  readonly exports: ExportService;
  readonly sitemap: SitemapService;
  /** The live site's base URL (config.baseUrl): absolute links to it are same-site. */
  readonly siteUrl: string;
  /** The old site's files (photos, attachments), each exported at its old URL even when no page links it. */
  readonly files?: FileStore;
}

/** Where and what to export. */
export interface StaticExportOptions {
  readonly outDir: string;
  /** Edition codes to export; every edition when absent. */
  readonly editions?: readonly string[];
  /** Absolute links under this URL instead of relative ones. */
  readonly baseUrl?: string | null;
  /** URLs in flight at once: the app awaits the database, and render threads want a few queued each. */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, known: number) => void;
  /**
   * Renders the crawl's URLs elsewhere (worker threads: `RenderPool`); closed when the export
   * ends. In process, on `deps.app`, when absent.
   */
  readonly startRenderer?: (env: RenderEnv) => Renderer;
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

/**
 * `folio export static`: renders every URL of the chosen editions through the real app in
 * process (a crawl from each home page, the sitemaps and the edition's fixed pages), rewrites
 * links for a static host or file://, writes legacy redirects, the client-side search index
 * and a 404 page, and rewrites only files whose bytes changed since the last export.
 */
export async function exportStatic(deps: StaticExportDeps, options: StaticExportOptions): Promise<StaticExportReport> {
  // The search documents wait on disk until the index is built (SearchIndexBuilder).
  const spill = await mkdtemp(join(tmpdir(), 'folio-export-'));
  try {
    return await exportInto(deps, options, spill);
  } finally {
    await rm(spill, { recursive: true, force: true });
  }
}

async function exportInto(deps: StaticExportDeps, options: StaticExportOptions, spill: string): Promise<StaticExportReport> {
  const started = Date.now();
  const editions = (options.editions ?? deps.editions.all.map((e) => e.code)).map((code) => deps.editions.get(code));
  const codes = new Set(editions.map((e) => e.code));
  const siteOrigin = new URL(deps.siteUrl).origin;
  const baseUrl = options.baseUrl ?? null;
  const prefixes = deps.editions.all.map((e) => e.pathPrefix);
  const out = await OutputDir.open(options.outDir);
  const indexes = new Map(editions.map((e, i) => [e.code, new SearchIndexBuilder(e.lang, `search-index/${e.lang}/`, join(spill, `search-${i}.jsonl`))]));
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

  const env: RenderEnv = { siteOrigin, baseUrl, codes: [...codes], outDir: out.root };
  const pagers = new PagerPages();
  const renderer = options.startRenderer?.(env) ?? inProcessRenderer(deps.app, deps.editions, env);
  const visit = async (url: string): Promise<readonly string[]> => {
    const parsed = new URL(url, siteOrigin);
    const file = fileForUrl(parsed.pathname, parsed.search);
    // The renderer writes the file itself (render threads: the page's bytes stay there).
    const order = file === null ? null : out.claim(file);
    let rendered: Rendered;
    try {
      rendered = await renderer.render(url, order);
    } finally {
      if (order !== null) out.release(file!);
    }
    switch (rendered.kind) {
      case 'none':
        return [];
      case 'missing':
        missing.push(url);
        return [];
      case 'redirect': {
        await redirectTo(file!, rendered.target, deps.editions.forPath(parsed.pathname), parsed.pathname);
        const target = new URL(rendered.target, siteOrigin);
        return [`${target.pathname}${target.search}`];
      }
      case 'file':
        if (rendered.bytes === null) {
          out.record(rendered.file, rendered.hash, rendered.size, rendered.wrote);
        } else {
          await out.settled(rendered.file);
          out.writeHashed(rendered.file, rendered.bytes, rendered.hash);
        }
        if (rendered.page) pages++;
        if (rendered.doc) indexes.get(deps.editions.forPath(parsed.pathname).code)?.add(rendered.doc);
        return pagers.withPagesBefore(rendered.links);
    }
  };

  const seeds = editions.flatMap((e) => ['/', '/node', '/archive', '/blog', '/blog/feed', '/rss.xml', '/search', '/filter/tips', '/favicon.ico', '/manifest.webmanifest'].map((p) => `${e.pathPrefix}${p}`));
  if (editions.some((e) => e.pathPrefix === '')) seeds.push('/robots.txt', '/sitemap.xml', '/sitemap-news.xml');
  // Pages link the hashed names; the plain ones (and the manifest's icons) are copied too, so
  // old copies and bookmarks of /assets/folio.css keep their stylesheet.
  const assets = assetCatalogue();
  for (const name of assets.names) seeds.push(`/assets/${name}`, `/assets/${assets.get(name).hashedName}`);
  for (let offset = 0; ; offset += TARGETS_PER_READ) {
    const targets = await deps.sitemap.listTargets(offset, TARGETS_PER_READ);
    if (targets.length === 0) break;
    for (const t of targets) if (t.targetType === 'node' && codes.has(t.edition)) seeds.push(`${deps.editions.get(t.edition).pathPrefix}/comment/feed/${t.id}`);
  }
  // Files live at the site's root, where the old site served them; an export without the root
  // edition keeps them under each exported edition's prefix, where Folio serves them too.
  const filePrefixes = editions.some((e) => e.pathPrefix === '') ? [''] : editions.map((e) => e.pathPrefix);
  for (const path of (await deps.files?.list()) ?? []) for (const base of filePrefixes) seeds.push(`${base}/${encodeFilePath(path)}`);
  let urls: number;
  try {
    urls = await crawl(seeds, options.concurrency ?? DEFAULT_CONCURRENCY, visit, options.onProgress);
  } finally {
    await renderer.close();
  }

  for (const edition of editions) {
    for await (const path of deps.exports.legacyPaths(edition.code)) {
      const from = `${edition.pathPrefix}/${path}`;
      // A path no host could redirect from (a control character) stays out of the redirect files.
      if (hasControlCharacter(from)) continue;
      const file = fileForUrl(toUriReference(from), '');
      if (file === null) continue;
      let target = toUriReference(from);
      let res = await deps.app.inject({ method: 'GET', url: target });
      for (let hops = 0; isRedirect(res) && hops < MAX_HOPS; hops++) {
        const next = new URL(res.headers.location as string, new URL(target, siteOrigin));
        target = `${next.pathname}${next.search}${next.hash}`;
        res = await deps.app.inject({ method: 'GET', url: target });
      }
      if (res.statusCode === 200 && target !== toUriReference(from)) await redirectTo(file, target, edition, from);
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
