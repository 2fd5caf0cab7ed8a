import type { FastifyRequest } from 'fastify';
import type { Edition } from '../domain/edition.ts';
import type { SiteContext } from './site-context.ts';
import type { WebDeps } from './web-deps.ts';

/**
 * The site context of a request. When a host bound to the edition was rewritten onto its
 * prefix (see app.ts), links drop the prefix, so the edition really lives at that host's root.
 */
export function siteContextFor(request: FastifyRequest, edition: Edition, deps: Pick<WebDeps, 'config' | 'editions'>): SiteContext {
  const rewritten = request.originalUrl !== request.url;
  const host = request.headers.host;
  const hostBound = rewritten || (host !== undefined && deps.editions.forHost(host) === edition);
  return {
    edition,
    prefix: hostBound ? '' : edition.pathPrefix,
    baseUrl: hostBound && host ? `${request.protocol}://${host}` : deps.config.baseUrl,
    editions: deps.editions.all,
  };
}
