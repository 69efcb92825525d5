// The boundary rule has no exception for test files; a lib's tests may still use the
// shared test helpers (they never ship).
 
import { eventually, redisUrl, uniqueName } from '@imad/testing';
import { Redis } from 'ioredis';
import { StatusStore, newDeployId, statusKeys } from '../src/index';

/** A real Redis client and store per test file, with app names no other test uses. */
export function useStore() {
  const ctx = {} as { redis: Redis; store: StatusStore; apps: string[] };
  beforeAll(() => {
    ctx.redis = new Redis(redisUrl(), { maxRetriesPerRequest: 3 });
    ctx.store = new StatusStore(ctx.redis, { historyLength: 50 });
    ctx.apps = [];
  });
  afterAll(async () => {
    const keys = ctx.apps.flatMap((app) => Object.values(statusKeys(app)));
    if (keys.length > 0) await ctx.redis.del(...new Set(keys));
    await ctx.store.close();
    await ctx.redis.quit();
  });
  return {
    get redis() {
      return ctx.redis;
    },
    get store() {
      return ctx.store;
    },
    /** A fresh app name (a valid DNS label), cleaned up after the file. */
    app(): string {
      const app = uniqueName('st').toLowerCase();
      ctx.apps.push(app);
      return app;
    },
  };
}

export const COMMIT_A = 'a'.repeat(40);
export const COMMIT_B = 'b'.repeat(40);
export const USER = 'u_testuser01';
export { eventually, newDeployId, redisUrl };
