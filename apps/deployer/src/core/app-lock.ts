import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * "One worker acts on one app at a time", across worker processes: a Redis lock per app
 * (`imad:app:<app>:deploy-lock`, SET NX PX with a random token, renewed while held). A
 * lock can still expire under a stalled worker, so it is not the only guard: the status
 * Lua and the runtime's applied-revision check refuse an older revision regardless.
 */
export class AppLock {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = 15_000,
  ) {}

  static key(app: string): string {
    return `imad:app:${app}:deploy-lock`;
  }

  /**
   * Waits for the lock while `keepWaiting()` says the work is still wanted (e.g. not
   * superseded); resolves undefined when it stops wanting it or `timeoutMs` passes.
   */
  async acquire(app: string, keepWaiting: () => Promise<boolean>, timeoutMs = 20_000): Promise<HeldLock | undefined> {
    const key = AppLock.key(app);
    const token = randomBytes(12).toString('hex');
    const deadline = Date.now() + timeoutMs;
    let delay = 20;
    for (;;) {
      if ((await this.redis.set(key, token, 'PX', this.ttlMs, 'NX')) === 'OK') return this.held(key, token);
      if (Date.now() > deadline || !(await keepWaiting())) return undefined;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 250);
    }
  }

  private held(key: string, token: string): HeldLock {
    const renew = setInterval(() => {
      this.redis.eval(EXTEND, 1, key, token, this.ttlMs).catch(() => undefined);
    }, this.ttlMs / 3);
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined); // expires anyway
      },
    };
  }
}
