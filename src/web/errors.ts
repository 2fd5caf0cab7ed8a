import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOGUE, FolioError, NotFound, RETRY_AFTER_SECONDS, STORAGE_FULL_RETRY_AFTER_SECONDS } from '../domain/errors.ts';
import { renderDocument } from './render.ts';
import { sendFresh } from './send-page.ts';
import { siteContextFor } from './site-context-for.ts';
import { errorView } from './views/error-view.ts';
import { notFoundQuery } from './not-found-query.ts';
import type { WebDeps } from './web-deps.ts';

/** Turns any thrown error into a localised page with the right status: the one place that does. */
async function sendError(request: FastifyRequest, reply: FastifyReply, deps: WebDeps, error: FolioError | null, status: number) {
  const host = request.headers.host;
  const edition = (host && deps.editions.forHost(host)) || deps.editions.forPath(request.url);
  const ctx = siteContextFor(request, edition, deps);
  const lang = edition.lang;
  const code = error?.code ?? (status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : status < 500 ? 'INVALID' : 'INTERNAL');
  const title = ERROR_CATALOGUE[code].title[lang];
  const message = error ? error.messageIn(lang) : title;
  const body = errorView(ctx, title, message, status, status === 404 ? notFoundQuery(request.url) : '');
  const doc = await renderDocument(ctx, deps.nav, { title, canonical: null, body });
  if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  if (status === 507) reply.header('retry-after', String(STORAGE_FULL_RETRY_AFTER_SECONDS));
  return sendFresh(request, reply, deps.cache, { edition, status, body: doc, cache: false });
}

/** Installs the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance, deps: WebDeps): void {
  app.setNotFoundHandler((request, reply) => sendError(request, reply, deps, new NotFound(), 404));
  app.setErrorHandler(async (err: FastifyError | FolioError, request, reply) => {
    if (err instanceof FolioError) {
      if (err.code === 'UNAVAILABLE') request.log.warn({ err: err.cause ?? err }, 'database unavailable: answered 503');
      else if (err.code === 'STORAGE_FULL') request.log.error({ err: err.cause ?? err }, 'database disk full: answered 507');
      else if (err.status >= 500) request.log.error({ err }, 'folio error');
      return sendError(request, reply, deps, err, err.status);
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ err }, 'unhandled error');
    // Framework 4xx errors (bad JSON, body too large, a malformed URL) keep their status but get our page.
    return sendError(request, reply, deps, null, status);
  });
}

/** Re-exported for tests that check the status table. */
export { ERROR_CATALOGUE };
