import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The one owner of an instance's Redis connections (FOLIO_REDIS_URL): a command connection
 * shared by everything that sends commands (change announcements, sign-in limit counts,
 * readiness pings), and the subscriber connection pub/sub needs for itself (a subscribed
 * connection can run no other command). Both are made here with the same settings, their outage
 * is logged once here, and close() ends them both on shutdown.
 *
 * No offline queue: while Redis is down a command fails at once (the callers fall back: the
 * database stamps carry changes, the limiter counts in this process) instead of holding a
 * request until Redis answers.
 */
export class RedisConnections {
  /** Names this instance's connections in Redis's CLIENT LIST: folio-<id>-commands, folio-<id>-subscriber. */
  readonly id = randomBytes(4).toString('hex');
  /** The shared command connection. */
  readonly commands: Redis;
  private sub: Redis | null = null;
  private down = false;
  private closed = false;
  private readonly listeners: ((up: boolean) => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly warn: (message: string) => void = (m) => void process.stderr.write(`${m}\n`),
  ) {
    this.commands = this.open('commands');
  }

  /** The subscriber connection, opened on first use (servers listen; CLI commands only publish). */
  subscriber(): Redis {
    this.sub ??= this.open('subscriber');
    return this.sub;
  }

  /** Tells `listener` when Redis goes down (false) and comes back (true). */
  onStateChange(listener: (up: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once the command connection is ready, or after `timeoutMs` (Redis down at start). */
  whenReady(timeoutMs = 2000): Promise<void> {
    if (this.commands.status === 'ready') return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.commands.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Ends both connections, sending what is still queued; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.commands, this.sub].map((c) => c?.quit().catch(() => c.disconnect())));
  }

  private open(role: string): Redis {
    const client = new Redis(this.url, { connectionName: `folio-${this.id}-${role}`, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: (times) => Math.min(times * 200, 2000) });
    client.on('error', () => this.wentDown());
    client.on('ready', () => this.cameBack());
    return client;
  }

  private wentDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.warn(`Redis at ${redacted(this.url)} is unreachable: changes reach other instances through the database stamps, and sign-in limits count in each instance, until it is back`);
    for (const l of this.listeners) l(false);
  }

  private cameBack(): void {
    if (!this.down) return;
    this.down = false;
    this.warn(`Redis at ${redacted(this.url)} is back: changes and sign-in limits are shared through it again`);
    for (const l of this.listeners) l(true);
  }
}

function redacted(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
