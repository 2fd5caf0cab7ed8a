import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolUse } from '../domain/read-consistency.ts';

/** What the store reports of its load (HealthService, from the runtime). */
export interface StoreLoad {
  commentQueueDepth(): number;
  poolUse(): PoolUse[];
  replicaLagSeconds(): number | null;
}

/** Search buckets in seconds: a memoised answer takes microseconds, a cold full-text query up to seconds. */
const SEARCH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Latency buckets in seconds: a cached page answers in well under a millisecond, a cold search in tens. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * What an operator watches on one instance, in Prometheus's format (served on its own port, see
 * `folio serve --metrics-port`): requests by route class and status, latency, the page cache's
 * hits and misses, search latency, the comment write queue, database pools and the process's own
 * figures. Route classes are Fastify's route patterns ("/node/:nid", "/*"), never raw URLs, so
 * the label set stays small.
 */
export class FolioMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'folio_http_requests_total', help: 'HTTP responses by route class and status', labelNames: ['route', 'status'], registers: [this.registry] });
  private readonly latency = new Histogram({ name: 'folio_http_request_duration_seconds', help: 'Time from request to response, by route class', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly cache = new Counter({ name: 'folio_page_cache_requests_total', help: 'GET and HEAD requests answered from the page cache (hit) or rendered (miss)', labelNames: ['result'], registers: [this.registry] });
  private readonly cachedByStatus = new Map<number, Counter.Internal>();
  private readonly hits = this.cache.labels('hit');
  private readonly misses = this.cache.labels('miss');
  private readonly searches = new Histogram({ name: 'folio_search_duration_seconds', help: 'Time a search query takes (parse, full-text query, facets and snippets), by edition', labelNames: ['edition'], buckets: SEARCH_BUCKETS, registers: [this.registry] });
  private cacheSize: () => number = () => 0;
  private store: StoreLoad = { commentQueueDepth: () => 0, poolUse: () => [], replicaLagSeconds: () => null };

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'folio_' });
    const size = () => this.cacheSize();
    new Gauge({ name: 'folio_page_cache_entries', help: 'Pages held in the page cache', registers: [this.registry], collect() { this.set(size()); } });
    const store = () => this.store;
    new Gauge({ name: 'folio_comment_write_queue_depth', help: 'Comments accepted and not yet committed (group-commit queue, or the SQLite writer thread)', registers: [this.registry], collect() { this.set(store().commentQueueDepth()); } });
    // PostgreSQL pools only: SQLite is one synchronous connection with no pool to wait for, so it
    // reports no series here rather than made-up ones (its write queue is the gauge above).
    const pools = { name: 'folio_db_pool_connections', help: 'PostgreSQL connections by pool (primary, replica) and state (idle, busy)', labelNames: ['pool', 'state'] as const };
    new Gauge({
      ...pools, registers: [this.registry],
      collect() {
        this.reset();
        for (const p of store().poolUse()) {
          this.labels(p.pool, 'idle').set(p.idle);
          this.labels(p.pool, 'busy').set(p.total - p.idle);
        }
      },
    });
    new Gauge({
      name: 'folio_db_pool_waiting', help: 'Queries waiting for a PostgreSQL connection, by pool', labelNames: ['pool'] as const, registers: [this.registry],
      collect() {
        this.reset();
        for (const p of store().poolUse()) this.labels(p.pool).set(p.waiting);
      },
    });
    // Absent without a replica, or while it is down (then /readyz says so and reads use the
    // primary); labelled with the pool only so that it can be absent (a label-less gauge reads 0).
    new Gauge({
      name: 'folio_db_replica_lag_seconds', help: 'How far the read replica is behind the primary (reads go to the primary past 30 s)', labelNames: ['pool'] as const, registers: [this.registry],
      collect() {
        this.reset();
        const lag = store().replicaLagSeconds();
        if (lag !== null) this.labels('replica').set(lag);
      },
    });
  }

  /** Where the store gauges (comment queue, pools) read their figures from. */
  watchStore(load: StoreLoad): void {
    this.store = load;
  }

  /** A search query and how long it took. */
  searched(edition: string, seconds: number): void {
    this.searches.labels(edition).observe(seconds);
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
