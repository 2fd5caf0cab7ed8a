import { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { seedDemo } from './seed-demo.ts';
import { installCrashGuard } from './crash-guard.ts';
import { FolioMetrics } from '../web/metrics.ts';
import { startMetricsServer } from '../web/metrics-server.ts';
import { CompressionThread } from '../web/compression-client.ts';
import { applyHeapGrowth } from './heap-growth.ts';

/** The longest a stop on SIGTERM or SIGINT may take (below systemd's and Kubernetes's defaults). */
const SHUTDOWN_SECONDS = 20;

/** `folio serve` (what `npm start` runs): seeds the demo on an empty database, then serves both editions. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve both editions over HTTP (generates the demo newspaper first if the database is empty)')
    .option('--port <n>', 'port to listen on (default: PORT or 8080)')
    .option('--host <addr>', 'address to bind (default: HOST or 0.0.0.0)')
    .option('--database <url>', 'sqlite:<file> or postgres://… (default: FOLIO_DATABASE_URL or sqlite:./data/folio.db)')
    .option('--no-demo', 'do not generate the demo newspaper into an empty database')
    .action(async (options: StoreOptions & { port?: string; host?: string; demo: boolean }) => {
      const config = configFrom(options);
      applyHeapGrowth(config.heapGrowthPercent);
      // The server reads from FOLIO_DATABASE_REPLICA_URL when it is set; seeding reads what it wrote, so on the primary.
      // Lines for the operator (one-time links when no SMTP is set) go to the server's log once it exists.
      let logLine: ((msg: string, fields: Readonly<Record<string, unknown>>) => void) | null = null;
      const runtime = await openRuntime(config, { readReplica: true, log: (msg, fields) => (logLine ? logLine(msg, fields) : process.stderr.write(`${msg}\n`)) });
      if (options.demo && (await runtime.consistency.onPrimary(() => runtime.seeding.countItems())) === 0) {
        process.stderr.write(`${runtime.config.database.kind === 'sqlite' ? runtime.config.database.file : 'The database'} is empty: generating the demo newspaper first.\n`);
        process.stderr.write(`${await runtime.consistency.onPrimary(() => seedDemo(runtime, {}))}\n`);
      }
      const metrics = config.metrics ? new FolioMetrics() : undefined;
      const folio = await buildApp({ ...runtime, logger: { level: config.logLevel }, compressor: new CompressionThread(), ...(metrics ? { metrics } : {}) });
      const metricsServer = metrics && config.metrics ? await startMetricsServer(metrics, config.metrics.host, config.metrics.port) : null;
      logLine = (msg, fields) => folio.app.log.info(fields, msg);
      runtime.onContentChanged((edition) => folio.contentChanged(edition));
      // Corrections, imports and articles added from the command line reach this server's caches.
      await runtime.watchChanges(2000);
      // Graceful stop: no new connections, in-flight requests finish, queued comments are written
      // and pools close; past SHUTDOWN_SECONDS the process exits anyway, so a deploy never hangs.
      const shutdown = async (signal: NodeJS.Signals) => {
        folio.app.log.info({ signal }, 'stopping: finishing in-flight requests');
        setTimeout(() => {
          folio.app.log.error(`still busy after ${SHUTDOWN_SECONDS} s: exiting anyway`);
          process.exit(1);
        }, SHUTDOWN_SECONDS * 1000).unref();
        metricsServer?.close();
        await folio.app.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      installCrashGuard(folio.app.log, async () => {
        await folio.app.close();
        await runtime.close();
      });
      const host = options.host ?? config.host;
      await folio.app.listen({ port: config.port, host });
      const shown = host === '0.0.0.0' ? 'localhost' : host;
      process.stderr.write(`Folio is serving http://${shown}:${config.port}/ (English archive) and http://${shown}:${config.port}/ar/ (Arabic) from ${runtime.config.database.kind}; search ranks with ${runtime.search.ranking}\n`);
      if (config.metrics) process.stderr.write(`Metrics for Prometheus at http://${config.metrics.host}:${config.metrics.port}/metrics\n`);
    });
}
