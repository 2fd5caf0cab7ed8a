import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateHeaderName, validateHeaderValue, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Edition } from '../domain/edition.ts';
import { redirectTarget } from '../text/uri-reference.ts';
import { isCompressible, MIN_COMPRESSIBLE_BYTES, preferredCoding, type ContentCoding } from './compression.ts';
import { chooseEncoding, etagOf, identityBody, reprDigestOf, type CachedPage, type PageCache } from './page-cache.ts';

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

/** The cache key of a raw request: host and URL as sent (before any rewrite), since host-bound editions share paths. */
export function rawCacheKey(req: IncomingMessage): string {
  return `${req.headers.host ?? ''}${req.url ?? ''}`;
}

/** The cache key of a request. */
export function cacheKey(request: FastifyRequest): string {
  return rawCacheKey(request.raw);
}

function encodedEtag(etag: string, encoding: 'br' | 'gzip' | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/** Flat header lists per encoding, built once per cached page (writeHead takes them as they are). */
const headerLists = new WeakMap<CachedPage, Map<string, (string | number)[]>>();

function headerList(page: CachedPage, encoding: 'br' | 'gzip' | null, body: Buffer | null, etag: string | null): (string | number)[] {
  let lists = headerLists.get(page);
  if (!lists) {
    lists = new Map();
    headerLists.set(page, lists);
  }
  const key = `${encoding}|${body === null ? 'none' : body.length}`;
  let list = lists.get(key);
  if (!list) {
    list = Object.entries(page.headers).flat();
    if (etag) list.push('etag', etag);
    if (body !== null) {
      if (encoding) list.push('content-encoding', encoding);
      list.push('content-length', body.length);
      if (page.status === 200) list.push('repr-digest', reprDigestOf(body));
    }
    lists.set(key, list);
  }
  return list;
}

/**
 * Writes a cached page to a raw response. This is the hot path: it runs before the framework
 * sees the request (see app.ts serverFactory), and the page's headers, security ones included,
 * were captured when it was rendered. Returns the status sent, for the access log.
 */
export function serveCached(req: IncomingMessage, res: ServerResponse, page: CachedPage): number {
  const encoding = chooseEncoding(req.headers['accept-encoding'], page);
  const etag = page.status === 200 ? encodedEtag(page.etag, encoding) : null;
  const inm = req.headers['if-none-match'];
  if (etag && inm && inm.split(',').some((t) => t.trim() === etag)) {
    res.writeHead(304, headerList(page, encoding, null, etag));
    res.end();
    return 304;
  }
  const body = encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : identityBody(page);
  res.writeHead(page.status, headerList(page, encoding, body, etag));
  res.end(req.method === 'HEAD' ? undefined : body);
  return page.status;
}

/** The same, from inside Fastify (app.inject in tests goes this way). */
export function writeCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): void {
  reply.hijack();
  serveCached(request.raw, reply.raw, page);
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

/**
 * Whether Node will write these headers: a character above U+00FF or a CR/LF in a value makes
 * writeHead throw, which the page cache's raw fast path must never meet.
 */
export function validHeaders(headers: Readonly<Record<string, string>>): boolean {
  try {
    for (const [name, value] of Object.entries(headers)) {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends a rendered page through Fastify, compressed at a fast level when the client takes it
 * (no first response goes out uncompressed: issue 15 item 10, issue 14), and keeps it (with
 * compressed variants made later, at the cache's levels) for the next reader.
 */
export async function sendFresh(request: FastifyRequest, reply: FastifyReply, cache: PageCache, fresh: FreshPage): Promise<FastifyReply> {
  const body = Buffer.from(fresh.body, 'utf8');
  const etag = etagOf(body);
  const contentType = fresh.contentType ?? 'text/html; charset=utf-8';
  const coding: ContentCoding | null = body.length >= MIN_COMPRESSIBLE_BYTES && isCompressible(contentType)
    ? preferredCoding(request.headers['accept-encoding'])
    : null;
  reply.code(fresh.status)
    .header('content-type', contentType)
    .header('cache-control', fresh.personal ? 'no-store' : cacheControlFor(fresh.edition, fresh.status))
    .header('vary', 'Accept-Encoding');
  // Throws UnsafeUrl (400) for control characters, before anything is sent or kept.
  if (fresh.location) reply.header('location', redirectTarget(fresh.location));
  if (fresh.status === 200) {
    // The same tag per coding as a cache hit gives (serveCached), so revalidation works across both.
    const sentEtag = encodedEtag(etag, coding);
    reply.header('etag', sentEtag);
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === sentEtag)) return reply.code(304).send();
  }
  const sent = coding === null ? body : await cache.compressor.compress(body, coding, 'first');
  if (fresh.cache !== false && !fresh.personal && request.method === 'GET' && (fresh.status === 200 || fresh.status === 301)) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && name !== 'etag' && name !== 'set-cookie' && name !== 'repr-digest') headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    // Only what a socket will accept is kept: the cache is served outside any handler (app.ts).
    if (validHeaders(headers)) cache.set(cacheKey(request), { edition: fresh.edition.code, status: fresh.status, headers, etag, body }, coding === null ? undefined : { coding, bytes: sent });
  }
  if (coding !== null) reply.header('content-encoding', coding);
  // RFC 9530: the digest of the representation as content-coded, i.e. of the bytes sent.
  if (fresh.status === 200) reply.header('repr-digest', reprDigestOf(sent));
  return reply.send(sent);
}
