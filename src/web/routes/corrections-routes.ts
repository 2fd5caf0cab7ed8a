import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import type { FeedDocument } from '../../feed/feed-document.ts';
import type { ArticleCorrection } from '../../services/corrections-service.ts';
import { t } from '../../text/messages.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { absoluteUrl, correctionsFeedUrl, correctionsUrl, nodeUrl } from '../urls.ts';
import { correctionsView } from '../views/corrections-view.ts';
import type { WebDeps } from '../web-deps.ts';
import { FeedSender } from '../feed-sender.ts';

function correctionsDoc(ctx: SiteContext, items: readonly ArticleCorrection[]): FeedDocument {
  const title = t(ctx.edition.lang, 'correctionsTitle');
  return {
    title: `${title} | ${ctx.edition.siteName}`,
    link: absoluteUrl(ctx, correctionsUrl(ctx)),
    self: absoluteUrl(ctx, correctionsFeedUrl(ctx)),
    description: t(ctx.edition.lang, 'correctionsIntro'),
    language: ctx.edition.lang,
    entries: items.map(({ entry, article }) => ({
      title: entry.title,
      // Each correction is its own entry: the article's URL with the correction's anchor.
      link: absoluteUrl(ctx, `${nodeUrl(ctx, article)}#correction-${entry.id}`),
      published: entry.publishedAt,
      authors: [],
      categories: [t(ctx.edition.lang, entry.kind)],
      summary: '',
      htmlContent: entry.bodyHtml.html,
    })),
  };
}

/** /corrections and /corrections/feed: every correction and update of the edition's articles. */
export function correctionsRoutes(edition: Edition, deps: WebDeps) {
  const feeds = new FeedSender(edition, deps, undefined);
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/corrections', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const items = await deps.corrections.list(edition);
      const feed = correctionsFeedUrl(ctx);
      const doc = await renderDocument(ctx, deps.nav, { title: t(edition.lang, 'correctionsTitle'), canonical: correctionsUrl(ctx), body: correctionsView(ctx, items, feed), feed });
      return sendFresh(request, reply, deps.cache, { edition, status: 200, body: doc });
    });

    app.get('/corrections/feed', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      return feeds.send(request, reply, correctionsDoc(ctx, await deps.corrections.list(edition)));
    });
  };
}
