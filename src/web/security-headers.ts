import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** Helmet's settings for every Folio response. */
const HELMET_OPTIONS: HelmetOptions = {
  // No inline script or style anywhere: a filter bug alone cannot run code in a reader's page.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers helmet sets for Folio's policy, computed once. The policy has no nonces and does
 * not depend on the request, so every response gets the same list; @fastify/helmet rebuilt the
 * whole middleware (parsing the CSP directives again) on every request, about 80 µs of a
 * cache-miss page (issue 14).
 */
export function securityHeaders(): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const capture = {
    setHeader(name: string, value: string | number) {
      headers.push([name.toLowerCase(), String(value)]);
    },
    // Helmet removes X-Powered-By, which Node and Fastify never set.
    removeHeader() {},
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, capture as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
