import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { longTips, tipString } from '../../filter/index.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import { absoluteUrl, homeUrl, tipsUrl } from '../urls.ts';
import { filterTipsView } from '../views/filter-tips-view.ts';
import type { WebDeps } from '../web-deps.ts';

/**
 * The long format tips at /filter/tips, where "More information about formatting options" under
 * every comment form leads. The same for every reader, so it is cached like any public page.
 */
export function tipsRoutes(edition: Edition, deps: WebDeps) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/filter/tips', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      // Drupal's "a" example links to the site itself, with the site's name as its text.
      const tips = longTips('filtered_html', edition.lang, { baseUrl: absoluteUrl(ctx, homeUrl(ctx)), siteName: edition.siteName });
      const title = tipString('composeTips', edition.lang);
      const doc = await renderDocument(ctx, deps.nav, { title, canonical: tipsUrl(ctx), body: filterTipsView(ctx, tips) });
      return sendFresh(request, reply, deps.cache, { edition, status: 200, body: doc });
    });
  };
}
