import type { Clock } from '../ports.ts';

/**
 * A sliding-window limit on commands that make bantin fetch a URL, per user: fetching is the
 * one thing a stranger can make the bot do for them at our cost.
 */
export interface FetchLimiter {
  /** Records one fetch for `key` and says whether it is allowed, or how long to wait. */
  take(key: string): { ok: true } | { ok: false; retryInS: number };
}

export function createFetchLimiter(clock: Clock, max = 5, windowMs = 60_000): FetchLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const now = clock.now().getTime();
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return { ok: false, retryInS: Math.ceil(((recent[0] ?? now) + windowMs - now) / 1000) };
      }
      recent.push(now);
      hits.set(key, recent);
      // Forget idle users so the map does not grow with every stranger.
      if (hits.size > 10_000)
        for (const [k, v] of hits) if (v.every((t) => t <= now - windowMs)) hits.delete(k);
      return { ok: true };
    },
  };
}
