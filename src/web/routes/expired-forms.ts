import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../../domain/errors.ts';
import { MESSAGES } from '../../text/messages.ts';

/** The codes @fastify/csrf-protection fails with: no secret cookie, or a token that does not match it. */
const CSRF_CODES = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN']);

/** What a route plugin adds to the translation: its own plugins' codes, and answers that are not pages. */
export interface FormErrorOptions {
  /** Turns another plugin's error (multipart limits, say) into a FolioError; null leaves it as it is. */
  readonly translate?: (err: FastifyError) => Error | null;
  /** Answers the (translated) error itself (JSON for a script's request, say); null lets it go on to the page. */
  readonly answer?: (error: Error, request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;
}

/**
 * Inside one (encapsulated) route plugin, turns the CSRF plugin's bare 403 into our Forbidden
 * with a message a person can act on ("reload the page"); every error, this one included, is
 * rethrown to the app's handler in web/errors.ts, which stays the one place that makes pages.
 */
export function expiredFormsAsForbidden(app: FastifyInstance, options: FormErrorOptions = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const csrf = typeof err.code === 'string' && CSRF_CODES.has(err.code);
    const error = csrf ? new Forbidden({ en: MESSAGES.en.formOutdated, ar: MESSAGES.ar.formOutdated }) : options.translate?.(err) ?? err;
    const answered = options.answer?.(error, request, reply);
    if (answered) return answered;
    throw error;
  });
}
