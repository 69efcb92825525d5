import { SESSION_COOKIE, SessionStore } from '@imad/sessions';
import WebSocket from 'ws';
import { gatewayEnv, type GatewayEnv } from './support/env';
import { PUBLIC_ORIGIN } from './support/gateway';
import { API_ROUTES } from './support/routes';
import { signIn } from './support/students';

describe('an expired or missing session gets 401 AUTH.SESSION_EXPIRED', () => {
  let env: GatewayEnv;

  beforeAll(async () => {
    // Short idle timeout, as auth and the gateway would both be configured (the gateway slides sessions too).
    env = await gatewayEnv({ env: { SESSION_TTL_SECONDS: '2' } });
  });

  afterAll(() => env?.close());

  it.each(API_ROUTES)('%s %s without a session cookie says the student is not signed in', async (method, path) => {
    const res = await env.api(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('AUTH.SESSION_EXPIRED');
    expect(body.error.message).toMatch(/not signed in/);
  });

  it('a session that timed out is refused on every route, with a message that says it expired', async () => {
    const student = await signIn(env.redis, { idleTtlSeconds: 2 });
    expect((await env.api('/api/me', { headers: student.read })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const [method, path] of API_ROUTES) {
      const res = await env.api(path, { method, headers: student.write, body: method === 'GET' ? undefined : '{}' });
      const body = await res.json();
      expect([method, path, res.status, body.error.code]).toEqual([method, path, 401, 'AUTH.SESSION_EXPIRED']);
      expect(body.error.message).toMatch(/expired/);
    }
  });

  it('a signed-out session is refused at once', async () => {
    const student = await signIn(env.redis);
    const id = student.cookie.split(';')[0]!.slice(`${SESSION_COOKIE}=`.length);
    await new SessionStore(env.redis, { idleTtlSeconds: 600 }).destroy(id);
    expect((await env.api('/api/workspace/tree', { headers: student.read })).status).toBe(401);
  });

  it('a forged session cookie is refused', async () => {
    expect((await env.api('/api/me', { headers: { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` } })).status).toBe(401);
  });

  it('the live socket refuses the upgrade without a session', async () => {
    const refused = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${env.gateway.wsUrl}/api/live`, { headers: { origin: PUBLIC_ORIGIN } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the upgrade was accepted')));
      ws.on('error', () => undefined);
    });
    expect(refused).toBe(401);
  });

  it('health and metrics do not need a session', async () => {
    expect((await env.api('/healthz')).status).toBe(200);
    expect((await env.api('/metrics')).status).toBe(200);
  });
});
