import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { cookiePolicy } from './cookies';
import { sha256Hex } from './secrets';
import { SESSION_PREFIX, SessionStore, USER_SESSIONS_PREFIX } from './session-store';
import type { SessionUser } from './types';

// Libs may not import @imad/testing (module boundaries): the same server, unique users.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const user = (): SessionUser => ({ userId: `u_sess${randomBytes(6).toString('hex')}`, login: 'octocat', appName: 'octocat', provider: 'local' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(() => redis.quit());

describe('SessionStore against real Redis', () => {
  it('resolves a created session from its cookie header and stores only the hash of the id', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 60 });
    const u = user();
    const issued = await store.create(u);
    expect(await redis.exists(SESSION_PREFIX + issued.id)).toBe(0);
    expect(await redis.exists(SESSION_PREFIX + sha256Hex(issued.id))).toBe(1);
    const resolved = await store.resolveSession(`other=1; imad_session=${issued.id}`);
    expect(resolved?.user).toEqual(u);
    expect(resolved?.csrfHash).toBe(sha256Hex(issued.csrfToken));
  });

  it('under https reads only the __Host- cookie: a session planted by a sibling subdomain is ignored', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 60 });
    const { names } = cookiePolicy('https://ide.example.org');
    const attacker = await store.create(user());
    const victim = user();
    const own = await store.create(victim);
    // The planted plain cookie (Domain=example.org, longer path) comes first in the header.
    expect(await store.resolveSession(`imad_session=${attacker.id}`, names.session)).toBeNull();
    const resolved = await store.resolveSession(`imad_session=${attacker.id}; ${names.session}=${own.id}`, names.session);
    expect(resolved?.user).toEqual(victim);
  });

  it('answers null for a tampered, malformed or missing cookie', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 60 });
    const { id } = await store.create(user());
    const tampered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    expect(await store.resolveSession(`imad_session=${tampered}`)).toBeNull();
    expect(await store.resolveSession('imad_session=not-a-session')).toBeNull();
    expect(await store.resolveSession(undefined)).toBeNull();
  });

  it('slides the idle expiry forward when used, and ends an unused session', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 2 });
    const { id } = await store.create(user());
    const key = SESSION_PREFIX + sha256Hex(id);
    await sleep(1200);
    expect(await redis.pttl(key)).toBeLessThan(1000);
    expect(await store.resolve(id)).not.toBeNull();
    expect(await redis.pttl(key)).toBeGreaterThan(1500);
    await sleep(2200);
    expect(await store.resolve(id)).toBeNull();
  });

  it('never renews past the absolute lifetime', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 2, maxLifetimeSeconds: 3 });
    const { id } = await store.create(user());
    await sleep(1500);
    const renewed = await store.resolve(id);
    expect(renewed!.expiresAt).toBeLessThanOrEqual(renewed!.maxExpiresAt);
    await sleep(1000);
    expect(await store.resolve(id)).not.toBeNull();
    await sleep(800);
    expect(await store.resolve(id)).toBeNull();
  });

  it("renews by the writer's idle timeout, whatever the reader was configured with", async () => {
    const writer = new SessionStore(redis, { idleTtlSeconds: 2 });
    const reader = new SessionStore(redis, { idleTtlSeconds: 3600 });
    const { id } = await writer.create(user());
    const key = SESSION_PREFIX + sha256Hex(id);
    await sleep(1200);
    const resolved = await reader.resolve(id);
    expect(resolved).not.toBeNull();
    expect(await redis.pttl(key)).toBeGreaterThan(1500);
    expect(await redis.pttl(key)).toBeLessThanOrEqual(2000);
    expect(resolved!.expiresAt - Date.now()).toBeLessThanOrEqual(2000);
  });

  it('shows a sign-out done by another process at once, even to a process that resolved the session a moment ago', async () => {
    const auth = new SessionStore(redis, { idleTtlSeconds: 600 });
    const gateway = new SessionStore(redis, { idleTtlSeconds: 600 });
    const u = user();
    const a = await auth.create(u);
    const b = await auth.create(u);
    expect(await gateway.resolve(a.id)).not.toBeNull();
    expect(await gateway.resolve(a.id)).not.toBeNull();
    expect(await gateway.resolve(b.id)).not.toBeNull();
    await auth.destroy(a.id);
    expect(await gateway.resolve(a.id)).toBeNull();
    await auth.destroyAllForUser(u.userId);
    expect(await gateway.resolve(b.id)).toBeNull();
  });

  it('destroys one session and leaves the user\'s others', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 60 });
    const u = user();
    const a = await store.create(u);
    const b = await store.create(u);
    expect(await store.destroy(a.id)).toBe(true);
    expect(await store.resolve(a.id)).toBeNull();
    expect(await store.resolve(b.id)).not.toBeNull();
    expect(await redis.smembers(USER_SESSIONS_PREFIX + u.userId)).toEqual([sha256Hex(b.id)]);
  });

  it('signs a user out everywhere without touching other users', async () => {
    const store = new SessionStore(redis, { idleTtlSeconds: 60 });
    const u = user();
    const other = await store.create(user());
    const mine = await Promise.all([store.create(u), store.create(u), store.create(u)]);
    expect(await store.destroyAllForUser(u.userId)).toBe(3);
    for (const s of mine) expect(await store.resolve(s.id)).toBeNull();
    expect(await store.resolve(other.id)).not.toBeNull();
    expect(await redis.exists(USER_SESSIONS_PREFIX + u.userId)).toBe(0);
  });
});
