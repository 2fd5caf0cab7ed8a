import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NodeDetail } from '../../domain/content.ts';
import { tn } from '../../text/newsroom-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { editArticleUrl, nodeUrl } from '../urls.ts';
import { articlePageView } from '../views/article-page-view.ts';
import { html } from '../views/html.ts';
import type { WebDeps } from '../web-deps.ts';
import { sendStaffPage } from './send-staff-page.ts';

/**
 * An article as readers will see it, through the real article template, under a banner that
 * says it is a preview. Sent as a staff page: never cached, never indexed. No comments, related
 * items or versions: those are readers' and history's, and a draft has none.
 */
export async function sendPreview(request: FastifyRequest, reply: FastifyReply, deps: WebDeps, ctx: SiteContext, node: NodeDetail): Promise<FastifyReply> {
  const lang = ctx.edition.lang;
  const model = {
    node, comments: { items: [], page: 0, pageSize: 50, total: 0 }, landingItems: [], corrections: [], translations: [],
    commentAccess: { form: 'none' as const, replies: false }, formToken: null, related: null, history: { versions: [], corrections: [] },
  };
  const body = html`<div class="preview-banner messages" role="status"><p>${tn(lang, 'previewBanner')} <a href="${editArticleUrl(ctx, node.nid)}">${tn(lang, 'backToEdit')}</a></p></div>
${articlePageView(ctx, model, nodeUrl(ctx, node), { status: null, versions: [] })}`;
  return sendStaffPage(request, reply, deps, ctx, { title: `${tn(lang, 'preview')}: ${node.title}`, body });
}
