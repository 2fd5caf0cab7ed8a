import type { FastifyError, FastifyInstance } from 'fastify';
import { Forbidden } from '../../domain/errors.ts';
import { MESSAGES } from '../../text/messages.ts';

/** The codes @fastify/csrf-protection fails with: no secret cookie, or a token that does not match it. */
const CSRF_CODES = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN']);

/**
 * Inside one (encapsulated) route plugin, turns the CSRF plugin's bare 403 into our Forbidden
 * with a message a person can act on ("reload the page"); every error, this one included, is
 * rethrown to the app's handler in web/errors.ts, which stays the one place that makes pages.
 */
export function expiredFormsAsForbidden(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, _request, _reply) => {
    if (typeof err.code === 'string' && CSRF_CODES.has(err.code)) {
      throw new Forbidden({ en: MESSAGES.en.formOutdated, ar: MESSAGES.ar.formOutdated });
    }
    throw err;
  });
}
