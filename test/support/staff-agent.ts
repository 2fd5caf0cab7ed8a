import type { FastifyInstance } from 'fastify';
import { socketRequest } from './socket-client.ts';

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

/** A server listening on 127.0.0.1 that trusts 127.0.0.1 as its proxy (FOLIO_TRUST_PROXY). */
export interface ListeningServer {
  readonly port: number;
}

/**
 * A browser in miniature for app.inject, or for a real socket: it keeps cookies between requests
 * (dropping the ones a response clears) and comes from its own address (through X-Forwarded-For
 * on a socket), so each test has its own sign-in rate limit.
 */
export class StaffAgent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance | ListeningServer, readonly ip: string) {}

  /** GET a URL (its non-ASCII characters, such as Arabic paths, are percent-encoded here). */
  get(url: string): Promise<AgentResponse> {
    return this.request('GET', url);
  }

  /** POST a form, urlencoded as a browser sends it. */
  post(url: string, fields: Readonly<Record<string, string>>): Promise<AgentResponse> {
    return this.request('POST', url, new URLSearchParams(fields as Record<string, string>).toString());
  }

  /** POST a multipart form (fields, then one file), as a browser sends a form with a file input. */
  postMultipart(url: string, fields: Readonly<Record<string, string>>, file: { field: string; fileName: string; type: string; bytes: Buffer } | null): Promise<AgentResponse> {
    const boundary = `----folio${Math.random().toString(36).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request('POST', url, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
  }

  /** GETs the sign-in page, then signs in; resolves to the POST's answer. */
  async signIn(name: string, password: string, prefix = '', extra: Readonly<Record<string, string>> = {}): Promise<AgentResponse> {
    const form = await this.get(`${prefix}/user/login`);
    return this.post(`${prefix}/user/login`, { name, pass: password, _csrf: csrfTokenIn(form.body), ...extra });
  }

  private async request(method: 'GET' | 'POST', url: string, payload?: string | Buffer, contentType = 'application/x-www-form-urlencoded'): Promise<AgentResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = contentType;
    const path = url.replace(/[^\x00-\x7f]+/g, (c) => encodeURIComponent(c));
    if ('port' in this.app) {
      const res = await socketRequest(this.app.port, { method, path, headers: { ...headers, 'x-forwarded-for': this.ip }, ...(payload !== undefined ? { body: payload } : {}) });
      const setCookies = new Map<string, string>();
      for (const line of res.headers['set-cookie'] ?? []) {
        const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
        const name = pair.slice(0, pair.indexOf('='));
        const value = pair.slice(pair.indexOf('=') + 1);
        const cleared = value === '' || attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
        setCookies.set(name, cleared ? '' : value);
        if (cleared) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      return { status: res.status, headers: res.headers as AgentResponse['headers'], body: res.body, setCookies };
    }
    const res = await this.app.inject({ method, url: path, headers, remoteAddress: this.ip, ...(payload !== undefined ? { payload } : {}) });
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
