import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { SharedLocalStore } from './shared-local-store.ts';

/** One fixed window per key: the count, and the milliseconds left in its window. */
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { current, redis.call('PTTL', KEYS[1]) }`;

/**
 * The rate limiter's Redis store, shared by every route and every instance. The plugin's own
 * RedisStore prefixes each route's keys with its URL, so /user/login and /ar/user/login counted
 * apart; here the key is the address plus the route's group alone. While Redis is down the
 * counts fall back to this process's SharedLocalStore, so sign-in stays limited (per instance),
 * and go back to Redis when it answers again.
 */
export function sharedRedisStore(redis: Redis, nameSpace: string): FastifyRateLimitStoreCtor {
  const local = new SharedLocalStore();
  return class SharedRedisStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      redis.eval(INCREMENT, 1, `${nameSpace}${key}`, String(timeWindow)).then(
        (result) => {
          const [current, ttl] = result as [number, number];
          callback(null, { current, ttl: ttl > 0 ? ttl : timeWindow });
        },
        () => local.incr(key, callback, timeWindow, max),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
