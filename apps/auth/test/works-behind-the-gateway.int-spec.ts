import { uniqueName } from '@imad/testing';
import type { BootedAuth } from './support/boot';
import { NAVIGATION, useAuthWithGitHub } from './support/github-flow';
import { Browser } from './support/http';
import { bootAuth } from './support/boot';

// The gateway serves the IDE at PUBLIC_URL (here under a path, over https) and forwards
// /auth/* to auth, adding X-Forwarded-For. Everything the browser sees must name PUBLIC_URL.
const PUBLIC = 'https://learn.example.org/imad';
const gateway = { 'x-forwarded-for': '192.0.2.10', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'learn.example.org', origin: 'https://learn.example.org' };

describe('auth behind the gateway', () => {
  describe('with local accounts', () => {
    let auth: BootedAuth;
    beforeAll(async () => {
      auth = await bootAuth({ PUBLIC_URL: PUBLIC });
    });
    afterAll(() => auth.close());

    it("sets Secure, host-only cookies on PUBLIC_URL's path", async () => {
      const res = await new Browser(auth.url, gateway).post('/auth/local/signup', { username: uniqueName('eve').slice(0, 39), password: 'a good long password' });
      expect(res.status).toBe(201);
      for (const cookie of res.headers.getSetCookie()) {
        expect(cookie).toMatch(/; Path=\/imad; /);
        expect(cookie).toMatch(/; Secure$/);
        expect(cookie).not.toMatch(/Domain=/i);
      }
    });

    it('warns at start that cookies under a path cannot be __Host- cookies', () => {
      expect(auth.logs.some((l) => l.includes('cannot be __Host- cookies'))).toBe(true);
    });

    it('logs each request with its request id, and counts attempts against the forwarded address', async () => {
      const res = await new Browser(auth.url, { ...gateway, 'x-request-id': 'req-behind-gateway-1' }).post('/auth/local/signin', { username: uniqueName('nobody'), password: 'whatever12' });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-request-id')).toBe('req-behind-gateway-1');
      const line = auth.logs.map((l) => JSON.parse(l) as { requestId?: string; code?: string }).find((l) => l.code === 'AUTH.INVALID_CREDENTIALS');
      expect(line?.requestId).toBe('req-behind-gateway-1');
      expect(Number(await auth.redis.get('imad:ratelimit:ip:192.0.2.10'))).toBeGreaterThan(0);
    });

    it('logs a refused body with its request id too', async () => {
      await new Browser(auth.url, { ...gateway, 'x-request-id': 'req-behind-gateway-2' }).request('POST', '/auth/local/signin', { body: '{nope', headers: { 'content-type': 'application/json' } });
      const line = auth.logs.map((l) => JSON.parse(l) as { requestId?: string; code?: string }).find((l) => l.code === 'REQUEST.MALFORMED_JSON');
      expect(line?.requestId).toBe('req-behind-gateway-2');
    });
  });

  describe('with GitHub', () => {
    const env = useAuthWithGitHub({ PUBLIC_URL: PUBLIC });

    it('registers the callback on PUBLIC_URL and sends the student back there, never to the internal address', async () => {
      const { auth, github } = env;
      const browser = new Browser(auth.url, { ...gateway, ...NAVIGATION });
      const start = await browser.get('/auth/github');
      const location = new URL(start.headers.get('location')!);
      expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/auth/github/callback`);
      expect(start.headers.getSetCookie()[0]).toMatch(/^imad_oauth=[^;]+; Path=\/imad\/auth\/github; .*; Secure$/);
      const code = github.authorize({ id: 77_000_000 + Math.floor(Math.random() * 1e6), login: uniqueName('mo') });
      const back = await browser.get(`/auth/github/callback?code=${code}&state=${location.searchParams.get('state')}`);
      expect(back.status).toBe(302);
      expect(back.headers.get('location')).toBe(`${PUBLIC}/`);
      expect(github.problems).toEqual([]);
    });
  });
});
