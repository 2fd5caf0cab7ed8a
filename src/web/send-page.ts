import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import type { Edition } from '../domain/edition.ts';
import { chooseEncoding, etagOf, identityBody, type CachedPage, type PageCache } from './page-cache.ts';

/**
 * How long browsers and proxies may keep pages. Archive pages change only when a comment is
 * approved, so shared caches keep them a day; browsers keep them ten minutes, so a reader whose
 * comment was approved sees it soon, and then revalidate cheaply by ETag (a 304).
 */
export function cacheControlFor(edition: Edition, status: number): string {
  if (status >= 400) return 'no-store';
  return edition.mode === 'archive'
    ? 'public, max-age=600, s-maxage=86400, stale-while-revalidate=86400'
    : 'public, max-age=60, stale-while-revalidate=300';
}

/** The cache key of a request: host and URL, since host-bound editions share paths. */
export function cacheKey(request: FastifyRequest): string {
  return `${request.headers.host ?? ''}${request.url}`;
}

function encodedEtag(etag: string, encoding: 'br' | 'gzip' | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/**
 * Writes a cached page straight to the socket, bypassing the framework's reply pipeline: this
 * is the hot path, and its headers (security ones included) were captured when it was rendered.
 */
export function writeCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): void {
  const encoding = chooseEncoding(request.headers['accept-encoding'], page);
  const headers: OutgoingHttpHeaders = { ...page.headers };
  let status = page.status;
  let body: Buffer | null = null;
  if (page.status === 200) {
    const etag = encodedEtag(page.etag, encoding);
    headers.etag = etag;
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag)) status = 304;
  }
  if (status !== 304) {
    body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : identityBody(page);
    if (encoding) headers['content-encoding'] = encoding;
    headers['content-length'] = body!.length;
  }
  reply.hijack();
  reply.raw.writeHead(status, headers);
  reply.raw.end(request.method === 'HEAD' ? undefined : body ?? undefined);
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

/** Sends a rendered page through Fastify and keeps it (with compressed variants made later) for the next reader. */
export function sendFresh(request: FastifyRequest, reply: FastifyReply, cache: PageCache, fresh: FreshPage): FastifyReply {
  const body = Buffer.from(fresh.body, 'utf8');
  const etag = etagOf(body);
  reply.code(fresh.status)
    .header('content-type', fresh.contentType ?? 'text/html; charset=utf-8')
    .header('cache-control', fresh.personal ? 'no-store' : cacheControlFor(fresh.edition, fresh.status))
    .header('vary', 'Accept-Encoding');
  if (fresh.location) reply.header('location', fresh.location);
  if (fresh.status === 200) {
    reply.header('etag', etag);
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag)) return reply.code(304).send();
  }
  if (fresh.cache !== false && !fresh.personal && request.method === 'GET' && (fresh.status === 200 || fresh.status === 301)) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && name !== 'etag' && name !== 'set-cookie') headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    cache.set(cacheKey(request), { edition: fresh.edition.code, status: fresh.status, headers, etag, body });
  }
  return reply.send(body);
}
