import type { Redis } from 'ioredis';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// INCR and start the window on the first hit, in one round trip. Returns { count, pttl }.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('PTTL', KEYS[1]) }`;

/**
 * Fixed-window attempt counters in Redis (`imad:ratelimit:<scope>:<subject>`), shared by
 * every auth replica. Counting happens before the expensive work (scrypt), so a flood
 * costs Redis increments, not CPU.
 */
export class RateLimiter {
  constructor(private readonly redis: Redis) {}

  async hit(scope: string, subject: string, rule: RateLimit): Promise<RateDecision> {
    const [count, pttl] = (await this.redis.eval(HIT, 1, key(scope, subject), rule.windowSeconds * 1000)) as [number, number];
    if (count <= rule.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(pttl / 1000)) };
  }

  async reset(scope: string, subject: string): Promise<void> {
    await this.redis.del(key(scope, subject));
  }
}

const key = (scope: string, subject: string) => `imad:ratelimit:${scope}:${subject}`;
