import { uniqueName } from '@imad/testing';
import { bootWithGitHub, githubUser, returnFromGitHub, startSignIn } from './support/github-flow';
import { bootAuth, type BootedAuth } from './support/boot';
import { captureUserRegistered } from './support/events';
import type { FakeGitHub } from './support/fake-github';
import { Browser } from './support/http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('user.registered', () => {
  let events: Awaited<ReturnType<typeof captureUserRegistered>>;
  beforeAll(async () => {
    events = await captureUserRegistered();
  });
  afterAll(() => events.close());

  describe('for local accounts', () => {
    let auth: BootedAuth;
    beforeAll(async () => {
      auth = await bootAuth();
    });
    afterAll(() => auth.close());

    it('is published once when two sign-ups of the same name race, and not again on sign-in', async () => {
      const username = uniqueName('lin').slice(0, 39);
      const password = 'a good long password';
      const statuses = (await Promise.all([1, 2].map(() => new Browser(auth.url).post('/auth/local/signup', { username, password })))).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const event = await events.waitFor(username);
      expect(event.payload).toMatchObject({ login: username, appName: username, provider: 'local' });
      await Promise.all([1, 2].map(() => new Browser(auth.url).post('/auth/local/signin', { username, password })));
      await sleep(1000);
      expect(events.forLogin(username)).toHaveLength(1);
    });
  });

  describe('for GitHub accounts', () => {
    let auth: BootedAuth;
    let github: FakeGitHub;
    beforeAll(async () => {
      ({ auth, github } = await bootWithGitHub());
    });
    afterAll(async () => {
      await auth.close();
      await github.stop();
    });

    it('is published once when a new student completes two sign-ins at the same moment', async () => {
      const user = githubUser();
      const browsers = [new Browser(auth.url), new Browser(auth.url)];
      const states = await Promise.all(browsers.map((b) => startSignIn(b)));
      const results = await Promise.all(browsers.map((b, i) => returnFromGitHub(b, { code: github.authorize(user), state: states[i].state })));
      expect(results.map((r) => r.status)).toEqual([302, 302]);
      const sessions = await Promise.all(browsers.map(async (b) => ((await (await b.get('/auth/session')).json()) as { user: { userId: string } }).user.userId));
      expect(sessions[0]).toBe(sessions[1]);
      await events.waitFor(user.login);
      await sleep(1000);
      expect(events.forLogin(user.login)).toHaveLength(1);
      expect(events.forLogin(user.login)[0].payload.userId).toBe(sessions[0]);
      expect(github.problems).toEqual([]);
    });
  });
});
