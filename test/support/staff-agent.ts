import type { FastifyInstance } from 'fastify';

/** What one request answered, with the body as text. */
export interface AgentResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
  /** The cookies this response set, by name ('' when it cleared one). */
  readonly setCookies: ReadonlyMap<string, string>;
}

/** The CSRF token in a page's first form. */
export function csrfTokenIn(body: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
  if (!token) throw new Error('no _csrf field on this page');
  return token;
}

/**
 * A browser in miniature for app.inject: it keeps cookies between requests (dropping the ones a
 * response clears) and comes from its own address, so each test has its own sign-in rate limit.
 */
export class StaffAgent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance, readonly ip: string) {}

  /** GET a URL (its non-ASCII characters, such as Arabic paths, are percent-encoded here). */
  get(url: string): Promise<AgentResponse> {
    return this.request('GET', url);
  }

  /** POST a form, urlencoded as a browser sends it. */
  post(url: string, fields: Readonly<Record<string, string>>): Promise<AgentResponse> {
    return this.request('POST', url, new URLSearchParams(fields as Record<string, string>).toString());
  }

  /** GETs the sign-in page, then signs in; resolves to the POST's answer. */
  async signIn(name: string, password: string, prefix = '', extra: Readonly<Record<string, string>> = {}): Promise<AgentResponse> {
    const form = await this.get(`${prefix}/user/login`);
    return this.post(`${prefix}/user/login`, { name, pass: password, _csrf: csrfTokenIn(form.body), ...extra });
  }

  private async request(method: 'GET' | 'POST', url: string, payload?: string): Promise<AgentResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await this.app.inject({ method, url: url.replace(/[^\x00-\x7f]+/g, (c) => encodeURIComponent(c)), headers, remoteAddress: this.ip, ...(payload !== undefined ? { payload } : {}) });
    const setCookies = new Map<string, string>();
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const cleared = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      setCookies.set(c.name, cleared ? '' : c.value);
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return { status: res.statusCode, headers: res.headers, body: res.body, setCookies };
  }
}
