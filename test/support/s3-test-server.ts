import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stored object. */
export interface S3Object {
  readonly bytes: Buffer;
  readonly type: string;
  readonly cacheControl: string | undefined;
}

/**
 * A minimal S3-compatible server for tests, path-style (`/<bucket>/<key>`): PUT stores an object,
 * GET and HEAD answer it (or S3's 404 NoSuchKey), DELETE removes it (204 either way, as S3 does).
 * It records each request's Authorization header, so a test can see the SDK signed them.
 */
export class S3TestServer {
  readonly objects = new Map<string, S3Object>();
  readonly authorizations: string[] = [];
  private server: Server | null = null;

  constructor(readonly bucket: string) {}

  /** Starts listening on a free port of 127.0.0.1; resolves to the endpoint URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.authorizations.push(String(req.headers.authorization ?? ''));
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3.test').pathname);
        const prefix = `/${this.bucket}/`;
        if (!path.startsWith(prefix)) {
          res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>');
          return;
        }
        const key = path.slice(prefix.length);
        if (req.method === 'PUT') {
          this.objects.set(key, { bytes: Buffer.concat(chunks), type: String(req.headers['content-type'] ?? 'application/octet-stream'), cacheControl: req.headers['cache-control'] });
          res.writeHead(200, { etag: '"test"' }).end();
          return;
        }
        if (req.method === 'DELETE') {
          this.objects.delete(key);
          res.writeHead(204).end();
          return;
        }
        const found = this.objects.get(key);
        if (!found) {
          res.writeHead(404, { 'content-type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>`);
          return;
        }
        res.writeHead(200, { 'content-type': found.type, 'content-length': found.bytes.length, etag: '"test"' });
        res.end(req.method === 'HEAD' ? undefined : found.bytes);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
