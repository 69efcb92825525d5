import { buildChangeSet } from '../src/core/change-set';
import type { FileChangeInput } from '@imad/contracts';
import { type GitHubWorld, useGitHubWorld } from './support/github-world';

const limits = { maxFileBytes: 1024 * 1024, maxFilesPerCommit: 100 };
const changes = (input: FileChangeInput[]) => buildChangeSet(input, limits);
const writes = (world: GitHubWorld, since: number) => world.fake.requests.slice(since).filter((r) => r.method !== 'GET').map((r) => `${r.operationId} ${r.status}`);

describe('saving on GitHub', () => {
  const world = useGitHubWorld();

  it('writes a multi-file save as one commit: blobs only for binary files, one tree, one commit, one fast-forward', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]);
    const since = world.fake.requests.length;
    const saved = await world.host.commit(ref, {
      baseCommit: head,
      message: 'Make it mine',
      changes: changes([
        { op: 'upsert', path: 'server.js', content: 'console.log("mine")\n' },
        { op: 'upsert', path: 'public/logo.png', content: png.toString('base64'), encoding: 'base64' },
        { op: 'delete', path: '.gitignore' },
        { op: 'rename', from: 'public/style.css', to: 'public/css/main.css' },
      ]),
    });
    expect(saved.parent).toBe(head);
    expect(writes(world, since)).toEqual(['git/create-blob 201', 'git/create-tree 201', 'git/create-commit 201', 'git/update-ref 200']);
    const patch = world.fake.requests.filter((r) => r.operationId === 'git/update-ref').at(-1)!;
    expect(patch.body).toEqual({ sha: saved.commit, force: false });

    const store = world.fake.repos.get(ref.fullName)!.store;
    expect(await store.head('main')).toBe(saved.commit);
    expect((await store.commit(saved.commit))!.parents).toEqual([head]);
    const files = (await store.entries(saved.commit, true)).filter((e) => e.type === 'blob').map((e) => e.path).sort();
    expect(files).toEqual(['README.md', 'package.json', 'public/css/main.css', 'public/logo.png', 'server.js']);
    expect((await store.blob((await store.at(saved.commit, 'public/logo.png'))!.sha))!.equals(png)).toBe(true);
  });

  it('answers REPO.CONFLICT for a stale save touching a file changed since, writing nothing', async () => {
    const { target, ref } = world.student();
    const { head: base } = await world.host.provision(target);
    const first = await world.host.commit(ref, { baseCommit: base, message: 'one', changes: changes([{ op: 'upsert', path: 'server.js', content: 'one' }]) });
    const since = world.fake.requests.length;
    await expect(world.host.commit(ref, { baseCommit: base, message: 'two', changes: changes([{ op: 'upsert', path: 'server.js', content: 'two' }]) })).rejects.toMatchObject({
      code: 'REPO.CONFLICT',
      details: { head: first.commit, files: [{ path: 'server.js' }] },
    });
    expect(writes(world, since)).toEqual([]);
    expect(await world.fake.repos.get(ref.fullName)!.store.head('main')).toBe(first.commit);
  });

  it('puts a stale save of other files on top of the new head', async () => {
    const { target, ref } = world.student();
    const { head: base } = await world.host.provision(target);
    const first = await world.host.commit(ref, { baseCommit: base, message: 'one', changes: changes([{ op: 'upsert', path: 'server.js', content: 'one' }]) });
    const second = await world.host.commit(ref, { baseCommit: base, message: 'two', changes: changes([{ op: 'upsert', path: 'README.md', content: 'two' }]) });
    expect(second.parent).toBe(first.commit);
  });

  it('makes no request that writes when the save changes nothing', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    const current = await world.host.read(ref, 'server.js');
    const since = world.fake.requests.length;
    expect(await world.host.commit(ref, { baseCommit: head, message: 'same', changes: changes([{ op: 'upsert', path: 'server.js', content: current.content }]) })).toEqual({
      commit: head,
      parent: head,
      unchanged: true,
    });
    expect(writes(world, since)).toEqual([]);
  });

  it('judges again and retries when the branch moved between reading and updating it', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    world.fake.fail({ method: 'PATCH', path: /\/git\/refs\//, status: 422, body: { message: 'Update is not a fast forward', documentation_url: 'https://docs.github.com/rest' } });
    const since = world.fake.requests.length;
    const saved = await world.host.commit(ref, { baseCommit: head, message: 'raced', changes: changes([{ op: 'upsert', path: 'README.md', content: 'x' }]) });
    expect(writes(world, since).filter((w) => w.startsWith('git/update-ref'))).toEqual(['git/update-ref 422', 'git/update-ref 200']);
    expect(await world.fake.repos.get(ref.fullName)!.store.head('main')).toBe(saved.commit);
  });

  it('refuses a delete of a missing file and a file under a file, writing nothing', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    const since = world.fake.requests.length;
    await expect(world.host.commit(ref, { baseCommit: head, message: 'x', changes: changes([{ op: 'delete', path: 'ghost.js' }]) })).rejects.toMatchObject({ code: 'REPO.INVALID_CHANGE' });
    await expect(world.host.commit(ref, { baseCommit: head, message: 'x', changes: changes([{ op: 'upsert', path: 'server.js/x.js', content: '' }]) })).rejects.toMatchObject({ code: 'REPO.INVALID_CHANGE' });
    expect(writes(world, since)).toEqual([]);
  });
});
