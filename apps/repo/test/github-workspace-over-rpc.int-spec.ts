import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { RepoCommit, RepoInfoRpc, RepoProvision, RepoRead, RepoTree } from '@imad/contracts';
import { redisUrl, repoRoot } from '@imad/testing';
import { parseKeyring, TokenVault } from '@imad/token-vault';
import { missingResponseFields, operationFor, requestProblems } from './support/fake-github/openapi';
import { addRepo } from './support/fake-github/routes';
import { FakeGitHub } from './support/fake-github/server';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

const KEYS = `k1:${randomBytes(32).toString('hex')}`;

describe('a GitHub-hosted workspace through the booted service', () => {
  let fake: FakeGitHub;
  let repo: RunningRepo;
  let redis: Redis;
  let vault: TokenVault;
  beforeAll(async () => {
    fake = await FakeGitHub.start();
    await addRepo(fake, 'imad-course/node-starter', { dir: path.join(repoRoot, 'templates/node-starter'), isTemplate: true, owner: 'imad-course' });
    repo = await startRepo({ env: { GITHOST: 'github', GITHUB_API_URL: fake.url, GITHUB_TEMPLATE_REPO: 'imad-course/node-starter', TOKEN_ENCRYPTION_KEYS: KEYS } });
    redis = new Redis(redisUrl());
    vault = new TokenVault(redis, parseKeyring(KEYS));
  });
  afterAll(async () => {
    await redis.quit();
    await repo.close();
    const problems = fake.requests.flatMap((r) => {
      const op = operationFor(r.method, new URL(r.url, fake.url).pathname);
      const shape = op && !r.fault && r.status < 300 && typeof r.response === 'object' ? missingResponseFields(op.operationId, op.template, r.method, r.status, r.response) : [];
      return [...requestProblems(r.method, r.url, r.body), ...shape];
    });
    await fake.close();
    expect(problems).toEqual([]);
  });

  it('provisions in the student’s account with their sealed token and saves three files as one commit', async () => {
    const student = newStudent();
    const token = `gho_${randomBytes(18).toString('hex')}`;
    fake.addUser(student.login, token);
    await vault.put(student.userId, token, { scopes: ['public_repo'] });

    const info = await repo.call(RepoProvision, student, 30_000);
    expect(info).toMatchObject({ host: 'github', fullName: `${student.login}/${student.appName}`, cloneUrl: `https://github.com/${student.login}/${student.appName}.git` });
    const saved = await repo.call(
      RepoCommit,
      {
        userId: student.userId,
        baseCommit: info.head,
        message: 'three files',
        changes: ['server.js', 'README.md', 'public/style.css'].map((p) => ({ op: 'upsert' as const, path: p, content: `new ${p}` })),
      },
      30_000,
    );
    expect(fake.requests.filter((r) => r.operationId === 'git/create-commit')).toHaveLength(1);
    expect(await fake.repos.get(info.fullName)!.store.head('main')).toBe(saved.commit);
    expect((await repo.call(RepoInfoRpc, { userId: student.userId })).head).toBe(saved.commit);
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'public/style.css' })).content).toBe('new public/style.css');
    expect((await repo.call(RepoTree, { userId: student.userId })).entries).toHaveLength(5);
    // Every request about the student's repository was made with the student's own token.
    const onTheirRepo = fake.requests.filter((r) => r.url.startsWith(`/repos/${student.login}/`));
    expect(onTheirRepo.length).toBeGreaterThan(5);
    expect(new Set(onTheirRepo.map((r) => r.login))).toEqual(new Set([student.login]));
  });

  it('answers REPO.GITHUB_UNAUTHORIZED when the student has no GitHub sign-in stored', async () => {
    const student = newStudent();
    await expect(repo.call(RepoProvision, student)).rejects.toMatchObject({ code: 'REPO.GITHUB_UNAUTHORIZED' });
    expect(fake.repos.has(`${student.login}/${student.appName}`)).toBe(false);
  });
});
