import { Redis } from 'ioredis';
import { RepoInfoRpc, RepoProvision, RepoTree, UserRegistered, type RepoInfo } from '@imad/contracts';
import { AmqpConnection, Publisher } from '@imad/messaging';
import { createLogger } from '@imad/observability';
import { eventually, redisUrl } from '@imad/testing';
import { captureEvents } from './support/events';
import { gitCli } from './support/git-cli';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('provisioning a workspace', () => {
  let repo: RunningRepo;
  let redis: Redis;
  beforeAll(async () => {
    repo = await startRepo();
    redis = new Redis(redisUrl());
  });
  afterAll(async () => {
    await redis.quit();
    await repo.close();
  });

  it('creates one repository from the template, however often and concurrently it is asked', async () => {
    const events = await captureEvents<{ userId: string; repo: RepoInfo }>(repo.amqpUrl, 'repo.provisioned');
    const student = newStudent();
    const answers = await Promise.all([1, 2, 3].map(() => repo.call(RepoProvision, student)));
    const again = await repo.call(RepoProvision, student);
    expect(new Set([...answers, again].map((a) => a.head)).size).toBe(1);
    expect(again).toMatchObject({ host: 'local', appName: student.appName, fullName: student.appName, defaultBranch: 'main' });
    expect(again.cloneUrl).toBe(`http://127.0.0.1:3002/git/${student.appName}.git`);

    const gitDir = `${repo.dataDir}/repos/${student.appName}.git`;
    expect((await gitCli(['--git-dir', gitDir, 'rev-list', '--count', 'main'])).stdout.trim()).toBe('1');
    expect((await gitCli(['--git-dir', gitDir, 'log', '-1', '--format=%an|%s', 'main'])).stdout.trim()).toBe(`${student.login}|Start from the course template`);
    const tree = await repo.call(RepoTree, { userId: student.userId });
    expect(tree.entries.map((e) => e.path).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'public/style.css', 'server.js']);

    expect(JSON.parse((await redis.get(`imad:repo:user:${student.userId}`))!)).toMatchObject({ appName: student.appName, state: 'ready' });
    expect(await redis.get(`imad:repo:app:${student.appName}`)).toBe(student.userId);
    await eventually('four repo.provisioned events', () => events.payloads.length >= 4, 10_000);
    expect(events.payloads.every((p) => p.userId === student.userId && p.repo.head === again.head)).toBe(true);
    await events.stop();
  });

  it('answers repo.info with the current head and clone URL', async () => {
    const student = newStudent();
    const provisioned = await repo.call(RepoProvision, student);
    expect(await repo.call(RepoInfoRpc, { userId: student.userId })).toEqual(provisioned);
  });

  it('provisions when auth announces a new user, and redelivery makes no second repository', async () => {
    const student = newStudent();
    const connection = new AmqpConnection({ url: repo.amqpUrl, connectionName: 'auth-double', logger: createLogger('auth-double', 'silent') });
    await connection.start();
    const publisher = new Publisher(connection);
    const event = { ...student, provider: 'local' as const };
    await publisher.publishEvent(UserRegistered, event);
    await publisher.publishEvent(UserRegistered, event);
    const info = await eventually('the workspace to exist', () => repo.call(RepoInfoRpc, { userId: student.userId }).catch(() => undefined), 20_000);
    await new Promise((r) => setTimeout(r, 500));
    const gitDir = `${repo.dataDir}/repos/${student.appName}.git`;
    expect((await gitCli(['--git-dir', gitDir, 'rev-list', '--count', 'main'])).stdout.trim()).toBe('1');
    expect((await repo.call(RepoInfoRpc, { userId: student.userId })).head).toBe(info.head);
    await connection.close();
  });

  it('refuses an app name that belongs to another user, and changes nothing', async () => {
    const owner = newStudent();
    const intruder = newStudent();
    await repo.call(RepoProvision, owner);
    await expect(repo.call(RepoProvision, { ...intruder, appName: owner.appName })).rejects.toMatchObject({ code: 'REPO.FORBIDDEN' });
    expect(await redis.get(`imad:repo:user:${intruder.userId}`)).toBeNull();
    expect(await redis.get(`imad:repo:app:${owner.appName}`)).toBe(owner.userId);
    await expect(repo.call(RepoInfoRpc, { userId: intruder.userId })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
  });
});
