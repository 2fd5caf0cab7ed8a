import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { redirectTarget } from '../../text/uri-reference.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import type { SiteContext } from '../site-context.ts';
import type { WebDeps } from '../web-deps.ts';

/**
 * Sends a page of the staff area (sign-in, moderation). These hold one person's session, form
 * token and commenters' e-mail addresses, so they are `personal` (no-store, never in the shared
 * page cache) and kept out of search engines by header, since the shared layout has no robots meta.
 */
export async function sendStaffPage(
  request: FastifyRequest, reply: FastifyReply, deps: WebDeps, ctx: SiteContext,
  page: { title: string; body: SafeHtml; status?: number },
): Promise<FastifyReply> {
  const doc = await renderDocument(ctx, deps.nav, { title: page.title, canonical: null, body: page.body });
  reply.header('x-robots-tag', 'noindex, nofollow');
  return sendFresh(request, reply, deps.cache, { edition: ctx.edition, status: page.status ?? 200, body: doc, personal: true });
}

/** A 303 See Other that nobody stores: the browser follows it with a GET, so reloading never re-posts. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', redirectTarget(location)).header('cache-control', 'no-store').send();
}
