import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis channel on which instances announce "this edition changed". */
const CHANNEL = 'folio:changed';

/**
 * Page-cache invalidation between instances through Redis pub/sub. It carries the database
 * stamps (ChangeStamps) themselves: each stamp a process writes is published at once, so the
 * others learn of it in milliseconds where the poll takes up to two seconds, and the poll, which
 * then finds a stamp it has already seen, does not invalidate a second time. While Redis is down,
 * publishing fails fast (no offline queue) and the poll carries every change; when Redis comes
 * back, every edition is invalidated once, since messages sent meanwhile were lost.
 */
export class RedisChangeChannel {
  private readonly origin = randomBytes(8).toString('hex');
  private readonly pub: Redis;
  private sub: Redis | null = null;
  private down = false;

  constructor(
    private readonly url: string,
    private readonly editions: readonly string[],
    private readonly onForeignStamp: (edition: string, stamp: string) => void,
    private readonly onReconnect: (edition: string) => void,
    private readonly warn: (message: string) => void = (m) => void process.stderr.write(`${m}\n`),
  ) {
    this.pub = this.client();
  }

  /** Announces a stamp written here; never throws, never waits for Redis. */
  publish(edition: string, stamp: string): void {
    this.pub.publish(CHANNEL, `${this.origin} ${edition} ${stamp}`).catch(() => undefined);
  }

  /** Starts listening for other instances' changes (servers only; CLI commands just publish). */
  async listen(): Promise<void> {
    if (this.sub) return;
    const sub = this.client();
    this.sub = sub;
    sub.on('message', (_channel: string, message: string) => {
      const [origin, edition, stamp] = message.split(' ');
      if (origin !== this.origin && edition && stamp && this.editions.includes(edition)) this.onForeignStamp(edition, stamp);
    });
    // ioredis subscribes again by itself after a reconnect; this covers a Redis that was down at start.
    let subscribed = false;
    const subscribe = async () => {
      if (subscribed) return;
      await sub.subscribe(CHANNEL);
      subscribed = true;
    };
    sub.on('ready', () => void subscribe().catch(() => undefined));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      timer.unref();
      sub.once('ready', () => void subscribe().catch(() => undefined).finally(() => { clearTimeout(timer); resolve(); }));
    });
  }

  /** Closes both connections, sending what is still queued. */
  async close(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((c) => c?.quit().catch(() => c.disconnect())));
  }

  private client(): Redis {
    const client = new Redis(this.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: (times) => Math.min(times * 200, 2000) });
    client.on('error', () => this.wentDown());
    client.on('ready', () => this.cameBack());
    return client;
  }

  private wentDown(): void {
    if (this.down) return;
    this.down = true;
    this.warn(`Redis at ${redacted(this.url)} is unreachable: changes reach other instances through the database stamps until it is back`);
  }

  private cameBack(): void {
    if (!this.down) return;
    this.down = false;
    this.warn(`Redis at ${redacted(this.url)} is back: changes travel through it again`);
    for (const edition of this.editions) this.onReconnect(edition);
  }
}

function redacted(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
