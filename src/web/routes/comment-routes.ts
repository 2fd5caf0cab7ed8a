import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseCommentForm, type CommentErrors, type CommentFormValues } from '../../domain/comment-form.ts';
import { refusesComments, type Edition } from '../../domain/edition.ts';
import { RETRY_AFTER_SECONDS, STORAGE_FULL_RETRY_AFTER_SECONDS, StorageFull, Unavailable } from '../../domain/errors.ts';
import type { CommentContext, CommentSubmission, RenderedComment } from '../../services/comment-service.ts';
import { MESSAGES, t } from '../../text/messages.ts';
import type { UserRecord } from '../../services/auth-service.ts';
import { hasValidCsrfToken } from '../csrf-token.ts';
import { INVALID_UTF8_KEY } from '../form-parser.ts';
import { COMMENT_FORM_BODY, type CommentFormBody } from '../form-schemas.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { currentUser } from '../session.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { commentReplyUrl, nodeUrl } from '../urls.ts';
import { seeOther } from './send-staff-page.ts';
import { EMPTY_COMMENT, type CommentFormModel } from '../views/comment-form-view.ts';
import { commentPageView } from '../views/comment-page-view.ts';
import type { WebDeps } from '../web-deps.ts';

type ReplyParams = { Params: { nid: string; pid?: string } };
type ReplyPost = ReplyParams & { Body: CommentFormBody | undefined };
const ID = '(^\\d{1,10}$)';

/**
 * What the form page needs when the database cannot say more: the node by id, and the parent
 * by id only (its text is not shown), so the form posts to the same place once it is back.
 */
function offlineContext(edition: Edition, nid: number, pid: number | null): CommentContext {
  return {
    target: { nid, edition: edition.code, title: `#${nid}`, path: null, kind: 'article', commentPolicy: null },
    policy: edition.commentPolicy,
    parent: pid === null ? null : { cid: pid, name: '', subject: '', bodyHtml: null },
  };
}

