import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers, worked out once. @fastify/helmet built helmet's middleware again on every
 * request (parsing the CSP directives each time): about 6 % of a comment post's CPU. Our options
 * hold nothing that depends on the request (no nonces), so the headers are the same for every
 * response and are set from this list.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string) {
      headers.push([name, value]);
      return recorder;
    },
    // Helmet removes X-Powered-By, which neither Node nor Fastify sets.
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.freeze(headers.map((h) => Object.freeze(h)));
}
