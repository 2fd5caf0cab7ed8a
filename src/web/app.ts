import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import type { Config } from '../config/config.ts';
import { ReadOnlyEdition } from '../domain/errors.ts';
import type { EditionRegistry } from '../services/editions.ts';
import type { ReaderService } from '../services/reader-service.ts';
import { installErrorHandlers } from './errors.ts';
import { PageCache } from './page-cache.ts';
import { NavigationMemo } from './render.ts';
import { assetRoutes } from './routes/asset-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { cacheKey, replyWithPage } from './send-page.ts';
import type { WebDeps } from './web-deps.ts';

/** What buildApp needs. */
export interface AppOptions {
  readonly config: Config;
  readonly editions: EditionRegistry;
  readonly reader: ReaderService;
  readonly logger?: boolean | object;
}

/** The built app plus the hooks services call after writes. */
export interface FolioApp {
  readonly app: FastifyInstance;
  /** Drop every cached page and memo of an edition (wire this to services' change callback). */
  contentChanged(edition: string): void;
}

/** Paths under an archive edition that accept POST anyway: none yet (comment posting comes later). */
const ARCHIVE_WRITABLE_PATHS: readonly RegExp[] = [];

/** Builds the Fastify app without listening, so tests can `inject` and export can render in process. */
export async function buildApp(options: AppOptions): Promise<FolioApp> {
  const { config, editions } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    // A host bound to a prefixed edition serves that edition at its root: rewrite onto the prefix.
    rewriteUrl(req) {
      const url = req.url ?? '/';
      const edition = req.headers.host ? editions.forHost(req.headers.host) : undefined;
      if (!edition || edition.pathPrefix === '' || url === edition.pathPrefix || url.startsWith(`${edition.pathPrefix}/`)) return url;
      return `${edition.pathPrefix}${url}`;
    },
  });
  const cache = new PageCache(config.pageCacheEntries);
  const nav = new NavigationMemo(options.reader);
  const deps: WebDeps = { config, editions, reader: options.reader, cache, nav };

  await app.register(helmet, {
    // No inline script or style anywhere: a filter bug alone cannot run code in a reader's page.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(formbody, { bodyLimit: 256 * 1024 });

  // Served from memory before routing does any work; a miss falls through to the route.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const edition = editions.forPath(request.url);
      if (edition.mode === 'archive' && !ARCHIVE_WRITABLE_PATHS.some((re) => re.test(request.url))) throw new ReadOnlyEdition(edition.code);
      return;
    }
    const hit = cache.get(cacheKey(request));
    if (hit) return replyWithPage(request, reply, hit);
  });

  installErrorHandlers(app, deps);
  await app.register(assetRoutes());
  for (const edition of editions.all) {
    await app.register(publicRoutes(edition, deps), { prefix: edition.pathPrefix });
  }

  return {
    app,
    contentChanged(edition: string) {
      cache.invalidate(edition);
      nav.invalidate(edition);
    },
  };
}
