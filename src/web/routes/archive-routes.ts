import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { parsePageParam } from '../../domain/pagination.ts';
import { parseArchivePeriod, type ArchivePeriod } from '../../services/archive-service.ts';
import { t } from '../../text/messages.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { archiveUrl, pageUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { archiveIndexView, archiveListingView, archiveTrail, archiveYearView, periodTitle } from '../views/archive-view.ts';
import { breadcrumbData } from '../views/structured-data.ts';

type ArchiveRequest = {
  Params: { year?: string; month?: string; day?: string };
  Querystring: { page?: string };
};

/**
 * Date archives of one edition: /archive, /archive/<yyyy>, /archive/<yyyy>/<mm>, /archive/<yyyy>/<mm>/<dd>.
 * A segment that is no real date (month 13, February 30, year 99999) is a 404; a real period
 * with nothing in it is a 200 page that says so, since the calendar itself is valid to browse.
 */
export function archiveRoutes(edition: Edition, deps: WebDeps) {
  const { archive, cache, nav } = deps;

  async function send(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, period: ArchivePeriod | undefined, page: number, body: SafeHtml) {
    const title = period ? periodTitle(ctx, period) : t(edition.lang, 'archive');
    const self = archiveUrl(ctx, period);
    const doc = await renderDocument(ctx, nav, {
      title: period ? `${t(edition.lang, 'archive')}: ${title}` : title,
      canonical: pageUrl(self, page),
      body,
      meta: { structuredData: [breadcrumbData(ctx, archiveTrail(ctx, period))] },
    });
    return sendFresh(request, reply, cache, { edition, status: 200, body: doc });
  }

  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/archive', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      return send(request, reply, ctx, undefined, 0, archiveIndexView(ctx, await archive.index(edition)));
    });

    app.get<ArchiveRequest>('/archive/:year', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const period = parseArchivePeriod(request.params.year ?? '');
      return send(request, reply, ctx, period, 0, archiveYearView(ctx, await archive.year(edition, period)));
    });

    app.get<ArchiveRequest>('/archive/:year/:month', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const period = parseArchivePeriod(request.params.year ?? '', request.params.month ?? '');
      const page = parsePageParam(request.query.page);
      return send(request, reply, ctx, period, page, archiveListingView(ctx, await archive.month(edition, period, page)));
    });

    app.get<ArchiveRequest>('/archive/:year/:month/:day', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const period = parseArchivePeriod(request.params.year ?? '', request.params.month ?? '', request.params.day ?? '');
      const page = parsePageParam(request.query.page);
      return send(request, reply, ctx, period, page, archiveListingView(ctx, await archive.day(edition, period, page)));
    });
  };
}
