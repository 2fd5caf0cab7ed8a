import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { siteContextFor } from '../site-context-for.ts';
import { blogIndexUrl, feedUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { feedFormat, type FeedQuery, type FeedSender } from '../feed-sender.ts';

/** Feed routes with fixed shapes: /rss.xml, /taxonomy/term/<tid>/feed, /blog/feed and comment feeds. Aliased listings' `<listing>/feed` come through public-routes' catch-all. */
export function feedRoutes(edition: Edition, deps: WebDeps, feeds: FeedSender) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get<FeedQuery>('/rss.xml', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      feedFormat(request);
      return feeds.send(request, reply, await feeds.frontDoc(ctx));
    });

    app.get<FeedQuery & { Params: { tid: string } }>('/taxonomy/term/:tid(^\\d{1,10}$)/feed', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const tid = Number(request.params.tid);
      const canonical = (await deps.reader.canonicalPath(edition, { targetType: 'term', targetId: tid })) ?? `taxonomy/term/${tid}`;
      return feeds.sendTarget(request, reply, ctx, { targetType: 'term', targetId: tid, canonical: true }, canonical);
    });

    app.get<FeedQuery>('/blog/feed', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      feedFormat(request);
      const listing = await deps.reader.allBlogPosts(edition, 0);
      return feeds.send(request, reply, await feeds.listingDoc(ctx, listing, blogIndexUrl(ctx), feedUrl(ctx, blogIndexUrl(ctx))));
    });

    app.get<FeedQuery & { Params: { nid: string } }>('/comment/feed/:nid(^\\d{1,10}$)', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      feedFormat(request);
      return feeds.send(request, reply, await feeds.commentsDoc(ctx, Number(request.params.nid)));
    });

  };
}
