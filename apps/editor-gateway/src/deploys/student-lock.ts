import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE_LUA = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * One deploy decision per student at a time, across gateway replicas (Redis SET NX PX).
 * A double-click on Deploy sends two requests at once; without this both would find no
 * deploy in flight and queue two. With it, the second waits a moment, then finds the first
 * and is coalesced onto it. If the lock cannot be had in time (a stuck holder, Redis
 * trouble), the request goes ahead unlocked: at worst one extra deploy, never an error.
 */
export class StudentLock {
  constructor(
    private readonly redis: Redis,
    private readonly options: { holdMs: number; waitMs: number } = { holdMs: 10_000, waitMs: 3_000 },
  ) {}

  async run<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    const key = `imad:gateway:deploy-lock:${userId}`;
    const token = randomBytes(12).toString('base64url');
    const deadline = Date.now() + this.options.waitMs;
    let held = await this.tryLock(key, token);
    while (!held && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      held = await this.tryLock(key, token);
    }
    try {
      return await fn();
    } finally {
      if (held) await this.redis.eval(RELEASE_LUA, 1, key, token).catch(() => undefined);
    }
  }

  private async tryLock(key: string, token: string): Promise<boolean> {
    return (await this.redis.set(key, token, 'PX', this.options.holdMs, 'NX').catch(() => null)) === 'OK';
  }
}

export const STUDENT_LOCK = Symbol('STUDENT_LOCK');
