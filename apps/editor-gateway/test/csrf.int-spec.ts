import { CSRF_ERROR_CODE } from '@imad/sessions';
import { gatewayEnv, type GatewayEnv } from './support/env';
import { PUBLIC_ORIGIN } from './support/gateway';
import { STATE_CHANGING } from './support/routes';
import { signIn, type SignedIn } from './support/students';

describe('state-changing calls need the session-bound CSRF token (403 otherwise)', () => {
  let env: GatewayEnv;
  let alice: SignedIn;
  let mallory: SignedIn;

  beforeAll(async () => {
    env = await gatewayEnv();
    alice = await env.student();
    mallory = await signIn(env.redis);
  });

  afterAll(() => env?.close());

  async function expectCsrfRefusal(res: Response) {
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: CSRF_ERROR_CODE, field: 'x-csrf-token' });
  }

  it.each(STATE_CHANGING)('%s %s without x-csrf-token', async (method, path) => {
    await expectCsrfRefusal(await env.api(path, { method, headers: { cookie: alice.cookie, 'content-type': 'application/json' }, body: '{}' }));
  });

  it.each(STATE_CHANGING)('%s %s with a header that does not match the cookie', async (method, path) => {
    await expectCsrfRefusal(await env.api(path, { method, headers: { ...alice.write, 'x-csrf-token': 'x'.repeat(43) }, body: '{}' }));
  });

  it("refuses another session's token even when cookie and header agree (planted cookie)", async () => {
    const planted = `${alice.cookie.split(';')[0]}; imad_csrf=${mallory.csrf}`;
    await expectCsrfRefusal(await env.api('/api/deploys', { method: 'POST', headers: { cookie: planted, 'x-csrf-token': mallory.csrf, 'content-type': 'application/json' }, body: '{}' }));
  });

  it('refuses a request sent from another origin', async () => {
    await expectCsrfRefusal(await env.api('/api/deploys', { method: 'POST', headers: { ...alice.write, origin: 'http://evil.apps.gateway.test' }, body: '{}' }));
  });

  it('accepts the token from its own origin', async () => {
    const res = await env.api('/api/deploys', { method: 'POST', headers: { ...alice.write, origin: PUBLIC_ORIGIN }, body: '{}' });
    expect(res.status).toBe(202);
  });

  it('reads need no token', async () => {
    expect((await env.api('/api/workspace/tree', { headers: { cookie: alice.cookie } })).status).toBe(200);
  });
});
