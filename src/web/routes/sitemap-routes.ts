import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { NotFound } from '../../domain/errors.ts';
import { newsSitemap, robotsTxt, sitemapIndex, sitemapUrlset, SITEMAP_MAX_URLS, type SitemapUrl } from '../../feed/sitemap-xml.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import { languageVersions } from '../translation-links.ts';
import { absoluteUrl, authorUrl, blogIndexUrl, blogUrl, homeUrl, nodeUrl, sitemapIndexUrl, sitemapPageUrl, termUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';

/** A public thing with a canonical URL, as the store enumerates it (structurally the store's SitemapTarget; web never imports store). */
export interface SitemapTargetRow {
  readonly edition: string;
  readonly targetType: 'node' | 'term' | 'author' | 'blog';
  readonly id: number;
  readonly path: string | null;
  readonly lastmod: number | null;
  /** A node's published translations in other editions. */
  readonly translations: readonly { readonly nid: number; readonly edition: string; readonly path: string | null }[];
}

/** Recent nodes of an edition, newest first. */
export interface RecentNodeSource {
  recentNodes(edition: string, options: { readonly kinds?: readonly string[]; readonly since?: number; readonly limit: number }): Promise<{ nid: number; path: string | null; title: string; publishedAt: number }[]>;
}

/** What sitemaps read: every public target, page by page. */
export interface SitemapSource extends RecentNodeSource {
  countTargets(): Promise<number>;
  listTargets(offset: number, limit: number): Promise<SitemapTargetRow[]>;
}

/** Options of the sitemap routes; pageSize and clock are parameters so tests can page the fixture and fix "now". */
export interface SitemapOptions {
  readonly source: SitemapSource;
  readonly pageSize?: number;
  readonly clock?: () => number;
}

/** News sitemaps list only the last two days' articles, as Google News asks. */
const NEWS_WINDOW_SECONDS = 2 * 86400;
/** Google News reads at most 1,000 URLs per news sitemap. */
const NEWS_MAX_URLS = 1000;
/** Staff areas crawlers should leave alone. */
const PRIVATE_AREAS = ['/admin/', '/user/'];

const XML = 'application/xml; charset=utf-8';

/** /sitemap.xml (an index), /sitemap-<n>.xml pages, /sitemap-news.xml and /robots.txt, for every edition at once. */
export function sitemapRoutes(deps: WebDeps, options: SitemapOptions) {
  const pageSize = Math.min(options.pageSize ?? SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
  const clock = options.clock ?? Date.now;
  const editions = deps.editions.all;
  // Archive content never changes, so the live edition's changes are what make these stale.
  const owner: Edition = editions.find((e) => e.mode !== 'archive') ?? editions[0]!;

  /** Home and blog index of each edition: listed first, before the stored targets. */
  function fixedUrls(request: FastifyRequest): SitemapUrl[] {
    return editions.flatMap((e) => {
      const ctx = siteContextFor(request, e, deps);
      return [{ loc: absoluteUrl(ctx, homeUrl(ctx)) }, { loc: absoluteUrl(ctx, blogIndexUrl(ctx)) }];
    });
  }

  function targetUrl(request: FastifyRequest, row: SitemapTargetRow): SitemapUrl | null {
    const edition = editions.find((e) => e.code === row.edition);
    if (!edition) return null;
    const ctx = siteContextFor(request, edition, deps);
    const path = row.targetType === 'node' ? nodeUrl(ctx, { nid: row.id, path: row.path })
      : row.targetType === 'term' ? termUrl(ctx, { tid: row.id, path: row.path })
        : row.targetType === 'author' ? authorUrl(ctx, { slug: row.path ?? '' }) : blogUrl(ctx, { slug: row.path ?? '' });
    const versions = row.targetType === 'node' ? languageVersions(request, deps, { nid: row.id, edition: row.edition, path: row.path }, row.translations) : [];
    return { loc: absoluteUrl(ctx, path), lastmod: row.lastmod, alternates: versions.map((v) => ({ hreflang: v.edition.lang, href: v.href })) };
  }

  async function pageCount(request: FastifyRequest): Promise<number> {
    const total = fixedUrls(request).length + (await options.source.countTargets());
    return Math.max(1, Math.ceil(total / pageSize));
  }

  function send(request: FastifyRequest, reply: FastifyReply, body: string, contentType = XML, cache = true) {
    return sendFresh(request, reply, deps.cache, { edition: owner, status: 200, body, contentType, cache });
  }

  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/sitemap.xml', async (request, reply) => {
      const pages = await pageCount(request);
      const base = deps.config.baseUrl;
      return send(request, reply, sitemapIndex(Array.from({ length: pages }, (_, i) => ({ loc: sitemapPageUrl(base, i + 1) }))));
    });

    app.get<{ Params: { n: string } }>('/sitemap-:n(^\\d{1,6}).xml', async (request, reply) => {
      const n = Number(request.params.n);
      if (n < 1 || n > (await pageCount(request))) throw new NotFound();
      const fixed = fixedUrls(request);
      const start = (n - 1) * pageSize;
      const urls = fixed.slice(start, start + pageSize);
      const offset = Math.max(0, start - fixed.length);
      const rows = await options.source.listTargets(offset, pageSize - urls.length);
      for (const row of rows) {
        const url = targetUrl(request, row);
        if (url) urls.push(url);
      }
      return send(request, reply, sitemapUrlset(urls));
    });

    app.get('/sitemap-news.xml', async (request, reply) => {
      const since = Math.floor(clock() / 1000) - NEWS_WINDOW_SECONDS;
      const urls = [];
      for (const edition of editions.filter((e) => e.mode !== 'archive')) {
        const ctx = siteContextFor(request, edition, deps);
        for (const node of await options.source.recentNodes(edition.code, { kinds: ['article'], since, limit: NEWS_MAX_URLS })) {
          urls.push({ loc: absoluteUrl(ctx, nodeUrl(ctx, node)), title: node.title, published: node.publishedAt, publicationName: edition.siteName, language: edition.lang });
        }
      }
      // Not cached: entries age out with the clock, not only when content changes.
      return send(request, reply, newsSitemap(urls.slice(0, NEWS_MAX_URLS)), XML, false);
    });

    app.get('/robots.txt', async (request, reply) => {
      const disallow = editions.flatMap((e) => PRIVATE_AREAS.map((p) => `${e.pathPrefix}${p}`));
      return send(request, reply, robotsTxt(sitemapIndexUrl(deps.config.baseUrl), [...new Set(disallow)]), 'text/plain; charset=utf-8');
    });
  };
}
