import type { Redis } from 'ioredis';
import { GCRA_LUA } from './gcra.lua';

export type RateKind = 'deploy' | 'save';

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until one more request fits, rounded up to whole seconds for Retry-After. */
  retryAfterSeconds: number;
}

type GcraClient = Redis & { imadGcra(key: string, intervalMs: number, burst: number): Promise<[number, number]> };

/**
 * Per-student budgets for saves and deploys, in Redis (key `imad:gateway:rate:<kind>:<userId>`).
 * A request either fits or is refused with how long to wait; nothing queues up here.
 */
export class RateLimiter {
  private readonly client: GcraClient;

  constructor(
    redis: Redis,
    private readonly perMinute: Record<RateKind, number>,
  ) {
    if (!('imadGcra' in redis)) redis.defineCommand('imadGcra', { numberOfKeys: 1, lua: GCRA_LUA });
    this.client = redis as GcraClient;
  }

  async take(kind: RateKind, userId: string): Promise<RateDecision> {
    const limit = this.perMinute[kind];
    const [allowed, retryAfterMs] = await this.client.imadGcra(rateKey(kind, userId), Math.ceil(60_000 / limit), limit);
    return { allowed: allowed === 1, retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
}

export const rateKey = (kind: RateKind, userId: string): string => `imad:gateway:rate:${kind}:${userId}`;

export const RATE_LIMITER = Symbol('RATE_LIMITER');
