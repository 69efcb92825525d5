import { createHash, randomBytes } from 'node:crypto';
import type { BootedAuth } from './support/boot';
import type { FakeGitHub } from './support/fake-github';
import { bootWithGitHub, githubUser, returnFromGitHub, startSignIn } from './support/github-flow';
import { Browser } from './support/http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the OAuth state on the way back from GitHub', () => {
  let auth: BootedAuth;
  let github: FakeGitHub;
  beforeAll(async () => {
    ({ auth, github } = await bootWithGitHub());
  });
  afterAll(async () => {
    await auth.close();
    await github.stop();
  });
  afterEach(() => expect(github.problems).toEqual([]));

  /** A refused callback: a page for the student, no session, and GitHub never asked to exchange the code. */
  async function expectRefused(res: Response, code: string, wording: RegExp, tokenRequestsBefore: number) {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toMatch(wording);
    expect(page).toContain(code);
    expect(page).toContain('href="http://localhost:8080/auth/github"');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('imad_session='))).toBe(false);
    expect(github.tokenRequests).toHaveLength(tokenRequestsBefore);
  }

  it('refuses a state auth never issued (forged)', async () => {
    const browser = new Browser(auth.url);
    await startSignIn(browser);
    const before = github.tokenRequests.length;
    const res = await returnFromGitHub(browser, { code: github.authorize(githubUser()), state: randomBytes(32).toString('base64url') });
    await expectRefused(res, 'AUTH.STATE_INVALID', /expired or was already used/, before);
  });

  it('refuses a callback without any state', async () => {
    const browser = new Browser(auth.url);
    const before = github.tokenRequests.length;
    await expectRefused(await returnFromGitHub(browser, { code: 'abc' }), 'AUTH.STATE_INVALID', /expired or was already used/, before);
  });

  it('refuses a state used once already (replayed), even with a fresh code', async () => {
    const browser = new Browser(auth.url);
    const { state } = await startSignIn(browser);
    const binding = browser.cookies.get('imad_oauth')!;
    expect((await returnFromGitHub(browser, { code: github.authorize(githubUser()), state })).status).toBe(302);
    const replay = new Browser(auth.url);
    replay.cookies.set('imad_oauth', binding);
    const before = github.tokenRequests.length;
    await expectRefused(await returnFromGitHub(replay, { code: github.authorize(githubUser()), state }), 'AUTH.STATE_INVALID', /already used/, before);
  });

  it('refuses a state older than its ten minutes', async () => {
    const browser = new Browser(auth.url);
    const { state } = await startSignIn(browser);
    const key = `imad:oauth-state:${createHash('sha256').update(state).digest('hex')}`;
    expect(await auth.redis.ttl(key)).toBeGreaterThan(590);
    await auth.redis.pexpire(key, 1); // let Redis expire it, as ten minutes would
    await sleep(20);
    const before = github.tokenRequests.length;
    await expectRefused(await returnFromGitHub(browser, { code: github.authorize(githubUser()), state }), 'AUTH.STATE_INVALID', /expired/, before);
  });

  it('refuses a state brought back in another browser, and burns it', async () => {
    const victim = new Browser(auth.url);
    const { state } = await startSignIn(victim);
    const before = github.tokenRequests.length;
    const attacker = new Browser(auth.url);
    await expectRefused(await returnFromGitHub(attacker, { code: github.authorize(githubUser()), state }), 'AUTH.STATE_MISMATCH', /started in another browser/, before);
    await expectRefused(await returnFromGitHub(victim, { code: github.authorize(githubUser()), state }), 'AUTH.STATE_INVALID', /already used/, before);
  });

  it('answers JSON with the same code to a fetch', async () => {
    const res = await returnFromGitHub(new Browser(auth.url), { code: 'x', state: 'y' }, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH.STATE_INVALID');
  });
});
