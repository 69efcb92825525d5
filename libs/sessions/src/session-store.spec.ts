import type { Redis } from 'ioredis';
import { sha256Hex } from './secrets';
import { SESSION_PREFIX, SessionStore } from './session-store';

/** Just enough of ioredis to see which command each resolution costs. */
function fakeRedis() {
  const data = new Map<string, string>();
  const calls: string[] = [];
  const redis = {
    defineCommand: () => undefined,
    async imadSessionCreate(key: string, _set: string, value: string) {
      data.set(key, value);
      return 1;
    },
    async imadSessionResolve(key: string) {
      calls.push('script');
      const v = data.get(key);
      return v === undefined ? null : [v, 3_600_000];
    },
    async get(key: string) {
      calls.push('get');
      return data.get(key) ?? null;
    },
    async getdel(key: string) {
      const v = data.get(key) ?? null;
      data.delete(key);
      return v;
    },
    async srem() {
      return 1;
    },
  };
  return { redis: redis as unknown as Redis, calls, data };
}

const user = { userId: 'u_fake000001', login: 'fake', appName: 'fake', provider: 'local' as const };

describe('SessionStore resolution cost', () => {
  it('answers with a plain GET while the expiry was set recently, and runs the renewal script once it is due', async () => {
    let now = 1_000_000;
    const { redis, calls } = fakeRedis();
    const writer = new SessionStore(redis, { idleTtlSeconds: 3600, now: () => now });
    const reader = new SessionStore(redis, { idleTtlSeconds: 3600, now: () => now });
    const { id } = await writer.create(user);
    expect(await writer.resolve(id)).not.toBeNull(); // the writer just set the expiry: a GET
    expect(await reader.resolve(id)).not.toBeNull(); // never seen here: the script
    expect(await reader.resolve(id)).not.toBeNull(); // just renewed: a GET
    now += 59_000;
    expect(await reader.resolve(id)).not.toBeNull(); // still within a minute: a GET
    now += 2_000;
    expect(await reader.resolve(id)).not.toBeNull(); // a minute on: the script again
    expect(calls).toEqual(['get', 'script', 'get', 'get', 'script']);
  });

  it('sees a session ended elsewhere at once, even on the GET path', async () => {
    const { redis, data } = fakeRedis();
    const store = new SessionStore(redis, { idleTtlSeconds: 3600 });
    const { id } = await store.create(user);
    data.delete(SESSION_PREFIX + sha256Hex(id)); // signed out by another process
    expect(await store.resolve(id)).toBeNull();
  });
});
