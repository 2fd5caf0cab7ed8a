import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

/** One answer read off a real socket. */
export interface SocketResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** The options of one request over a real socket. */
export interface SocketRequest {
  readonly method?: string;
  /** Sent exactly as given: percent-encoded or not, as a client put it on the wire. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/**
 * One request to 127.0.0.1:port through Node's HTTP client, on a fresh connection. Unlike
 * app.inject, the server's response headers pass Node's own checks on the way out, so a header
 * a socket refuses fails here as it would for a reader.
 */
export function socketRequest(port: number, options: SocketRequest): Promise<SocketResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${options.path} in 15 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Raw bytes as a request line and headers (for what Node's client will not send, such as
 * unencoded UTF-8 in the path); resolves to the status code, or 0 when the server closed the
 * connection without answering.
 */
export function rawRequest(port: number, head: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'))?.[1] ?? 0)));
    socket.on('error', reject);
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer in 15 s')));
  });
}

/** Whether every response header is one a socket carries: printable ASCII (plus tab) only. */
export function headersAreWireSafe(headers: IncomingHttpHeaders): string[] {
  const bad: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) if (!/^[\t\x20-\x7e]*$/.test(v)) bad.push(`${name}: ${v}`);
  }
  return bad;
}
