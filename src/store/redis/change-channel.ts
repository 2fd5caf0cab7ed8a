import { randomBytes } from 'node:crypto';
import type { RedisConnections } from './redis-connections.ts';

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
  private listening = false;

  /** `redis` owns the connections (redis-connections.ts); this channel only uses them. */
  constructor(
    private readonly redis: RedisConnections,
    private readonly editions: readonly string[],
    private readonly onForeignStamp: (edition: string, stamp: string) => void,
    onReconnect: (edition: string) => void,
  ) {
    // Messages sent while Redis was down were lost: when it is back, drop every edition once.
    redis.onStateChange((up) => {
      if (up) for (const edition of this.editions) onReconnect(edition);
    });
  }

  /** Announces a stamp written here; never throws, never waits for Redis. */
  publish(edition: string, stamp: string): void {
    this.redis.commands.publish(CHANNEL, `${this.origin} ${edition} ${stamp}`).catch(() => undefined);
  }

  /** Starts listening for other instances' changes (servers only; CLI commands just publish). */
  async listen(): Promise<void> {
    if (this.listening) return;
    this.listening = true;
    const sub = this.redis.subscriber();
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
}
