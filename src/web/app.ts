import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import { RateLimited, ReadOnlyEdition } from '../domain/errors.ts';
import { MESSAGES } from '../text/messages.ts';
import { UnsafeUrl } from '../text/uri-reference.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { parseForm } from './form-parser.ts';
import { TurnGate } from './turn-gate.ts';
import { installErrorHandlers } from './errors.ts';
import { PageCache, type Compressor } from './page-cache.ts';
import { DiskPageTier } from './cache/disk-page-tier.ts';
import { NavigationMemo } from './render.ts';
import { securityHeaders } from './security-headers.ts';
import { assetRoutes } from './routes/asset-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { feedRoutes } from './routes/feed-routes.ts';
import { FeedSender } from './feed-sender.ts';
import { sitemapRoutes, type SitemapSource } from './routes/sitemap-routes.ts';
import { archiveRoutes } from './routes/archive-routes.ts';
import { commentRoutes } from './routes/comment-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { moderationRoutes } from './routes/moderation-routes.ts';
import { tipsRoutes } from './routes/tips-routes.ts';
import { siteIconRoutes } from './routes/site-icon-routes.ts';
import { mementoRoutes } from './routes/memento-routes.ts';
import { correctionsRoutes } from './routes/corrections-routes.ts';
import { peopleRoutes } from './routes/people-routes.ts';
import { revisionRoutes } from './routes/revision-routes.ts';
import { auditLogRoutes } from './routes/audit-log-routes.ts';
import { passwordRoutes } from './routes/password-routes.ts';
import { mediaRoutes } from './routes/media-routes.ts';
import { mediaFileRoutes } from './routes/media-file-routes.ts';
import { contentRoutes } from './routes/content-routes.ts';
import { frontRoutes } from './routes/front-routes.ts';
import { cacheKey, rawCacheKey, serveCached, writeCachedPage } from './send-page.ts';
import { failRawRequest } from './raw-failure.ts';
import { CachedAccessLog } from './cached-access-log.ts';
import type { FolioMetrics } from './metrics.ts';
import { SharedLocalStore } from './shared-local-store.ts';
import { sharedRedisStore } from './shared-redis-store.ts';
import { CSRF_COOKIE } from './csrf-token.ts';
import { carriesWritePosition, installReadYourWrites } from './read-your-writes.ts';
import type { WebDeps, WebServices } from './web-deps.ts';

/**
 * Comment posts let through per turn of the event loop (turn-gate.ts): a read waits behind at most
 * this many (~0.2 ms of CPU each) instead of every post queued. Measured on 2 quiet cores
 * (`npm run bench -- comments`, load under 2, two runs each): 16 per turn gave posts 5,190-5,389/s
 * and a read p99 during the flood 2.29-2.65 times its idle p99; 8 gave 4,870-5,091/s and 1.99-2.07;
 * 4 gives 4,552-4,744/s and 1.55-2.15 over four runs, the only one mostly within issue 14's "reads
 * at most 2x" (three runs of four). The price: with reads arriving as fast as they can, posts get
 * fewer turns (1,450/s alongside 17,000 reads/s, against 2,650/s at 16), which is the point of the
 * gate during a flood.
 */
const POSTS_PER_TURN = 4;

/** Browser features no Folio page uses, switched off for every page (and any injected script). */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()';

/** The longest a whole request may take (slow uploads and slowloris clients are cut there). */
const REQUEST_TIMEOUT_SECONDS = 60;

/**
 * How often Node looks for requests past headersTimeout or requestTimeout. Its default (30 s)
 * let a slowloris client hold a connection up to 30 s beyond the bound; checking every second
 * (a walk over the open connections) answers it 408 within a second of the bound.
 */
const TIMEOUT_CHECK_MS = 1_000;

/**
 * Idle keep-alive connections stay open longer than a load balancer keeps its own (nginx and the
 * cloud balancers use 60 s; FOLIO_KEEP_ALIVE_SECONDS, 75 by default): a server that closes first
 * races the balancer's next request on that connection, the classic source of sporadic 502s.
 */
function withTimeouts(server: Server, keepAliveSeconds: number): Server {
  server.keepAliveTimeout = keepAliveSeconds * 1000;
  // Node's guidance: headersTimeout above keepAliveTimeout, so an idle socket is never cut mid-header.
  server.headersTimeout = (keepAliveSeconds + 5) * 1000;
  server.requestTimeout = Math.max(REQUEST_TIMEOUT_SECONDS, keepAliveSeconds + 10) * 1000;
  return server;
}

/**
 * The page cache's disk tier, when FOLIO_PAGE_CACHE_DIR is set. Without the runtime's change
 * stamps (an app built in a test), pages are kept for this process only, by a stamp of its own.
 */
