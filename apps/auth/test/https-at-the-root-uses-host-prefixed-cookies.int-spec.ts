import { uniqueName } from '@imad/testing';
import type { BootedAuth } from './support/boot';
import { bootAuth } from './support/boot';
import { NAVIGATION, useAuthWithGitHub } from './support/github-flow';
import { Browser } from './support/http';

// Student apps live on sibling subdomains (<app>.apps.example.org) and can set cookies for
// the parent domain. Under https at the root, auth names its cookies __Host-…, which no
// other host can set, and reads only those: a planted plain imad_session signs nobody in.
const PUBLIC = 'https://ide.example.org';
const gateway = { 'x-forwarded-for': '192.0.2.20', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'ide.example.org', origin: PUBLIC };

describe('auth under https at the root of its host', () => {
  describe('with local accounts', () => {
    let auth: BootedAuth;
    beforeAll(async () => {
      auth = await bootAuth({ PUBLIC_URL: PUBLIC });
    });
    afterAll(() => auth.close());

    it('starts without the warning about cookies under a path', () => {
      expect(auth.logs.some((l) => l.includes('cannot be __Host- cookies'))).toBe(false);
    });

    it('sets __Host- cookies: Secure, Path=/, no Domain', async () => {
      const res = await new Browser(auth.url, gateway).post('/auth/local/signup', { username: uniqueName('hana').slice(0, 39), password: 'a good long password' });
      expect(res.status).toBe(201);
      const cookies = res.headers.getSetCookie();
      expect(cookies.map((c) => c.split('=')[0])).toEqual(['__Host-imad_session', '__Host-imad_csrf']);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/; Path=\/; /);
        expect(cookie).toMatch(/; Secure$/);
        expect(cookie).not.toMatch(/Domain=/i);
      }
    });

    it("ignores a session planted under the plain name, even when it comes first, and signs out only the student's own", async () => {
      const attacker = new Browser(auth.url, gateway);
      await attacker.post('/auth/local/signup', { username: uniqueName('mallory').slice(0, 39), password: 'a good long password' });
      const planted = attacker.cookies.get('__Host-imad_session')!;

      const visitor = new Browser(auth.url, gateway);
      visitor.cookies.set('imad_session', planted);
      expect((await visitor.get('/auth/session')).status).toBe(401);

      const name = uniqueName('vic').slice(0, 39);
      expect((await visitor.post('/auth/local/signup', { username: name, password: 'a good long password' })).status).toBe(201);
      const session = (await (await visitor.get('/auth/session')).json()) as { user: { login: string } };
      expect(session.user.login).toBe(name);

      expect((await visitor.postWithCsrf('/auth/signout')).status).toBe(204);
      expect((await attacker.get('/auth/session')).status).toBe(200);
    });
  });

  describe('with GitHub', () => {
    const env = useAuthWithGitHub({ PUBLIC_URL: PUBLIC });

    it('binds the OAuth state with a __Host- cookie on Path=/ and completes the sign-in with it', async () => {
      const { auth, github } = env;
      const browser = new Browser(auth.url, { ...gateway, ...NAVIGATION });
      const start = await browser.get('/auth/github');
      expect(start.headers.getSetCookie()[0]).toMatch(/^__Host-imad_oauth=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=600; SameSite=Lax; HttpOnly; Secure$/);
      const state = new URL(start.headers.get('location')!).searchParams.get('state');
      const code = github.authorize({ id: 78_000_000 + Math.floor(Math.random() * 1e6), login: uniqueName('gh') });
      const back = await browser.get(`/auth/github/callback?code=${code}&state=${state}`);
      expect(back.status).toBe(302);
      expect(browser.cookies.has('__Host-imad_session')).toBe(true);
      expect(browser.cookies.has('__Host-imad_oauth')).toBe(false);
    });
  });
});
