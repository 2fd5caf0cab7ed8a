import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseCommentForm, type CommentErrors, type CommentFormValues } from '../../domain/comment-form.ts';
import { refusesComments, type Edition } from '../../domain/edition.ts';
import type { CommentContext, CommentSubmission, RenderedComment } from '../../services/comment-service.ts';
import { t } from '../../text/messages.ts';
import { INVALID_UTF8_KEY, type ParsedForm } from '../form-parser.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { currentUser } from '../session.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl } from '../urls.ts';
import { EMPTY_COMMENT, type CommentFormModel } from '../views/comment-form-view.ts';
import { commentPageView } from '../views/comment-page-view.ts';
import type { WebDeps } from '../web-deps.ts';

type ReplyParams = { Params: { nid: string; pid?: string } };
const ID = '(^\\d{1,10}$)';

/** Reading and posting comments: /comment/reply/<nid>[/<pid>], GET for the form, POST to preview or save. */
export function commentRoutes(edition: Edition, deps: WebDeps) {
  async function page(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, options: {
    status: number; context: CommentContext; values: CommentFormValues; errors: CommentErrors; formToken: string;
    preview: { rendered: RenderedComment; author: string } | null;
  }) {
    const lang = ctx.edition.lang;
    const { context } = options;
    const action = `${ctx.prefix}/comment/reply/${context.target.nid}${context.parent ? `/${context.parent.cid}` : ''}`;
    const form: CommentFormModel | null = refusesComments(context.policy) ? null : {
      action, formToken: options.formToken, values: options.values, errors: options.errors, signedInAs: null,
      heading: context.parent ? 'replyToComment' : 'postNewComment',
    };
    const title = options.preview ? t(lang, 'previewComment') : t(lang, context.parent ? 'replyToComment' : 'addNewComment');
    const body = commentPageView(ctx, { title, context, preview: options.preview, form });
    const doc = await renderDocument(ctx, deps.nav, { title, canonical: null, body });
    // What the reader typed may be on this page: it is never cached, here or by anyone.
    return sendFresh(request, reply, deps.cache, { edition, status: options.status, body: doc, personal: true });
  }

  return async function register(app: FastifyInstance): Promise<void> {
    const url = `/comment/reply/:nid${ID}`;
    const urlWithParent = `/comment/reply/:nid${ID}/:pid${ID}`;

    const showForm = async (request: FastifyRequest<ReplyParams>, reply: FastifyReply) => {
      const ctx = siteContextFor(request, edition, deps);
      const nid = Number(request.params.nid);
      const context = await deps.comments.context(edition, nid, request.params.pid ? Number(request.params.pid) : null);
      return page(request, reply, ctx, { status: 200, context, values: EMPTY_COMMENT, errors: {}, formToken: deps.comments.formToken(nid), preview: null });
    };

    const submit = async (request: FastifyRequest<ReplyParams>, reply: FastifyReply) => {
      const ctx = siteContextFor(request, edition, deps);
      const nid = Number(request.params.nid);
      const pid = request.params.pid ? Number(request.params.pid) : null;
      const body = (request.body ?? {}) as ParsedForm;
      const values = normaliseCommentForm(body as Record<string, unknown>);
      const context = await deps.comments.context(edition, nid, pid);
      const user = await currentUser(request, deps);
      const submission: CommentSubmission = {
        edition, nid, pid, values, formToken: body.form_token ?? '', honeypot: body.website ?? '', ip: request.ip,
        // The inline form on cached pages carries no CSRF token, so it always posts as a visitor;
        // staff accounts comment as themselves only through forms that carry one (see moderation).
        user: user && body._csrf ? user : null,
        invalidUtf8: body[INVALID_UTF8_KEY] ?? [],
      };
      if (body.op === 'preview') {
        const { errors, rendered } = await deps.comments.preview(submission);
        return page(request, reply, ctx, {
          status: Object.keys(errors).length > 0 ? 400 : 200, context, values, errors, formToken: submission.formToken,
          preview: rendered ? { rendered, author: `${values.name || 'Anonymous'}${t(edition.lang, 'notVerified')}` } : null,
        });
      }
      const outcome = await deps.comments.post(submission, context);
      if (outcome.kind === 'refused') {
        return page(request, reply, ctx, { status: outcome.status, context, values, errors: outcome.errors, formToken: submission.formToken, preview: null });
      }
      const target = nodeUrl(ctx, outcome.target);
      const location = outcome.published
        ? `${target}?${outcome.page > 0 ? `page=${outcome.page}&` : ''}comment=posted#comment-${outcome.cid}`
        : `${target}?comment=queued#comment-form`;
      // 303: the browser follows with a GET, so reloading the result never posts twice.
      return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
    };

    app.get(url, showForm);
    app.get(urlWithParent, showForm);
    app.post(url, { config: { acceptsWrites: true } }, submit);
    app.post(urlWithParent, { config: { acceptsWrites: true } }, submit);
  };
}
