import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOGUE } from '../../domain/errors.ts';
import { t } from '../../text/messages.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import type { SiteContext } from '../site-context.ts';
import { errorView } from '../views/error-view.ts';
import type { WebDeps } from '../web-deps.ts';

/**
 * Feed URLs exist (every listing links its "Syndicate content") but feeds are a later piece of
 * work; until then they answer 501 with a page that says so, rather than an empty feed.
 */
export async function feedNotReady(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, deps: WebDeps, listingUrl: string) {
  const lang = ctx.edition.lang;
  const title = ERROR_CATALOGUE.NOT_IMPLEMENTED.title[lang];
  const body = errorView(ctx, title, t(lang, 'feedUnavailable', { listing: listingUrl }), 501);
  const doc = await renderDocument(ctx, deps.nav, { title, canonical: null, body });
  return sendFresh(request, reply, deps.cache, { edition: ctx.edition, status: 501, body: doc, cache: false });
}
