import { uniqueName } from '@imad/testing';
import { LOCAL_LIMITS } from '../src/local/limits';
import { bootAuth, type BootedAuth } from './support/boot';
import { Browser, errorOf } from './support/http';

describe('sign-in attempt limits', () => {
  let auth: BootedAuth;
  beforeAll(async () => {
    auth = await bootAuth();
  });
  afterAll(() => auth.close());

  // Each test comes from its own address (the test client is a trusted proxy, like the gateway).
  const from = (ip: string) => new Browser(auth.url, { 'x-forwarded-for': ip });
  const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

  it('locks a username after too many wrong passwords, even the right one then, with Retry-After', async () => {
    const username = uniqueName('ida').slice(0, 39);
    const password = 'a good long password';
    expect((await from(randomIp()).post('/auth/local/signup', { username, password })).status).toBe(201);
    for (let i = 0; i < LOCAL_LIMITS.perUsername.limit; i++) {
      expect((await from(randomIp()).post('/auth/local/signin', { username, password: `wrong ${i}` })).status).toBe(401);
    }
    const locked = await from(randomIp()).post('/auth/local/signin', { username, password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(locked)).code).toBe('AUTH.RATE_LIMITED');
  });

  it('limits an unknown username exactly like a known one, so the limit reveals nothing', async () => {
    const ghost = uniqueName('ghost');
    const statuses: number[] = [];
    for (let i = 0; i <= LOCAL_LIMITS.perUsername.limit; i++) statuses.push((await from(randomIp()).post('/auth/local/signin', { username: ghost, password: 'whatever' })).status);
    expect(statuses).toEqual([...Array(LOCAL_LIMITS.perUsername.limit).fill(401), 429]);
  });

  it('resets the username count after a successful sign-in', async () => {
    const username = uniqueName('joan').slice(0, 39);
    const password = 'another good password';
    expect((await from(randomIp()).post('/auth/local/signup', { username, password })).status).toBe(201);
    for (let i = 0; i < LOCAL_LIMITS.perUsername.limit - 1; i++) await from(randomIp()).post('/auth/local/signin', { username, password: 'wrong' });
    expect((await from(randomIp()).post('/auth/local/signin', { username, password })).status).toBe(200);
    expect((await from(randomIp()).post('/auth/local/signin', { username, password: 'wrong' })).status).toBe(401);
  });

  it('limits attempts from one address, sign-ups included, and other addresses are unaffected', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    await auth.redis.del(`imad:ratelimit:ip:${ip}`);
    // One username, so after its own limit the rest are refused before any hashing: cheap to send.
    const ghost = uniqueName('ghost');
    const statuses: number[] = [];
    for (let i = 0; i < LOCAL_LIMITS.perIp.limit; i++) statuses.push((await from(ip).post('/auth/local/signin', { username: ghost, password: 'wrong' })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOCAL_LIMITS.perUsername.limit);
    const blocked = await from(ip).post('/auth/local/signup', { username: uniqueName('new').slice(0, 39), password: 'a good long password' });
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).code).toBe('AUTH.RATE_LIMITED');
    expect((await from(randomIp()).post('/auth/local/signup', { username: uniqueName('new').slice(0, 39), password: 'a good long password' })).status).toBe(201);
  });
});
