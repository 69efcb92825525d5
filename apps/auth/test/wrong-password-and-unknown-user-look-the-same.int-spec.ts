import { uniqueName } from '@imad/testing';
import { bootAuth, type BootedAuth } from './support/boot';
import { Browser } from './support/http';

describe('signing in with bad credentials', () => {
  let auth: BootedAuth;
  const username = uniqueName('grace').slice(0, 39);
  beforeAll(async () => {
    auth = await bootAuth();
    expect((await new Browser(auth.url).post('/auth/local/signup', { username, password: 'the right password' })).status).toBe(201);
  });
  afterAll(() => auth.close());

  it('answers a wrong password and an unknown username with the same status and body, and no session', async () => {
    const wrong = await new Browser(auth.url).post('/auth/local/signin', { username, password: 'not the password' });
    const unknown = await new Browser(auth.url).post('/auth/local/signin', { username: uniqueName('nobody'), password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a).toEqual({ error: { code: 'AUTH.INVALID_CREDENTIALS', message: 'Wrong username or password.' } });
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(unknown.headers.getSetCookie()).toEqual([]);
  });

  it('takes about as long for an unknown username as for a wrong password (the hash runs either way)', async () => {
    const time = async (name: string) => {
      const started = performance.now();
      await new Browser(auth.url).post('/auth/local/signin', { username: name, password: 'not the password' });
      return performance.now() - started;
    };
    const known = [await time(username), await time(username), await time(username)].sort((x, y) => x - y)[1];
    const unknown = [await time(uniqueName('nobody')), await time(uniqueName('nobody')), await time(uniqueName('nobody'))].sort((x, y) => x - y)[1];
    // A skipped hash would answer in ~1 ms against tens of ms: a ratio far below this bound.
    expect(unknown / known).toBeGreaterThan(0.4);
  });
});
