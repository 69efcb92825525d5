import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@imad/observability';
import { GitHubGitHost } from '../src/github/github-githost';
import { GitHubClients } from '../src/github/octokit-factory';
import { addRepo } from './support/fake-github/routes';
import { TEMPLATE, type GitHubWorld, useGitHubWorld } from './support/github-world';

describe('provisioning on GitHub', () => {
  const world = useGitHubWorld();

  it('generates the student’s repository from the template and waits until GitHub has really created it', async () => {
    const { target } = world.student();
    const since = world.fake.requests.length;
    const info = await world.host.provision(target);
    const repo = world.fake.repos.get(`${target.login}/${target.appName}`)!;
    expect(info).toEqual({
      host: 'github',
      appName: target.appName,
      fullName: `${target.login}/${target.appName}`,
      defaultBranch: 'main',
      head: await repo.store.head('main'),
      cloneUrl: `https://github.com/${target.login}/${target.appName}.git`,
    });
    expect(repo.templateOf).toBe(TEMPLATE);
    const used = world.fake.requests.slice(since);
    expect(used.filter((r) => r.operationId === 'repos/create-using-template')).toHaveLength(1);
    // GitHub said 201 before the copy existed: the adapter polled through "repository is empty".
    expect(used.some((r) => r.operationId === 'git/get-ref' && r.status === 409)).toBe(true);
    expect(used.at(-1)).toMatchObject({ operationId: 'git/get-ref', status: 200 });
  });

  it('reuses the existing repository on a second provision, creating nothing', async () => {
    const { target } = world.student();
    const first = await world.host.provision(target);
    const since = world.fake.requests.length;
    expect(await world.host.provision(target)).toEqual(first);
    expect(world.fake.requests.slice(since).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('makes one repository when two replicas provision at once (the loser’s 422 means "already there")', async () => {
    const { target } = world.student();
    const other = replicaOf(world);
    const [a, b] = await Promise.all([world.host.provision(target), other.provision(target)]);
    expect(a).toEqual(b);
    const creations = world.fake.requests.filter((r) => r.operationId === 'repos/create-using-template' && (r.body as { name: string }).name === target.appName);
    expect(creations.map((r) => r.status).sort()).toEqual([201, 422]);
  });

  it('refuses to adopt an unrelated repository that already has the app’s name, and creates nothing', async () => {
    const { target } = world.student();
    const own = await mkdtemp(path.join(tmpdir(), 'own-project-'));
    await writeFile(path.join(own, 'index.html'), '<p>my own thing</p>');
    await addRepo(world.fake, `${target.login}/${target.appName}`, { dir: own, isTemplate: false, owner: target.login });
    const before = await world.fake.repos.get(`${target.login}/${target.appName}`)!.store.head('main');
    const since = world.fake.requests.length;
    await expect(world.host.provision(target)).rejects.toMatchObject({ code: 'REPO.GITHUB_REJECTED' });
    expect(world.fake.requests.slice(since).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await world.fake.repos.get(`${target.login}/${target.appName}`)!.store.head('main')).toBe(before);
    await rm(own, { recursive: true, force: true });
  });

  it('answers REPO.UPSTREAM_UNAVAILABLE when GitHub never finishes creating it', async () => {
    const { target } = world.student();
    world.fake.creationDelayMs = 60_000;
    try {
      await expect(world.host.provision(target)).rejects.toMatchObject({ code: 'REPO.UPSTREAM_UNAVAILABLE', details: { repository: `${target.login}/${target.appName}` } });
    } finally {
      world.fake.creationDelayMs = 300;
    }
  });
});

describe('provisioning on GitHub from a template that is not a template repository', () => {
  const world = useGitHubWorld({ templateIsTemplate: false });

  it('forks it under the app’s name instead', async () => {
    const { target } = world.student();
    const info = await world.host.provision(target);
    expect(info.fullName).toBe(`${target.login}/${target.appName}`);
    expect(world.fake.repos.get(info.fullName)?.forkOf).toBe(TEMPLATE);
    expect(world.fake.requests.filter((r) => r.operationId === 'repos/create-fork')).toHaveLength(1);
    expect(world.fake.requests.some((r) => r.operationId === 'repos/create-using-template')).toBe(false);
  });
});

/** A second GitHubGitHost (another replica of the service) talking to the same fake GitHub. */
function replicaOf(world: GitHubWorld): GitHubGitHost {
  const logger = createLogger('replica', 'silent');
  const clients = new GitHubClients({ baseUrl: world.fake.url, timeoutMs: 2000, maxRateLimitWaitSeconds: 5, retryAfterBaseValue: 20, retries: 2, logger });
  return new GitHubGitHost({ clients, tokens: world.tokens, templateRepo: TEMPLATE, readyTimeoutMs: 5000, pollIntervalMs: 50, logger });
}
