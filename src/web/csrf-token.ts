import Tokens from '@fastify/csrf';
import type { FastifyRequest } from 'fastify';

/** The cookie holding a browser's CSRF secret (set by @fastify/csrf-protection, see app.ts). */
export const CSRF_COOKIE = 'folio_csrf';

const tokens = Tokens();

/**
 * Whether a form's `_csrf` token matches this browser's secret: the check the CSRF plugin's
 * preValidation makes, as a predicate. The comment form needs it as one, because the same route
 * takes visitors' posts (checked by the form token instead) and staff posts (which must carry a
 * valid CSRF token, or anyone could make a signed-in editor publish without moderation).
 */
export function hasValidCsrfToken(request: FastifyRequest, token: string | undefined): boolean {
  const secret = request.cookies[CSRF_COOKIE];
  return typeof secret === 'string' && secret !== '' && typeof token === 'string' && tokens.verify(secret, token);
}
