import { buildChangeSet } from '../src/core/change-set';
import type { Fault } from './support/fake-github/server';
import { githubWorld, type GitHubWorld } from './support/github-world';

const save = (content: string) => buildChangeSet([{ op: 'upsert', path: 'README.md', content }], { maxFileBytes: 1 << 20, maxFilesPerCommit: 100 });
const hourFromNow = () => String(Math.floor(Date.now() / 1000) + 3600);

describe('GitHub failures during a save', () => {
  let world: GitHubWorld;
  beforeAll(async () => (world = await githubWorld({ timeoutMs: 700 })));
  afterAll(async () => {
    const problems = world.openapiProblems();
    await world.close();
    expect(problems).toEqual([]);
  });

  // Faults name the path after /repos/<owner>/<repo>; each test's fault only hits its own student's repository.
  type Row = [string, string, Omit<Fault, 'path'> & { path: string }, Record<string, unknown>];
  it.each<Row>([
    ['401 (token revoked)', 'REPO.GITHUB_UNAUTHORIZED', { method: 'GET', path: '/git/ref/', status: 401, body: { message: 'Bad credentials' } }, { status: 401 }],
    ['403 without rate limiting (no permission)', 'REPO.GITHUB_UNAUTHORIZED', { method: 'POST', path: '/git/commits$', status: 403, body: { message: 'Resource not accessible by integration' } }, { status: 403 }],
    [
      '403 primary rate limit, reset in an hour',
      'REPO.UPSTREAM_UNAVAILABLE', { method: 'GET', path: '/git/ref/', status: 403, body: { message: 'API rate limit exceeded for user.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': hourFromNow() }, times: 5 },
      { status: 403 },
    ],
    ['404 (repository deleted on GitHub)', 'REPO.GITHUB_REJECTED', { method: 'GET', path: '/git/ref/', status: 404, body: { message: 'Not Found' } }, { status: 404 }],
    ['409', 'REPO.GITHUB_REJECTED', { method: 'POST', path: '/git/commits$', status: 409, body: { message: 'Git Repository is empty.' } }, { status: 409 }],
    ['422', 'REPO.GITHUB_REJECTED', { method: 'POST', path: '/git/trees$', status: 422, body: { message: 'Invalid tree info', errors: [{ code: 'invalid' }] } }, { status: 422 }],
    ['500 on every attempt', 'REPO.UPSTREAM_UNAVAILABLE', { method: 'POST', path: '/git/commits$', status: 500, times: 3 }, { status: 500 }],
    ['a GitHub that does not answer', 'REPO.UPSTREAM_UNAVAILABLE', { method: 'GET', path: '/git/ref/', status: 200, delayMs: 1500, times: 3 }, { timeout: true }],
  ])('maps %s to %s and leaves the branch where it was', async (_what, code, fault, details) => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    world.fake.fail({ ...fault, path: new RegExp(`^/repos/${ref.fullName}${fault.path}`) });
    const error = await world.host.commit(ref, { baseCommit: head, message: 'save', changes: save(`${Math.random()}`) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code, details: expect.objectContaining(details) });
    expect((error as Error).message).toMatch(/GitHub/);
    expect(await world.fake.repos.get(ref.fullName)!.store.head('main')).toBe(head);
  });

  it('retries a 502 with back-off and then saves', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    world.fake.fail({ method: 'POST', path: new RegExp(`^/repos/${ref.fullName}/git/commits$`), status: 502, times: 2 });
    const saved = await world.host.commit(ref, { baseCommit: head, message: 'save', changes: save('after 502') });
    expect(world.fake.requests.filter((r) => r.operationId === 'git/create-commit').slice(-3).map((r) => r.status)).toEqual([502, 502, 201]);
    expect(await world.fake.repos.get(ref.fullName)!.store.head('main')).toBe(saved.commit);
  });

  it('waits out a secondary rate limit (Retry-After) and then saves', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    world.fake.fail({
      method: 'POST',
      path: new RegExp(`^/repos/${ref.fullName}/git/trees$`),
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      headers: { 'retry-after': '1' },
    });
    const saved = await world.host.commit(ref, { baseCommit: head, message: 'save', changes: save('after secondary limit') });
    expect(world.fake.requests.filter((r) => r.operationId === 'git/create-tree').slice(-2).map((r) => r.status)).toEqual([403, 201]);
    expect(await world.fake.repos.get(ref.fullName)!.store.head('main')).toBe(saved.commit);
  });

  it('answers REPO.GITHUB_UNAUTHORIZED when no token is stored for the student', async () => {
    const { target } = world.student();
    await expect(world.host.provision({ ...target, userId: 'u_notokenatall' })).rejects.toMatchObject({ code: 'REPO.GITHUB_UNAUTHORIZED' });
  });
});