function diskTier(dir: string | null, megabytes: number, changeStamp: ((edition: string) => string) | undefined): DiskPageTier | null {
  if (dir === null) return null;
  const boot = randomBytes(8).toString('hex');
  return new DiskPageTier(dir, changeStamp ?? (() => boot), megabytes * 1024 * 1024);
}

/** What buildApp needs: the services, and a few knobs for tests. */
export interface AppOptions extends WebServices {
  readonly logger?: boolean | object;
  /** Every public URL's target, for sitemaps and the front feed's fallback. */
  readonly sitemap: SitemapSource;
  /** Sitemap URLs per /sitemap-<n>.xml; tests lower it to page a small fixture. */
  readonly sitemapPageSize?: number;
  /** Prometheus metrics of this instance (served on their own port by `folio serve`). */
  readonly metrics?: FolioMetrics;
  /** "Now" in epoch milliseconds, for the news sitemap's two-day window. */
  readonly clock?: () => number;
  /**
   * The edition's change stamp, shared by every process on the database (Runtime.changeStamp):
   * the disk tier of the page cache (FOLIO_PAGE_CACHE_DIR) keeps pages only while it holds.
   */
  readonly changeStamp?: (edition: string) => string;
  /** What compresses response bodies (misses' first responses, the cache's kept copies): `folio serve` gives a thread of its own; in place when absent. */
  readonly compressor?: Compressor;
}

/** The built app plus the hooks services call after writes. */
export interface FolioApp {
  readonly app: FastifyInstance;
  /** Drop every cached page and memo of an edition (wire this to services' change callback). */
  contentChanged(edition: string): void;
  /** Every route registered (method and full path), in order: what the route-table tests walk. */
  readonly routes: readonly { readonly method: string; readonly url: string }[];
}

/**
 * Route config of the few routes that take POSTs in an archive edition: comments (the archive
 * takes moderated comments, as the original did), signing in and out, and moderation. Content
 * itself never changes there; every other write answers ReadOnlyEdition.
 */
export interface FolioRouteConfig {
  acceptsWrites?: boolean;
}

