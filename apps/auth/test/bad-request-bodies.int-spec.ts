import { uniqueName } from '@imad/testing';
import { bootAuth, PUBLIC_URL, type BootedAuth } from './support/boot';
import { Browser, errorOf } from './support/http';

describe('request bodies auth refuses', () => {
  let auth: BootedAuth;
  beforeAll(async () => {
    auth = await bootAuth();
  });
  afterAll(() => auth.close());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    new Browser(auth.url).request('POST', '/auth/local/signup', { body, headers });

  it('answers 413 to a huge body, before reading it as an account', async () => {
    const username = uniqueName('big').slice(0, 39);
    const res = await post(JSON.stringify({ username, password: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('REQUEST.TOO_LARGE');
    expect(await auth.redis.exists(`imad:account-by:local:${username}`)).toBe(0);
  });

  it('answers 400 naming the problem for malformed JSON', async () => {
    const res = await post('{"username": "amy", "password": ');
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('REQUEST.MALFORMED_JSON');
    expect(error.message).toMatch(/not valid JSON: .*JSON/);
  });

  it('answers 415 to a form post (what a cross-site form would send)', async () => {
    const res = await post('username=amy&password=whatever12', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    [{ password: 'long enough pw' }, 'username', /required/],
    [{ username: 'ok-name', password: 'short' }, 'password', /at least 8/],
    [{ username: '-bad-', password: 'long enough pw' }, 'username', /letters, digits or hyphens/],
    [['not', 'an', 'object'], 'body', /JSON object/],
  ])('answers 400 naming the field for %j', async (body, field, message) => {
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'REQUEST.INVALID', field, message: expect.stringMatching(message) });
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await new Browser(auth.url).post('/auth/local/signin', { username: 'amy', password: 'whatever12' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('AUTH.ORIGIN_REFUSED');
    const ok = await new Browser(auth.url).post('/auth/local/signin', { username: uniqueName('amy'), password: 'whatever12' }, { origin: PUBLIC_URL });
    expect(ok.status).toBe(401);
  });

  it('answers the GitHub routes with a clear page when only local accounts are enabled', async () => {
    const res = await new Browser(auth.url).get('/auth/github', { accept: 'text/html' });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/Signing in with GitHub is not enabled here; use your imad username and password/);
  });
});
