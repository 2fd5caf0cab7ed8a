import type { FastifyRateLimitStore } from '@fastify/rate-limit';

/** Addresses remembered at once; past this the oldest window is forgotten (memory stays bounded). */
const MAX_KEYS = 10_000;

/**
 * The rate limiter's in-process store, shared by every route that uses it. The plugin's own
 * LocalStore gives each route a fresh store, so `groupId` alone did not join the two editions'
 * sign-in forms: alternating /user/login and /ar/user/login was never limited. Here every route
 * counts in one map, keyed by address plus group, in fixed windows. With FOLIO_REDIS_URL set the
 * Redis store is used instead, shared by every instance.
 */
export class SharedLocalStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { current: number; resetAt: number }>();

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, _max?: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { current: 0, resetAt: now + timeWindow };
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
    }
    window.current += 1;
    callback(null, { current: window.current, ttl: window.resetAt - now });
  }

  child(): FastifyRateLimitStore {
    return this;
  }
}
