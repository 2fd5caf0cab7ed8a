import type { FastifyInstance } from 'fastify';
import type { DependencyState } from '../../services/health-service.ts';
import type { WebDeps } from '../web-deps.ts';

/** Seconds a load balancer should wait before asking a not-ready instance again. */
const RETRY_AFTER_SECONDS = 5;

/** What else the instance depends on, beside the database (Redis when configured). */
export type ExtraCheck = () => Promise<DependencyState>;

/**
 * /healthz: the process is alive and its event loop turns (a supervisor restarts it otherwise).
 * /readyz: it can serve (the database answers, and Redis when configured); 503 otherwise, so a
 * load balancer takes it out of rotation until it recovers. A read replica, when configured, is
 * listed too, but its failure leaves the instance ready. Neither is cached or indexed.
 */
export function healthRoutes(deps: Pick<WebDeps, 'health'>, extraChecks: readonly ExtraCheck[]) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/healthz', async (_request, reply) => {
      return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/plain; charset=utf-8').send('ok\n');
    });
    app.get('/readyz', async (_request, reply) => {
      const all = await Promise.all([deps.health.database(), deps.health.replica(), ...extraChecks.map((check) => check())]);
      const checks = all.filter((c): c is DependencyState => c !== null);
      // A dead replica is reported, not fatal: reads fall back to the primary.
      const ready = checks.every((c) => c.ok || c.optional === true);
      reply.code(ready ? 200 : 503).header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      if (!ready) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }));
    });
  };
}
