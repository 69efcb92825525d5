import { Redis } from 'ioredis';
import { AppError } from '@imad/contracts';
import { redisUrl } from '@imad/testing';
import { parseKeyring, TokenVault } from '@imad/token-vault';
import { FakeGitHub } from './support/fake-github';
import { bootWithGitHub, githubUser, newKey, signInWithGitHub } from './support/github-flow';

/** Rotation as an operator does it: restart with a new key first, then drop the old one. */
describe('rotating TOKEN_ENCRYPTION_KEYS', () => {
  let github: FakeGitHub;
  const oldKey = newKey('old');
  const freshKey = newKey('new');
  const student = githubUser();
  const idle = githubUser();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    github = await new FakeGitHub().start();
  });
  afterAll(() => github.stop());
  afterEach(() => expect(github.problems).toEqual([]));

  async function signIn(keys: string, user: { id: number; login: string }) {
    const { auth } = await bootWithGitHub({ TOKEN_ENCRYPTION_KEYS: keys }, github);
    try {
      const { browser, res } = await signInWithGitHub(auth, github, user);
      expect(res.status).toBe(302);
      const { user: u } = (await (await browser.get('/auth/session')).json()) as { user: { userId: string } };
      ids[user.login] = u.userId;
      return { sealed: JSON.parse((await auth.redis.get(`imad:github-token:${u.userId}`))!).sealed as string };
    } finally {
      await auth.close();
    }
  }

  it('seals tokens under the only key at first', async () => {
    expect((await signIn(oldKey, student)).sealed).toMatch(/^v1\.old\./);
    expect((await signIn(oldKey, idle)).sealed).toMatch(/^v1\.old\./);
  });

  it('seals new sign-ins under the key listed first, and still opens the old ones (re-sealing them on read)', async () => {
    const { sealed } = await signIn(`${freshKey},${oldKey}`, student);
    expect(sealed).toMatch(/^v1\.new\./);
    const redis = new Redis(redisUrl());
    try {
      const vault = new TokenVault(redis, parseKeyring(`${freshKey},${oldKey}`));
      const token = await vault.get(ids[idle.login]);
      expect(token).toMatchObject({ keyId: 'old', token: expect.stringMatching(/^gho_/) });
      expect(JSON.parse((await redis.get(`imad:github-token:${ids[idle.login]}`))!).sealed).toMatch(/^v1\.new\./);
      expect((await vault.get(ids[idle.login]))?.token).toBe(token?.token);
    } finally {
      await redis.quit();
    }
  });

  it('with the old key dropped, tokens it sealed are refused by name and the next sign-in writes a fresh one', async () => {
    const other = githubUser();
    await signIn(oldKey, other);
    const redis = new Redis(redisUrl());
    try {
      const vault = new TokenVault(redis, parseKeyring(freshKey));
      const error = await vault.get(ids[other.login]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('TOKEN_VAULT.UNKNOWN_KEY');
      expect((await signIn(freshKey, other)).sealed).toMatch(/^v1\.new\./);
      expect((await vault.get(ids[other.login]))?.keyId).toBe('new');
    } finally {
      await redis.quit();
    }
  });
});
