import { SESSION_COOKIE, SessionStore } from '@imad/sessions';
import { eventually } from '@imad/testing';
import { gatewayEnv, type GatewayEnv } from './support/env';
import { LiveClient, refusedUpgrade } from './support/live-client';

describe('/api/live refuses foreign pages, drops dead sockets and ends with the session', () => {
  let env: GatewayEnv;

  beforeAll(async () => {
    env = await gatewayEnv({ liveLimits: { heartbeatMs: 150, sessionCheckEvery: 1, maxSocketsPerStudent: 2 } });
  });

  afterAll(() => env?.close());

  it('refuses an upgrade from another origin (a student app on a sibling subdomain) with 403', async () => {
    const alice = await env.student();
    expect(await refusedUpgrade(env.gateway.wsUrl, { cookie: alice.cookie, origin: 'http://mallory.apps.gateway.test' })).toBe(403);
    expect(await refusedUpgrade(env.gateway.wsUrl, { cookie: alice.cookie })).toBe(403);
  });

  it('refuses upgrades on any other path with 404', async () => {
    const alice = await env.student();
    expect(await refusedUpgrade(env.gateway.wsUrl, { cookie: alice.cookie, origin: env.gateway.config.PUBLIC_URL }, '/api/other')).toBe(404);
  });

  it('caps the open sockets of one student', async () => {
    const bob = await env.student();
    const tabs = [await LiveClient.open(env.gateway.wsUrl, bob.cookie), await LiveClient.open(env.gateway.wsUrl, bob.cookie)];
    expect(await refusedUpgrade(env.gateway.wsUrl, { cookie: bob.cookie, origin: env.gateway.config.PUBLIC_URL })).toBe(429);
    tabs.forEach((t) => t.close());
  });

  it('terminates a socket that stops answering pings', async () => {
    const carol = await env.student();
    const silent = await LiveClient.open(env.gateway.wsUrl, carol.cookie, { autoPong: false });
    const healthy = await LiveClient.open(env.gateway.wsUrl, carol.cookie);
    await eventually('the silent socket to be cut', () => silent.closed, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(healthy.closed).toBeUndefined();
    healthy.close();
  });

  it('closes the socket (4401) once the session is signed out', async () => {
    const dave = await env.student();
    const live = await LiveClient.open(env.gateway.wsUrl, dave.cookie);
    const id = dave.cookie.split(';')[0]!.slice(`${SESSION_COOKIE}=`.length);
    await new SessionStore(env.redis, { idleTtlSeconds: 600 }).destroy(id);
    const closed = await eventually('the socket to close', () => live.closed, 5_000);
    expect(closed.code).toBe(4401);
  });

  it('answers the browser keep-alive', async () => {
    const erin = await env.student();
    const live = await LiveClient.open(env.gateway.wsUrl, erin.cookie);
    live.ws.send('{"type":"ping"}');
    await live.waitFor('pong', (f) => f.type === 'pong');
    live.close();
  });
});
