import type { BootedAuth } from './support/boot';
import { captureUserRegistered } from './support/events';
import type { FakeGitHub } from './support/fake-github';
import { bootWithGitHub, githubUser, returnFromGitHub, startSignIn } from './support/github-flow';
import { Browser } from './support/http';

describe('when GitHub refuses, fails or stalls during the callback', () => {
  let auth: BootedAuth;
  let github: FakeGitHub;
  let events: Awaited<ReturnType<typeof captureUserRegistered>>;
  beforeAll(async () => {
    ({ auth, github } = await bootWithGitHub({ GITHUB_TIMEOUT_MS: '1500' }));
    events = await captureUserRegistered();
  });
  afterAll(async () => {
    await events.close();
    await auth.close();
    await github.stop();
  });
  afterEach(() => {
    github.tokenEndpoint = 'ok';
    github.userEndpoint = 'ok';
    expect(github.problems).toEqual([]);
  });

  /** The callback for a GitHub user new to imad; afterwards no trace of them may exist. */
  async function failedSignIn(options: { prepare?: (code: string) => Promise<void> | void; scope?: string; extra?: Record<string, string> } = {}) {
    const user = githubUser();
    const browser = new Browser(auth.url);
    const { state } = await startSignIn(browser);
    const code = github.authorize(user, options.scope ?? 'public_repo');
    await options.prepare?.(code);
    const started = Date.now();
    const res = await returnFromGitHub(browser, { code, state, ...options.extra });
    const elapsedMs = Date.now() - started;
    const page = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(page).toContain('Signing in with GitHub did not work');
    expect(page).toContain('href="http://localhost:8080/auth/github"');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('imad_session='))).toBe(false);
    expect(await auth.redis.exists(`imad:account-by:github:${user.id}`)).toBe(0);
    expect(await auth.redis.exists(`imad:app-name:${user.login.toLowerCase()}`)).toBe(0);
    expect((await browser.get('/auth/session')).status).toBe(401);
    expect(events.forLogin(user.login)).toEqual([]);
    return { status: res.status, page, elapsedMs };
  }

  /** Someone else (another tab, a replayed URL) exchanged the code first. */
  const exchangeElsewhere = async (code: string) => {
    const res = await fetch(`${github.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: github.clientId, client_secret: github.clientSecret, code }),
    });
    expect(((await res.json()) as { access_token?: string }).access_token).toMatch(/^gho_/);
  };

  it('explains a code GitHub already exchanged (GitHub: 200 bad_verification_code)', async () => {
    const r = await failedSignIn({ prepare: exchangeElsewhere });
    expect(r.status).toBe(400);
    expect(r.page).toContain('AUTH.GITHUB_CODE_INVALID');
    expect(r.page).toMatch(/expired or was already used/);
  });

  it('explains an expired code the same way', async () => {
    const r = await failedSignIn({ prepare: (code) => github.expire(code) });
    expect(r.status).toBe(400);
    expect(r.page).toContain('AUTH.GITHUB_CODE_INVALID');
  });

  it('explains GitHub refusing the new token (GET /user 401 Bad credentials)', async () => {
    const r = await failedSignIn({ prepare: () => void (github.userEndpoint = 'status-401') });
    expect(r.status).toBe(502);
    expect(r.page).toContain('AUTH.GITHUB_REJECTED');
    expect(r.page).toContain('HTTP 401: Bad credentials');
  });

  it('explains GitHub refusing the profile read (GET /user 403 rate limit)', async () => {
    const r = await failedSignIn({ prepare: () => void (github.userEndpoint = 'status-403') });
    expect(r.status).toBe(502);
    expect(r.page).toContain('HTTP 403: API rate limit exceeded');
  });

  it.each([
    ['the token exchange', 'tokenEndpoint'],
    ['the profile read', 'userEndpoint'],
  ] as const)('explains a GitHub outage during %s (HTTP 503)', async (_what, endpoint) => {
    const r = await failedSignIn({ prepare: () => void (github[endpoint] = 'status-503') });
    expect(r.status).toBe(502);
    expect(r.page).toContain('AUTH.GITHUB_UNAVAILABLE');
    expect(r.page).toMatch(/not answering properly right now \(HTTP 503\)/);
  });

  it.each([
    ['the token exchange', 'tokenEndpoint'],
    ['the profile read', 'userEndpoint'],
  ] as const)('gives up on GitHub after GITHUB_TIMEOUT_MS during %s', async (_what, endpoint) => {
    const r = await failedSignIn({ prepare: () => void (github[endpoint] = 'hang') });
    expect(r.status).toBe(504);
    expect(r.page).toContain('AUTH.GITHUB_TIMEOUT');
    expect(r.elapsedMs).toBeGreaterThanOrEqual(1400);
    expect(r.elapsedMs).toBeLessThan(5000);
  });

  it('explains a student pressing Cancel on GitHub (error=access_denied)', async () => {
    const before = github.tokenRequests.length;
    const r = await failedSignIn({ extra: { error: 'access_denied', error_description: 'The user has denied your application access.' } });
    expect(r.status).toBe(403);
    expect(r.page).toContain('AUTH.GITHUB_DENIED');
    expect(github.tokenRequests).toHaveLength(before);
  });

  it('refuses a grant without public_repo', async () => {
    const r = await failedSignIn({ scope: 'read:user' });
    expect(r.status).toBe(403);
    expect(r.page).toContain('AUTH.GITHUB_SCOPE_MISSING');
  });

  it('logs the failures without the client secret, codes or tokens', () => {
    const logs = auth.logs.join('\n');
    expect(logs).toMatch(/AUTH.GITHUB_UNAVAILABLE/);
    expect(logs).not.toContain(github.clientSecret);
    for (const token of github.issuedTokens) expect(logs).not.toContain(token);
    for (const request of github.tokenRequests) expect(logs).not.toContain(request.code);
  });
});
