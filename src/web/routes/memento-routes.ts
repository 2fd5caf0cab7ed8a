import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import { chooseMemento } from '../../services/memento-service.ts';
import { MESSAGES } from '../../text/messages.ts';
import { redirectTarget } from '../../text/uri-reference.ts';
import { httpDate, parseHttpDate } from '../http-date.ts';
import { LINK_FORMAT, mementoLinks, timemapBody } from '../memento-links.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import { absoluteUrl, mementoUrl, nodeUrl } from '../urls.ts';
import { mementoView } from '../views/memento-view.ts';
import type { WebDeps } from '../web-deps.ts';

type PathParams = { Params: { '*': string } };

/**
 * Memento (RFC 7089) for the articles of one edition: each article page is an Original Resource,
 * its stored revisions are Mementos at /revisions/<unix-time>/<path>, /timegate/<path> picks one
 * by Accept-Datetime, and /timemap/link/<path> lists them all.
 */
export function mementoRoutes(edition: Edition, deps: WebDeps) {
  const { mementos, cache, nav } = deps;

  async function historyAt(path: string) {
    return mementos.history(edition, await mementos.resolveNode(edition, path));
  }

  return async function register(app: FastifyInstance): Promise<void> {
    app.get<PathParams>('/timemap/link/*', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const history = await historyAt(request.params['*']);
      return sendFresh(request, reply, cache, { edition, status: 200, body: timemapBody(ctx, history.node, history.mementos), contentType: `${LINK_FORMAT}; charset=utf-8` });
    });

    app.get<PathParams>('/timegate/*', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const sent = request.headers['accept-datetime'];
      // Sent twice, the header names no single datetime: parseHttpDate refuses the joined form.
      const header = Array.isArray(sent) ? sent.join(', ') : sent;
      const at = header === undefined ? undefined : parseHttpDate(header);
      if (header !== undefined && at === undefined) throw new Invalid({ en: MESSAGES.en.timegateBadDatetime, ar: MESSAGES.ar.timegateBadDatetime }, 'Accept-Datetime');
      const history = await historyAt(request.params['*']);
      const chosen = chooseMemento(history.mementos, at);
      // The answer depends on a request header the page cache does not key on: never cache it here.
      return reply.code(302)
        .header('location', redirectTarget(absoluteUrl(ctx, mementoUrl(ctx, history.node, chosen.datetime))))
        .header('vary', 'accept-datetime')
        .header('link', mementoLinks(ctx, history.node, history.mementos))
        .header('cache-control', 'no-cache')
        .send();
    });

    app.get<{ Params: { datetime: string; '*': string } }>('/revisions/:datetime(^\\d{1,12}$)/*', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const history = await historyAt(request.params['*']);
      const { node } = history;
      const memento = history.mementos.find((m) => m.datetime === Number(request.params.datetime));
      if (!memento) throw new NotFound();
      const doc = await renderDocument(ctx, nav, { title: memento.title, canonical: nodeUrl(ctx, node), body: mementoView(ctx, history, memento) });
      reply.header('memento-datetime', httpDate(memento.datetime)).header('link', mementoLinks(ctx, node, history.mementos));
      return sendFresh(request, reply, cache, { edition, status: 200, body: doc });
    });
  };
}
