import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';

/** How often a batch of cached responses is written, and the most one batch holds. */
const FLUSH_MS = 1_000;
const MAX_BATCH = 1_000;

/**
 * The access log of pages answered from the page cache, which never reach Fastify's own request
 * log. One log line per request would cost the warm path about as much as serving the page, so
 * requests are batched: every second (or every thousand requests) one line lists each of them as
 * "METHOD host/url status address". Nothing is sampled away.
 */
export class CachedAccessLog {
  private batch: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly enabled: boolean;

  constructor(private readonly log: FastifyBaseLogger) {
    this.enabled = ['trace', 'debug', 'info'].includes(log.level);
  }

  /** Notes one cached response. */
  record(req: IncomingMessage, status: number): void {
    if (!this.enabled) return;
    this.batch.push(`${req.method} ${req.headers.host ?? ''}${req.url} ${status} ${req.socket.remoteAddress ?? ''}`);
    if (this.batch.length >= MAX_BATCH) this.flush();
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  /** Writes what is waiting (also on close, so nothing is lost at shutdown). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0) return;
    const requests = this.batch;
    this.batch = [];
    this.log.info({ cached: requests.length, requests }, 'cached responses');
  }
}
