import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';

/** What a failure on the raw fast path answers: plain text, since no page can be rendered there. */
const BODY = 'Internal Server Error: the page could not be sent. Please try again.\n';

/**
 * Answers a request that failed before the framework took it (the page cache's fast path in
 * app.ts): logs the error once, with the request, and sends a bare 500, or ends the socket if
 * the response had already begun. It never throws, so the process survives whatever failed.
 */
export function failRawRequest(log: FastifyBaseLogger, req: IncomingMessage, res: ServerResponse, err: unknown): void {
  try {
    log.error({ err, req: { method: req.method, url: req.url, host: req.headers.host } }, 'request failed on the page cache path');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(BODY) });
    res.end(req.method === 'HEAD' ? undefined : BODY);
  } catch {
    res.destroy();
  }
}
