import { uniqueName } from '@imad/testing';
import { bootAuth, type BootedAuth } from './support/boot';
import { Browser, errorOf } from './support/http';

describe('a student with a local account', () => {
  let auth: BootedAuth;
  beforeAll(async () => {
    auth = await bootAuth();
  });
  afterAll(() => auth.close());

  const username = uniqueName('ada').slice(0, 39);
  const password = 'correct horse battery';

  it('signs up and is signed in at once, with an app name from the username', async () => {
    const browser = new Browser(auth.url);
    const res = await browser.post('/auth/local/signup', { username, password });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { userId: string; login: string; appName: string; provider: string } };
    expect(user).toEqual({ userId: expect.stringMatching(/^u_[a-z0-9]{8,40}$/), login: username, appName: username, provider: 'local' });
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('imad_session='))).toMatch(/; HttpOnly/);
    expect(cookies.find((c) => c.startsWith('imad_session='))).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('imad_csrf='))).not.toMatch(/HttpOnly/);
    const session = await browser.get('/auth/session');
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: unknown }).user).toEqual(user);
  });

  it('signs out, after which the same cookie no longer works', async () => {
    const browser = new Browser(auth.url);
    await browser.post('/auth/local/signin', { username, password });
    const stolen = browser.cookies.get('imad_session');
    const res = await browser.postWithCsrf('/auth/signout');
    expect(res.status).toBe(204);
    expect(browser.cookies.has('imad_session')).toBe(false);
    const replay = new Browser(auth.url);
    replay.cookies.set('imad_session', stolen!);
    const after = await replay.get('/auth/session');
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('AUTH.NO_SESSION');
  });

  it('signs in again with the same user id and app name', async () => {
    const first = new Browser(auth.url);
    const a = (await (await first.post('/auth/local/signin', { username: username.toUpperCase(), password })).json()) as { user: { userId: string; appName: string } };
    const again = (await (await new Browser(auth.url).post('/auth/local/signin', { username, password })).json()) as { user: { userId: string; appName: string } };
    expect(again.user).toEqual(a.user);
    expect(a.user.appName).toBe(username);
  });

  it('ends the browser\'s previous session when it signs in again', async () => {
    const browser = new Browser(auth.url);
    await browser.post('/auth/local/signin', { username, password });
    const previous = browser.cookies.get('imad_session')!;
    expect((await browser.post('/auth/local/signin', { username, password })).status).toBe(200);
    expect(browser.cookies.get('imad_session')).not.toBe(previous);
    const old = new Browser(auth.url);
    old.cookies.set('imad_session', previous);
    expect((await old.get('/auth/session')).status).toBe(401);
    expect((await browser.get('/auth/session')).status).toBe(200);
  });

  it('signs out everywhere: every browser of the student loses its session, other students keep theirs', async () => {
    const laptop = new Browser(auth.url);
    const phone = new Browser(auth.url);
    await laptop.post('/auth/local/signin', { username, password });
    await phone.post('/auth/local/signin', { username, password });
    const other = new Browser(auth.url);
    expect((await other.post('/auth/local/signup', { username: uniqueName('bob').slice(0, 39), password })).status).toBe(201);

    expect((await laptop.postWithCsrf('/auth/signout-all')).status).toBe(204);
    expect((await phone.get('/auth/session')).status).toBe(401);
    expect((await laptop.get('/auth/session')).status).toBe(401);
    expect((await other.get('/auth/session')).status).toBe(200);
  });

  it('refuses sign-out-everywhere without the CSRF token, and the session survives', async () => {
    const browser = new Browser(auth.url);
    await browser.post('/auth/local/signin', { username, password });
    const res = await browser.post('/auth/signout-all');
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('AUTH.CSRF_FAILED');
    expect((await browser.get('/auth/session')).status).toBe(200);
  });

  it('refuses a second sign-up with the same username in any case', async () => {
    const res = await new Browser(auth.url).post('/auth/local/signup', { username: username.toUpperCase(), password });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'AUTH.USERNAME_TAKEN', field: 'username' });
  });

  it('counts sessions started and refusals on /metrics', async () => {
    const text = await (await fetch(`${auth.url}/metrics`)).text();
    expect(Number(/imad_auth_sessions_started_total\{[^}]*provider="local"[^}]*\} (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(7);
    expect(text).toMatch(/imad_auth_errors_total\{[^}]*code="AUTH.USERNAME_TAKEN"[^}]*\} 1/);
  });

  it('never writes the password to the logs', () => {
    expect(auth.logs.length).toBeGreaterThan(0);
    expect(auth.logs.join('\n')).not.toContain(password);
  });
});
