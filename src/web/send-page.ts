import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../domain/edition.ts';
import { chooseEncoding, etagOf, type CachedPage, type PageCache } from './page-cache.ts';

/**
 * How long browsers and proxies may keep pages. Archive pages change only when a comment is
 * approved, so they are cacheable for a day and revalidated cheaply by ETag after that.
 */
export function cacheControlFor(edition: Edition, status: number): string {
  if (status >= 400) return 'no-store';
  return edition.mode === 'archive'
    ? 'public, max-age=86400, stale-while-revalidate=604800'
    : 'public, max-age=60, stale-while-revalidate=300';
}

/** The cache key of a request: host and URL, since host-bound editions share paths. */
export function cacheKey(request: FastifyRequest): string {
  return `${request.headers.host ?? ''}${request.url}`;
}

function encodedEtag(etag: string, encoding: 'br' | 'gzip' | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/** Writes a cached page, answering 304 when the client's ETag still matches. */
export function replyWithPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  const encoding = chooseEncoding(request.headers['accept-encoding'], page);
  const etag = encodedEtag(page.etag, encoding);
  reply.code(page.status).header('cache-control', page.cacheControl).header('vary', 'Accept-Encoding');
  if (page.location) reply.header('location', page.location);
  if (page.status === 200) {
    reply.header('etag', etag);
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag)) return reply.code(304).send();
  }
  reply.header('content-type', page.contentType);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body);
}

/** Options for a freshly rendered response. */
export interface FreshPage {
  readonly edition: Edition;
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly location?: string;
  /** Error pages and one-off answers are not kept. */
  readonly cache?: boolean;
  /** Pages holding what one reader typed (a refused comment, a preview): never stored anywhere. */
  readonly personal?: boolean;
}

/** Sends a rendered page and keeps it (with compressed variants made later) for the next reader. */
export function sendFresh(request: FastifyRequest, reply: FastifyReply, cache: PageCache, fresh: FreshPage): FastifyReply {
  const body = Buffer.from(fresh.body, 'utf8');
  const page = {
    edition: fresh.edition.code,
    status: fresh.status,
    contentType: fresh.contentType ?? 'text/html; charset=utf-8',
    cacheControl: fresh.personal ? 'no-store' : cacheControlFor(fresh.edition, fresh.status),
    location: fresh.location ?? null,
    etag: etagOf(body),
    body,
  };
  const entry = fresh.cache === false || fresh.personal || request.method !== 'GET' ? { ...page, generation: 0, gzip: null, br: null } : cache.set(cacheKey(request), page);
  return replyWithPage(request, reply, entry);
}
