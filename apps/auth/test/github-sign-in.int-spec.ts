import { TokenVault } from '@imad/token-vault';
import { captureUserRegistered } from './support/events';
import { bootWithGitHub, githubUser, NAVIGATION, returnFromGitHub, signInWithGitHub } from './support/github-flow';
import type { BootedAuth } from './support/boot';
import { PUBLIC_URL } from './support/boot';
import type { FakeGitHub } from './support/fake-github';
import { Browser } from './support/http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('signing in with GitHub', () => {
  let auth: BootedAuth;
  let github: FakeGitHub;
  let events: Awaited<ReturnType<typeof captureUserRegistered>>;
  beforeAll(async () => {
    ({ auth, github } = await bootWithGitHub());
    events = await captureUserRegistered();
  });
  afterAll(async () => {
    await events.close();
    await auth.close();
    await github.stop();
  });
  afterEach(() => expect(github.problems).toEqual([]));

  it('sends the browser to GitHub asking for public_repo only, with a state bound to this browser', async () => {
    const browser = new Browser(auth.url);
    const res = await browser.get('/auth/github', NAVIGATION);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${github.url}/login/oauth/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: github.clientId,
      redirect_uri: `${PUBLIC_URL}/auth/github/callback`,
      scope: 'public_repo',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      allow_signup: 'true',
    });
    expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^imad_oauth=[A-Za-z0-9_-]{43}; Path=\/auth\/github; Max-Age=600; SameSite=Lax; HttpOnly$/)]);
  });

  it('comes back signed in: account, session, encrypted token, and one user.registered', async () => {
    const user = githubUser();
    const { browser, res } = await signInWithGitHub(auth, github, user);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${PUBLIC_URL}/`);
    expect(browser.cookies.has('imad_oauth')).toBe(false);
    const session = (await (await browser.get('/auth/session')).json()) as { user: { userId: string; login: string; appName: string; provider: string } };
    expect(session.user).toEqual({ userId: expect.stringMatching(/^u_/), login: user.login, appName: user.login.toLowerCase(), provider: 'github' });

    const token = github.issuedTokens.at(-1)!;
    const raw = await auth.redis.get(`imad:github-token:${session.user.userId}`);
    expect(raw).not.toBeNull();
    expect(raw).not.toContain(token);
    const stored = await new TokenVault(auth.redis, auth.config.TOKEN_ENCRYPTION_KEYS!).get(session.user.userId);
    expect(stored).toMatchObject({ token, scopes: ['public_repo'] });

    const event = await events.waitFor(user.login);
    expect(event).toMatchObject({ type: 'user.registered', id: `user.registered:${session.user.userId}`, payload: { ...session.user } });
    expect(github.tokenRequests.at(-1)).toMatchObject({ client_id: github.clientId, redirect_uri: `${PUBLIC_URL}/auth/github/callback` });
  });

  it('keeps the user id and app name on later sign-ins, even after a GitHub rename, and publishes nothing new', async () => {
    const user = githubUser();
    const first = await signInWithGitHub(auth, github, user);
    const a = ((await (await first.browser.get('/auth/session')).json()) as { user: { userId: string; appName: string } }).user;
    await events.waitFor(user.login);
    const renamed = { id: user.id, login: `${user.login}-renamed` };
    const again = await signInWithGitHub(auth, github, renamed);
    const b = ((await (await again.browser.get('/auth/session')).json()) as { user: { userId: string; appName: string; login: string } }).user;
    expect(b).toMatchObject({ userId: a.userId, appName: a.appName, login: renamed.login });
    await sleep(1000);
    expect(events.forLogin(user.login)).toHaveLength(1);
    expect(events.forLogin(renamed.login)).toHaveLength(0);
  });

  it('gives a login whose app name is taken (or reserved) a suffixed name', async () => {
    const first = githubUser();
    const clash = { id: first.id + 1, login: first.login.toUpperCase() };
    await signInWithGitHub(auth, github, first);
    const { browser } = await signInWithGitHub(auth, github, clash);
    const { user } = (await (await browser.get('/auth/session')).json()) as { user: { appName: string } };
    expect(user.appName).toBe(`${first.login.toLowerCase()}-2`);
    const admin = await signInWithGitHub(auth, github, { id: first.id + 2, login: 'admin' });
    const adminUser = ((await (await admin.browser.get('/auth/session')).json()) as { user: { appName: string } }).user;
    expect(adminUser.appName).toMatch(/^admin-[0-9a-f]+$/);
  });

  it('goes back to the page the student started from, but never off-site', async () => {
    const browser = new Browser(auth.url);
    const start = await browser.get('/auth/github?returnTo=%2F%3Ffile%3Dindex.js', NAVIGATION);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await returnFromGitHub(browser, { code: github.authorize(githubUser()), state });
    expect(res.headers.get('location')).toBe(`${PUBLIC_URL}/?file=index.js`);
    const evil = new Browser(auth.url);
    const start2 = await evil.get('/auth/github?returnTo=%2F%2Fevil.example', NAVIGATION);
    const s3 = new URL(start2.headers.get('location')!).searchParams.get('state')!;
    const res2 = await returnFromGitHub(evil, { code: github.authorize(githubUser()), state: s3 });
    expect(res2.headers.get('location')).toBe(`${PUBLIC_URL}/`);
  });

  it('never writes a GitHub token or the client secret to the logs', () => {
    const logs = auth.logs.join('\n');
    expect(github.issuedTokens.length).toBeGreaterThan(3);
    for (const token of github.issuedTokens) expect(logs).not.toContain(token);
    expect(logs).not.toContain(github.clientSecret);
  });
});

