import { randomBytes } from 'node:crypto';
import { bootAuth, type BootedAuth } from './boot';
import { FakeGitHub } from './fake-github';
import { Browser } from './http';

export const newKey = (id: string) => `${id}:${randomBytes(32).toString('hex')}`;

/** Auth with AUTH_PROVIDER=github, pointed at a fake GitHub (web and API hosts). */
export async function bootWithGitHub(env: Record<string, string> = {}, github?: FakeGitHub): Promise<{ auth: BootedAuth; github: FakeGitHub }> {
  const gh = github ?? (await new FakeGitHub().start());
  const auth = await bootAuth({
    AUTH_PROVIDER: 'github',
    GITHUB_CLIENT_ID: gh.clientId,
    GITHUB_CLIENT_SECRET: gh.clientSecret,
    GITHUB_BASE_URL: gh.url,
    GITHUB_API_URL: gh.apiUrl,
    TOKEN_ENCRYPTION_KEYS: newKey('k1'),
    ...env,
  });
  return { auth, github: gh };
}

/** Jest hooks: auth with GitHub for the enclosing describe block, stopped after it. */
export function useAuthWithGitHub(env: Record<string, string> = {}): { readonly auth: BootedAuth; readonly github: FakeGitHub } {
  let booted: { auth: BootedAuth; github: FakeGitHub } | undefined;
  beforeAll(async () => {
    booted = await bootWithGitHub(env);
  });
  afterAll(async () => {
    await booted?.auth.close();
    await booted?.github.stop();
  });
  return {
    get auth() {
      return booted!.auth;
    },
    get github() {
      return booted!.github;
    },
  };
}

/** What a navigating browser sends. */
export const NAVIGATION = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** Presses "Sign in with GitHub": returns the state GitHub would carry back. */
export async function startSignIn(browser: Browser): Promise<{ state: string; location: URL }> {
  const res = await browser.get('/auth/github', NAVIGATION);
  if (res.status !== 302) throw new Error(`GET /auth/github answered ${res.status}: ${await res.text()}`);
  const location = new URL(res.headers.get('location')!);
  return { state: location.searchParams.get('state')!, location };
}

/** GitHub redirecting the browser back with `code` and `state`. */
export function returnFromGitHub(browser: Browser, params: Record<string, string>, headers: Record<string, string> = NAVIGATION): Promise<Response> {
  return browser.get(`/auth/github/callback?${new URLSearchParams(params)}`, headers);
}

/** The whole flow for one GitHub user in a fresh browser. */
export async function signInWithGitHub(auth: BootedAuth, github: FakeGitHub, user: { id: number; login: string }): Promise<{ browser: Browser; res: Response }> {
  const browser = new Browser(auth.url);
  const { state } = await startSignIn(browser);
  const res = await returnFromGitHub(browser, { code: github.authorize(user), state });
  return { browser, res };
}

export const githubUser = () => ({ id: 10_000_000 + Math.floor(Math.random() * 80_000_000), login: `Octo-${randomBytes(4).toString('hex')}` });
