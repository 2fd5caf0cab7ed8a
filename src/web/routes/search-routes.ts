import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { parsePageParam } from '../../domain/pagination.ts';
import type { SearchFilters, SearchSort } from '../../services/search-service.ts';
import { t } from '../../text/messages.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import { searchUrl } from '../urls.ts';
import { searchView } from '../views/search-view.ts';
import type { WebDeps } from '../web-deps.ts';

type SearchQuery = { Querystring: { q?: string | string[]; page?: string; sort?: string; section?: string; tag?: string; author?: string; year?: string; source?: string } };

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A facet id from the query string; anything that is not a plain id is ignored, not an error. */
function id(v: string | undefined): number | undefined {
  return v !== undefined && /^\d{1,10}$/.test(v) ? Number(v) : undefined;
}

/** Reads the query string the way every search route does. */
function readQuery(query: SearchQuery['Querystring']): { q: string; page: number; sort: SearchSort; filters: SearchFilters } {
  const q = first(query.q) ?? '';
  const source = first(query.source)?.trim();
  const filters: SearchFilters = {
    ...(id(first(query.section)) !== undefined ? { section: id(first(query.section))! } : {}),
    ...(id(first(query.tag)) !== undefined ? { tag: id(first(query.tag))! } : {}),
    ...(id(first(query.author)) !== undefined ? { author: id(first(query.author))! } : {}),
    ...(id(first(query.year)) !== undefined ? { year: id(first(query.year))! } : {}),
    ...(source ? { source: source.slice(0, 100) } : {}),
  };
  return { q, page: parsePageParam(query.page), sort: query.sort === 'newest' ? 'newest' : 'relevance', filters };
}

/** The query string of a search, for links (pager, facets). */
export function searchParams(input: { q: string; sort: SearchSort; filters: SearchFilters }): URLSearchParams {
  const params = new URLSearchParams({ q: input.q });
  if (input.sort === 'newest') params.set('sort', 'newest');
  for (const [k, v] of Object.entries(input.filters)) if (v !== undefined) params.set(k, String(v));
  return params;
}

/** /search and /search.json in each edition. */
export function searchRoutes(edition: Edition, deps: WebDeps) {
  // The search itself, timed for the search latency histogram (rendering is the route's latency).
  const query = async (input: ReturnType<typeof readQuery>) => {
    const started = performance.now();
    try {
      return await deps.search.query(edition, input);
    } finally {
      deps.metrics?.searched(edition.code, (performance.now() - started) / 1000);
    }
  };
  return async function register(app: FastifyInstance): Promise<void> {
    app.get<SearchQuery>('/search', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const input = readQuery(request.query);
      const outcome = await query(input);
      const body = searchView(ctx, outcome, searchUrl(ctx), searchParams(input));
      const doc = await renderDocument(ctx, deps.nav, { title: t(edition.lang, 'searchTitle'), canonical: null, body });
      // A query the parser refuses is the reader's mistake: 400, with the page explaining it.
      return sendFresh(request, reply, deps.cache, { edition, status: outcome.kind === 'invalid' ? 400 : 200, body: doc });
    });

    app.get<SearchQuery>('/search.json', async (request, reply) => {
      const outcome = await query(readQuery(request.query));
      const base = `${deps.config.baseUrl}${edition.pathPrefix}`;
      const payload = outcome.kind === 'results'
        ? {
          query: outcome.query, description: outcome.description, total: outcome.total, totalCapped: outcome.totalCapped, page: outcome.page, pageSize: outcome.pageSize, sort: outcome.sort,
          filters: outcome.filters, facets: outcome.facets,
          results: outcome.hits.map((h) => ({
            nid: h.node.nid, title: h.node.title, url: `${base}/${h.node.path ?? `node/${h.node.nid}`}`,
            published: new Date(h.node.publishedAt * 1000).toISOString(), authors: h.node.authors.map((a) => a.name),
            snippet: h.snippet.map((p) => p.text).join(''), highlights: h.snippet.filter((p) => p.match).map((p) => p.text),
          })),
        }
        : outcome.kind === 'invalid'
          ? { query: outcome.query, error: { code: outcome.error.code, message: outcome.error.message[edition.lang] } }
          : { query: '', error: { code: 'EMPTY', message: t(edition.lang, 'searchEmpty') } };
      return sendFresh(request, reply, deps.cache, {
        edition, status: outcome.kind === 'results' ? 200 : 400, body: JSON.stringify(payload), contentType: 'application/json; charset=utf-8',
      });
    });
  };
}
