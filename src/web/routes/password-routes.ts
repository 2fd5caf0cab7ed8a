import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { FolioError } from '../../domain/errors.ts';
import { tp } from '../../text/people-messages.ts';
import type { ParsedForm } from '../form-parser.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { absoluteUrl } from '../urls.ts';
import { doneView, invitationView, linkInvalidView, passwordRequestView, passwordSentView, resetFormView } from '../views/password-views.ts';
import { resetUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { sendStaffPage } from './send-staff-page.ts';

/**
 * Reset requests one address may make per minute (shared by both editions): each one may send
 * mail, so this keeps the form from being used to flood someone's inbox.
 */
export const RESET_REQUESTS_PER_MINUTE = 5;
/** Tries at a one-time link per address and minute: its 256 random bits cannot be guessed, but nobody should try. */
export const TOKEN_TRIES_PER_MINUTE = 10;

/** A one-time link's token: 32 random bytes in base64url, nothing else reaches the store. */
const TOKEN = ':token(^[A-Za-z0-9_-]{43}$)';

type TokenParams = { Params: { token: string } };

/** The "forgotten password" form, reset links and invitation links, at Drupal 7's /user/password and beside it. */
export function passwordRoutes(edition: Edition, deps: WebDeps) {
  const lang = edition.lang;
  const send = (request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, title: string, body: ReturnType<typeof doneView>, status = 200) =>
    sendStaffPage(request, reply, deps, ctx, { title, body, status });

  return async function register(app: FastifyInstance): Promise<void> {
    expiredFormsAsForbidden(app);
    const limited = (max: number, groupId: string) => ({ config: { acceptsWrites: true, rateLimit: { max, timeWindow: 60_000, groupId } }, preValidation: app.csrfProtection });

    app.get('/user/password', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      return send(request, reply, ctx, tp(lang, 'passwordTitle'), passwordRequestView(ctx, reply.generateCsrf()));
    });

    app.post('/user/password', limited(RESET_REQUESTS_PER_MINUTE, 'password-reset'), async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const name = ((request.body ?? {}) as ParsedForm).name ?? '';
      await deps.people.requestReset(name, (token) => absoluteUrl(ctx, resetUrl(ctx, token)));
      // The same page whatever was typed: it must not tell anyone which names or addresses exist.
      return send(request, reply, ctx, tp(lang, 'passwordTitle'), passwordSentView(ctx));
    });

    app.get<TokenParams>(`/user/reset/${TOKEN}`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      if (!(await deps.people.resetIsValid(request.params.token))) return send(request, reply, ctx, tp(lang, 'resetTitle'), linkInvalidView(ctx, 'reset'), 404);
      return send(request, reply, ctx, tp(lang, 'resetTitle'), resetFormView(ctx, { token: request.params.token, csrfToken: reply.generateCsrf(), error: null }));
    });

    app.post<TokenParams>(`/user/reset/${TOKEN}`, limited(TOKEN_TRIES_PER_MINUTE, 'one-time-link'), async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const body = (request.body ?? {}) as ParsedForm;
      const token = request.params.token;
      const again = (error: string, status: number) => send(request, reply, ctx, tp(lang, 'resetTitle'), resetFormView(ctx, { token, csrfToken: reply.generateCsrf(), error }), status);
      if ((body.pass ?? '') !== (body.pass2 ?? '')) return again(tp(lang, 'resetMismatch'), 400);
      try {
        await deps.people.resetPassword(token, body.pass ?? '');
      } catch (err) {
        if (err instanceof FolioError && err.code === 'INVALID') return again(err.messageIn(lang), err.status);
        if (err instanceof FolioError && err.code === 'NOT_FOUND') return send(request, reply, ctx, tp(lang, 'resetTitle'), linkInvalidView(ctx, 'reset'), 404);
        throw err;
      }
      return send(request, reply, ctx, tp(lang, 'resetTitle'), doneView(ctx, 'reset'));
    });

    app.get<TokenParams>(`/user/invite/${TOKEN}`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const invitation = await deps.people.invitation(request.params.token);
      if (!invitation) return send(request, reply, ctx, tp(lang, 'inviteAcceptTitle'), linkInvalidView(ctx, 'invite'), 404);
      const body = invitationView(ctx, { token: request.params.token, role: invitation.role, name: '', csrfToken: reply.generateCsrf(), error: null });
      return send(request, reply, ctx, tp(lang, 'inviteAcceptTitle'), body);
    });

    app.post<TokenParams>(`/user/invite/${TOKEN}`, limited(TOKEN_TRIES_PER_MINUTE, 'one-time-link'), async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const token = request.params.token;
      const form = (request.body ?? {}) as ParsedForm;
      const name = (form.name ?? '').trim();
      const invitation = await deps.people.invitation(token);
      if (!invitation) return send(request, reply, ctx, tp(lang, 'inviteAcceptTitle'), linkInvalidView(ctx, 'invite'), 404);
      const again = (error: string, status: number) => send(request, reply, ctx, tp(lang, 'inviteAcceptTitle'),
        invitationView(ctx, { token, role: invitation.role, name, csrfToken: reply.generateCsrf(), error }), status);
      if ((form.pass ?? '') !== (form.pass2 ?? '')) return again(tp(lang, 'resetMismatch'), 400);
      try {
        await deps.people.acceptInvitation(token, { name, password: form.pass ?? '' });
      } catch (err) {
        if (err instanceof FolioError && err.code === 'INVALID') return again(err.messageIn(lang), err.status);
        if (err instanceof FolioError && err.code === 'NOT_FOUND') return send(request, reply, ctx, tp(lang, 'inviteAcceptTitle'), linkInvalidView(ctx, 'invite'), 404);
        throw err;
      }
      return send(request, reply, ctx, tp(lang, 'inviteAcceptTitle'), doneView(ctx, 'invite'));
    });
  };
}
