import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserRecord } from '../services/auth-service.ts';
import { SESSION_SECONDS } from '../services/auth-service.ts';
import type { WebDeps } from './web-deps.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'folio_session';

const loaded = new WeakMap<FastifyRequest, Promise<UserRecord | null>>();

/** The signed-in user of a request (looked up once per request), or null. */
export function currentUser(request: FastifyRequest, deps: Pick<WebDeps, 'auth'>): Promise<UserRecord | null> {
  let user = loaded.get(request);
  if (!user) {
    user = deps.auth.userForToken(request.cookies[SESSION_COOKIE]).then((u) => u ?? null);
    loaded.set(request, user);
  }
  return user;
}

function secure(request: FastifyRequest, deps: Pick<WebDeps, 'config'>): boolean {
  return deps.config.secureCookies === 'always' || request.protocol === 'https';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure on HTTPS (or always, by config). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, deps: Pick<WebDeps, 'config'>, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request, deps), maxAge: SESSION_SECONDS });
}

/** Removes the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, deps: Pick<WebDeps, 'config'>): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request, deps) });
}
