import { uniqueName } from '@imad/testing';
import { bootAuth, type BootedAuth } from './support/boot';
import { Browser, errorOf } from './support/http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session cookies that are not (or no longer) valid', () => {
  let auth: BootedAuth;
  beforeAll(async () => {
    auth = await bootAuth({ SESSION_TTL_SECONDS: '2' });
  });
  afterAll(() => auth.close());

  async function signedIn(): Promise<Browser> {
    const browser = new Browser(auth.url);
    expect((await browser.post('/auth/local/signup', { username: uniqueName('kay').slice(0, 39), password: 'a good long password' })).status).toBe(201);
    return browser;
  }

  it('answers 401 to a cookie with one character changed', async () => {
    const browser = await signedIn();
    const id = browser.cookies.get('imad_session')!;
    browser.cookies.set('imad_session', `${id.slice(0, 10)}${id[10] === 'x' ? 'y' : 'x'}${id.slice(11)}`);
    const res = await browser.get('/auth/session');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('AUTH.NO_SESSION');
  });

  it('answers 401 to junk and to no cookie at all', async () => {
    const junk = new Browser(auth.url);
    junk.cookies.set('imad_session', '"><script>');
    expect((await junk.get('/auth/session')).status).toBe(401);
    expect((await new Browser(auth.url).get('/auth/session')).status).toBe(401);
  });

  it('keeps a session alive while it is used and ends it once idle longer than SESSION_TTL_SECONDS', async () => {
    const browser = await signedIn();
    for (let i = 0; i < 3; i++) {
      await sleep(1000);
      expect((await browser.get('/auth/session')).status).toBe(200);
    }
    await sleep(2300);
    const res = await browser.get('/auth/session');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('AUTH.NO_SESSION');
  });

  it('shows a page, not JSON, when a browser navigates there without a session', async () => {
    const res = await new Browser(auth.url).get('/auth/session', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('You are not signed in');
  });
});