/** A body field as text: what the form sent, or '' when it sent something else. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reading and posting comments: /comment/reply/<nid>[/<pid>], GET for the form, POST to preview or save. */
export function commentRoutes(edition: Edition, deps: WebDeps) {
  async function page(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, options: {
    status: number; context: CommentContext; values: CommentFormValues; errors: CommentErrors; formToken: string;
    preview: { rendered: RenderedComment; author: string } | null;
    /** A signed-in user on this (uncached) page posts as themselves, with a CSRF token. */
    staff: UserRecord | null;
  }) {
    const lang = ctx.edition.lang;
    const { context } = options;
    const action = commentReplyUrl(ctx, context.target.nid, context.parent?.cid);
    const form: CommentFormModel | null = refusesComments(context.policy) ? null : {
      action, formToken: options.formToken, values: options.values, errors: options.errors,
      signedInAs: options.staff?.name ?? null, csrfToken: options.staff ? reply.generateCsrf() : null,
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
      const staff = await currentUser(request, deps);
      return page(request, reply, ctx, { status: 200, context, values: EMPTY_COMMENT, errors: {}, formToken: deps.comments.formToken(nid), preview: null, staff });
    };

    const submit = async (request: FastifyRequest<ReplyPost>, reply: FastifyReply) => {
      const body: CommentFormBody = request.body ?? {};
      // normaliseCommentForm reads strings only, so a field of another type comes back empty, never as "[object Object]".
      const values = normaliseCommentForm(body);
      try {
        if (request.validationError) return await unreadable(request, reply, body, values);
        return await submitValues(request, reply, body, values);
      } catch (err) {
        // The database did not answer, or its disk is full: nothing was saved, and the reader keeps
        // every word typed, on a form that needs nothing from the database to be drawn again.
        if (!(err instanceof Unavailable) && !(err instanceof StorageFull)) throw err;
        const full = err instanceof StorageFull;
        if (full) request.log.error({ err: err.cause ?? err }, 'database disk full: comment form sent back with 507');
        else request.log.warn({ err: err.cause ?? err }, 'database unavailable: comment form sent back with 503');
        const nid = Number(request.params.nid);
        const pid = request.params.pid ? Number(request.params.pid) : null;
        reply.header('retry-after', String(full ? STORAGE_FULL_RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS));
        return page(request, reply, siteContextFor(request, edition, deps), {
          status: err.status, context: offlineContext(edition, nid, pid), values, errors: { form: err.localized }, formToken: textOf(body.form_token), preview: null, staff: null,
        });
      }
    };

    /** A body outside COMMENT_FORM_BODY: nothing is saved; the form again, 400, with what the reader wrote. */
    const unreadable = async (request: FastifyRequest<ReplyPost>, reply: FastifyReply, body: CommentFormBody, values: CommentFormValues) => {
      const nid = Number(request.params.nid);
      const context = await deps.comments.context(edition, nid, request.params.pid ? Number(request.params.pid) : null);
      const formToken = textOf(body.form_token) || deps.comments.formToken(nid);
      return page(request, reply, siteContextFor(request, edition, deps), {
        status: 400, context, values, errors: { form: { en: MESSAGES.en.formUnreadable, ar: MESSAGES.ar.formUnreadable } }, formToken, preview: null, staff: null,
      });
    };

    const submitValues = async (request: FastifyRequest<ReplyPost>, reply: FastifyReply, body: CommentFormBody, values: CommentFormValues) => {
      const ctx = siteContextFor(request, edition, deps);
      const nid = Number(request.params.nid);
      const pid = request.params.pid ? Number(request.params.pid) : null;
      const context = await deps.comments.context(edition, nid, pid);
      const user = await currentUser(request, deps);
      // The inline form on cached pages carries no CSRF token, so it always posts as a visitor,
      // through the form token, moderation and the anti-abuse checks. A signed-in user posts as
      // themselves only from the reply page, which carries a CSRF token; a token that does not
      // match is refused (a forged post must not publish past moderation), with the text kept.
      const staff = user && body._csrf !== undefined ? user : null;
      const submission: CommentSubmission = {
        edition, nid, pid, values, formToken: body.form_token ?? '', honeypot: body.website ?? '', ip: request.ip,
        user: staff, invalidUtf8: [...(body[INVALID_UTF8_KEY] ?? [])],
      };
      if (staff && !hasValidCsrfToken(request, body._csrf)) {
        return page(request, reply, ctx, {
          status: 403, context, values, errors: { form: { en: MESSAGES.en.formOutdated, ar: MESSAGES.ar.formOutdated } }, formToken: submission.formToken, preview: null, staff,
        });
      }
      if (body.op === 'preview') {
        const { errors, rendered } = await deps.comments.preview(submission);
        return page(request, reply, ctx, {
          status: Object.keys(errors).length > 0 ? 400 : 200, context, values, errors, formToken: submission.formToken,
          preview: rendered ? { rendered, author: staff ? staff.name : `${values.name || 'Anonymous'}${t(edition.lang, 'notVerified')}` } : null, staff,
        });
      }
      const outcome = await deps.comments.post(submission, context);
      // The writer thread answers a whole group commit at once: the 303s take their turns too,
      // rather than all going out while the page reads that arrived meanwhile wait.
      await deps.postTurns.turn();
      if (outcome.kind === 'refused') {
        return page(request, reply, ctx, { status: outcome.status, context, values, errors: outcome.errors, formToken: submission.formToken, preview: null, staff });
      }
      const target = nodeUrl(ctx, outcome.target);
      const location = outcome.published
        ? `${target}?${outcome.page > 0 ? `page=${outcome.page}&` : ''}comment=posted#comment-${outcome.cid}`
        : `${target}?comment=queued#comment-form`;
      // 303: the browser follows with a GET, so reloading the result never posts twice.
      return seeOther(reply, location);
    };

    app.get(url, showForm);
    app.get(urlWithParent, showForm);
    // A post waits for its turn before its body is parsed: parsing, validation and the filter are
    // most of its cost, and page reads that arrive meanwhile go first (turn-gate.ts).
    const posting = {
      config: { acceptsWrites: true }, schema: { body: COMMENT_FORM_BODY }, attachValidation: true,
      preParsing: async (_request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
        await deps.postTurns.turn();
        return payload;
      },
    };
    app.post<ReplyPost>(url, posting, submit);
    app.post<ReplyPost>(urlWithParent, posting, submit);
  };
}
