import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds: a cached page answers in well under a millisecond, a cold search in tens. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * What an operator watches on one instance, in Prometheus's format (served on its own port, see
 * `folio serve --metrics-port`): requests by route class and status, latency, the page cache's
 * hits and misses, comment posts and the process's own figures. Route classes are Fastify's route
 * patterns ("/node/:nid", "/*"), never raw URLs, so the label set stays small.
 */
export class FolioMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'folio_http_requests_total', help: 'HTTP responses by route class and status', labelNames: ['route', 'status'], registers: [this.registry] });
  private readonly latency = new Histogram({ name: 'folio_http_request_duration_seconds', help: 'Time from request to response, by route class', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly cache = new Counter({ name: 'folio_page_cache_requests_total', help: 'GET and HEAD requests answered from the page cache (hit) or rendered (miss)', labelNames: ['result'], registers: [this.registry] });
  private readonly cachedByStatus = new Map<number, Counter.Internal>();
  private readonly hits = this.cache.labels('hit');
  private readonly misses = this.cache.labels('miss');
  private cacheSize: () => number = () => 0;


  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'folio_' });
    const size = () => this.cacheSize();
    new Gauge({ name: 'folio_page_cache_entries', help: 'Pages held in the page cache', registers: [this.registry], collect() { this.set(size()); } });
  }

  /** Where the page-cache gauge reads its size from (the app's cache, once built). */
  watchCache(size: () => number): void {
    this.cacheSize = size;
  }

  /** A page answered from the page cache (the raw fast path): counted without a timer, to stay cheap. */
  cachedResponse(status: number): void {
    let counter = this.cachedByStatus.get(status);
    if (!counter) {
      counter = this.requests.labels('cached', String(status));
      this.cachedByStatus.set(status, counter);
    }
    counter.inc();
    this.hits.inc();
  }

  /** A response the framework produced, with its route pattern and duration. */
  response(route: string, status: number, seconds: number, rendered: boolean): void {
    this.requests.labels(route, String(status)).inc();
    this.latency.labels(route).observe(seconds);
    if (rendered) this.misses.inc();
  }

  /** The text Prometheus scrapes. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
