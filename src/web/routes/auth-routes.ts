import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { FolioError } from '../../domain/errors.ts';
import { t } from '../../text/messages.ts';
import { SIGN_IN_BODY, type SignInBody } from '../form-schemas.ts';
import { clearSessionCookie, currentUser, SESSION_COOKIE, setSessionCookie } from '../session.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { homeUrl, loginUrl, queueUrl, safeDestination } from '../urls.ts';
import { loginView, logoutView, signedInView } from '../views/login-view.ts';
import { can } from '../../domain/permissions.ts';
import type { WebDeps } from '../web-deps.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';

/**
 * Sign-in attempts one address may make per minute on one edition. Account lockout
 * (MAX_FAILED_LOGINS) stops guessing one password; this stops one address trying many
 * accounts. The limiter keeps a store per route, so each edition counts separately.
 */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

type LoginQuery = { Querystring: { destination?: string } };

/** Signing in and out at /user/login and /user/logout, as Drupal 7 named them. */
export function authRoutes(edition: Edition, deps: WebDeps) {
  async function form(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, values: { name: string; destination: string | null; error: string | null; status: number }) {
    const body = loginView(ctx, { csrfToken: reply.generateCsrf(), name: values.name, destination: values.destination, error: values.error });
    return sendStaffPage(request, reply, deps, ctx, { title: t(ctx.edition.lang, 'signIn'), body, status: values.status });
  }

  return async function register(app: FastifyInstance): Promise<void> {
    expiredFormsAsForbidden(app);

    app.get<LoginQuery>('/user/login', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const user = await currentUser(request, deps);
      if (user) {
        return sendStaffPage(request, reply, deps, ctx, { title: t(edition.lang, 'signIn'), body: signedInView(ctx, user.name, reply.generateCsrf(), user.role) });
      }
      return form(request, reply, ctx, { name: '', destination: safeDestination(request.query.destination), error: null, status: 200 });
    });

    app.post<{ Body: SignInBody }>('/user/login', {
      // groupId: both editions' sign-in forms share one count per address.
      config: { acceptsWrites: true, rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: 60_000, groupId: 'sign-in' } },
      // The token is in the body, which is parsed after onRequest: check it once it is there.
      preValidation: app.csrfProtection,
      schema: { body: SIGN_IN_BODY },
      attachValidation: true,
    }, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      // A body outside the schema (a field that is not text) keeps what can be read: the form again, 400.
      const body: SignInBody = request.body ?? {};
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      const destination = safeDestination(body.destination);
      if (request.validationError) return form(request, reply, ctx, { name, destination, error: t(edition.lang, 'formUnreadable'), status: 400 });
      try {
        const { token, user } = await deps.auth.signIn(name, body.pass ?? '');
        setSessionCookie(request, reply, deps, token);
        // Moderators and editors land on the queue as before; anyone else (a writer, for now) on the
        // signed-in page, rather than on a queue that would refuse them.
        return seeOther(reply, destination ?? (can(user.role, 'moderate comments') ? queueUrl(ctx, 'pending') : loginUrl(ctx)));
      } catch (err) {
        // Wrong password (401) or a locked account (429): the form again, with the name kept.
        if (err instanceof FolioError && (err.code === 'UNAUTHORIZED' || err.code === 'RATE_LIMITED')) {
          return form(request, reply, ctx, { name, destination, error: err.messageIn(edition.lang), status: err.status });
        }
        throw err;
      }
    });

    app.get('/user/logout', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      return sendStaffPage(request, reply, deps, ctx, { title: t(edition.lang, 'signOut'), body: logoutView(ctx, reply.generateCsrf()) });
    });

    app.post('/user/logout', { config: { acceptsWrites: true }, preValidation: app.csrfProtection }, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      await deps.auth.signOut(request.cookies[SESSION_COOKIE]);
      clearSessionCookie(request, reply, deps);
      return seeOther(reply, homeUrl(ctx));
    });
  };
}
