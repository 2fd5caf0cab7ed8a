import type { FastifyBaseLogger } from 'fastify';

/**
 * Error codes of one exchange gone wrong (a header Node refused, a socket the client closed):
 * the request failed, the process did not. Anything else thrown outside a handler may have left
 * state half-changed, so the process stops and its supervisor (systemd, the cluster) restarts it.
 */
const ONE_EXCHANGE = /^(ERR_INVALID_CHAR|ERR_INVALID_HTTP_TOKEN|ERR_HTTP_|ERR_STREAM_|ECONNRESET|EPIPE|ECONNABORTED)/;

/** How long a fatal error waits for in-flight requests before the process exits anyway. */
const FATAL_DRAIN_MS = 5_000;

/** Whether a thrown error concerns only one request or socket (see ONE_EXCHANGE). */
export function isOneExchangeError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ONE_EXCHANGE.test(code);
}

/**
 * Installs the server's last line of defence: an error no handler caught is logged; the process
 * goes on if only one exchange failed, and otherwise closes (within FATAL_DRAIN_MS) and exits 1.
 * A rejected promise nobody awaited is logged and does not stop the server.
 */
export function installCrashGuard(log: FastifyBaseLogger, close: () => Promise<void>): void {
  let stopping = false;
  process.on('uncaughtException', (err) => {
    if (isOneExchangeError(err)) {
      log.error({ err }, 'a request failed outside its handler; the server goes on');
      return;
    }
    log.fatal({ err }, 'uncaught exception: stopping so the supervisor restarts a clean process');
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), FATAL_DRAIN_MS).unref();
    close().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection; the server goes on');
  });
}