/** Builds the Fastify app without listening, so tests can `inject` and export can render in process. */
export async function buildApp(options: AppOptions): Promise<FolioApp> {
  const { config, editions } = options;
  const cache = new PageCache(config.pageCacheMegabytes * 1024 * 1024, {
    disk: diskTier(config.pageCacheDir, config.pageCacheDiskMegabytes, options.changeStamp),
    ...(options.compressor ? { compressor: options.compressor } : {}),
  });
  // Requests the raw server already looked up: the onRequest hook below need not look again.
  const lookedUp = new WeakSet<IncomingMessage>();
  const metrics = options.metrics ?? null;
  metrics?.watchCache(() => cache.size);
  metrics?.watchStore(options.health);
  // A writer's next pages must show its write (read-your-writes with a replica): not from the cache.
  const replicated = options.consistency.replicated;
  const app = Fastify({
    logger: options.logger ?? false,
    // Cached pages are answered here, before the framework builds its request and reply: a
    // warm page costs little more than a bare node:http server sending the same bytes.
    // Nothing thrown here may reach the event loop: it is outside every handler, and an uncaught
    // exception would take the process down (as a cached unencoded Location once did).
    serverFactory: (handler) => withTimeouts(createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req: IncomingMessage, res: ServerResponse) => {
      try {
        if ((req.method === 'GET' || req.method === 'HEAD') && !(replicated && carriesWritePosition(req))) {
          const key = rawCacheKey(req);
          const hit = cache.get(key);
          if (hit) {
            try {
              const status = serveCached(req, res, hit);
              accessLog?.record(req, status);
              metrics?.cachedResponse(status);
              return;
            } catch (err) {
              // A page that cannot be written is dropped, so the next reader gets a fresh render.
              cache.delete(key);
              throw err;
            }
          }
          lookedUp.add(req);
        }
        handler(req, res);
      } catch (err) {
        failRawRequest(app.log, req, res, err);
      }
    }), config.keepAliveSeconds),
    // On close, idle keep-alive connections end at once; busy ones finish their request first.
    forceCloseConnections: 'idle',
    trustProxy: config.trustProxy === false ? false : config.trustProxy.split(',').map((s) => s.trim()),
    // A host bound to a prefixed edition serves that edition at its root: rewrite onto the prefix.
    rewriteUrl(req) {
      const url = req.url ?? '/';
      const edition = req.headers.host ? editions.forHost(req.headers.host) : undefined;
      if (!edition || edition.pathPrefix === '' || url === edition.pathPrefix || url.startsWith(`${edition.pathPrefix}/`)) return url;
      return `${edition.pathPrefix}${url}`;
    },
  });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  if (metrics) {
    app.addHook('onResponse', (request, reply, done) => {
      const read = request.method === 'GET' || request.method === 'HEAD';
      metrics.response(request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000, read);
      done();
    });
  }
  const accessLog: CachedAccessLog | null = options.logger ? new CachedAccessLog(app.log) : null;
  if (accessLog) app.addHook('onClose', async () => accessLog.flush());
  app.addHook('onClose', async () => cache.compressor.close());
  const nav = new NavigationMemo(options.reader);
  const deps: WebDeps = {
    config, editions, reader: options.reader, archive: options.archive, related: options.related, comments: options.comments,
    moderation: options.moderation, auth: options.auth, search: options.search, mementos: options.mementos, corrections: options.corrections, health: options.health, articles: options.articles, files: options.files, people: options.people, audit: options.audit, media: options.media,
    consistency: options.consistency, redis: options.redis, cache, nav, metrics, postTurns: new TurnGate(POSTS_PER_TURN),
    revisions: options.revisions,
    newsroom: options.newsroom,
  };

  // The same for requests that do not come through the server (app.inject in tests).
  app.addHook('onRequest', (request, reply, done) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && !lookedUp.has(request.raw) && !(replicated && carriesWritePosition(request.raw))) {
      const hit = cache.get(cacheKey(request));
      if (hit) return writeCachedPage(request, reply, hit);
    }
    done();
  });

  // One synchronous hook for the security headers: helmet's, computed once (security-headers.ts),
  // and Permissions-Policy, which helmet has not: no page of ours uses these features, so none
  // may. No page lives at a path with a NUL (PostgreSQL cannot even compare one): it is refused
  // before any lookup, the same on every store.
  const security = securityHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of security) reply.raw.setHeader(name, value);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    const query = request.url.indexOf('?');
    done(/%00|\u0000/i.test(query === -1 ? request.url : request.url.slice(0, query)) ? new UnsafeUrl() : undefined);
  });
  await app.register(formbody, { bodyLimit: 256 * 1024, parser: parseForm });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies === 'always' ? true : 'auto' },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });

  // Rate limits for the routes that ask (config.rateLimit): sign-in. With several instances the
  // counts must be shared, so they live in Redis when FOLIO_REDIS_URL is set. The runtime owns
  // the connection (store/redis/redis-connections.ts), logs its outages and closes it.
  const redis = options.redis ?? null;
  // Start counting in Redis from the first request when it answers within two seconds.
  await redis?.whenReady(2000);
  installReadYourWrites(app, options.consistency, config.secureCookies);
  await app.register(rateLimit, {
    global: false,
    // One count per address and group across both editions' routes (see SharedLocalStore).
    store: redis ? sharedRedisStore(redis.commands, 'folio-rate-limit:') : SharedLocalStore,
    // The limiter throws what this returns: a FolioError, so web/errors.ts renders our 429 page.
    // Sign-in says so; the other limited forms (password resets, one-time links) get the general message.
    errorResponseBuilder: (request) => (request.routeOptions.url?.endsWith('/user/login')
      ? new RateLimited({ en: MESSAGES.en.signInRateLimited, ar: MESSAGES.ar.signInRateLimited })
      : new RateLimited()),
    // One line for whoever watches for credential stuffing.
    onExceeded: (request, key) => request.log.warn({ key, url: request.url }, 'sign-in rate limit exceeded'),
  });

  // The archive's run-time guard: any write not to a route that takes writes is refused.
  // Synchronous: an async hook costs every read a promise and a microtask turn (issue 14).
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done();
    const edition = editions.forPath(request.url);
    const accepts = (request.routeOptions.config as FolioRouteConfig | undefined)?.acceptsWrites === true;
    done(edition.mode === 'archive' && !accepts ? new ReadOnlyEdition(edition.code) : undefined);
  });

  installErrorHandlers(app, deps);
  await app.register(healthRoutes(deps, redis ? [() => deps.health.probe('redis', () => redis.commands.ping())] : []));
  await app.register(assetRoutes());
  for (const edition of editions.all) {
    await app.register(mementoRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(correctionsRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(publicRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(feedRoutes(edition, deps, new FeedSender(edition, deps, options.sitemap)), { prefix: edition.pathPrefix });
    await app.register(archiveRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(commentRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(searchRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(authRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(moderationRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(peopleRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(revisionRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(auditLogRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(passwordRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(mediaRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(mediaFileRoutes(deps), { prefix: edition.pathPrefix });
    await app.register(contentRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(frontRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(tipsRoutes(edition, deps), { prefix: edition.pathPrefix });
    await app.register(siteIconRoutes(edition, deps), { prefix: edition.pathPrefix });
  }
  await app.register(sitemapRoutes(deps, {
    source: options.sitemap,
    ...(options.sitemapPageSize ? { pageSize: options.sitemapPageSize } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  }));

  return {
    app,
    routes,
    contentChanged(edition: string) {
      cache.invalidate(edition);
      nav.invalidate(edition);
    },
  };
}
