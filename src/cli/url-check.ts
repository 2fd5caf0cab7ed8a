import type { FastifyInstance } from 'fastify';

/** What Folio answers for one legacy URL, following its redirects. */
export interface UrlAnswer {
  readonly url: string;
  /** The first answer's status (200, 301, 410, 404…). */
  readonly status: number;
  /** Where the redirects ended, and what that answered. */
  readonly finalPath: string;
  readonly finalStatus: number;
  readonly hops: number;
}

const MAX_HOPS = 5;

/** The path and query of a URL as the old site received it ("http://host/a?b" → "/a?b"). */
export function requestPathOf(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  try {
    const parsed = new URL(trimmed, 'http://legacy.invalid');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return null;
  }
}

/** Asks the app, in process, what it answers for a URL, following up to five redirects. */
export async function checkUrl(app: FastifyInstance, url: string): Promise<UrlAnswer> {
  let path = requestPathOf(url) ?? '/';
  let first: number | null = null;
  for (let hops = 0; ; hops++) {
    const res = await app.inject({ method: 'GET', url: path });
    first ??= res.statusCode;
    const location = res.headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string' && hops < MAX_HOPS) {
      const next = new URL(location, 'http://legacy.invalid');
      path = `${next.pathname}${next.search}`;
      continue;
    }
    return { url, status: first, finalPath: path, finalStatus: res.statusCode, hops };
  }
}

/** A URL "breaks" when, after its redirects, it ends anywhere but a page or a deliberate 410. */
export function isBroken(answer: UrlAnswer): boolean {
  return answer.finalStatus !== 200 && answer.finalStatus !== 410;
}
