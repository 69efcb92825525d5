import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@imad/testing';
import { buildChangeSet } from '../core/change-set';
import type { RepoRef } from '../core/githost.port';
import { LocalGitHost } from './local-githost';
import { git } from './git';

const limits = { maxFileBytes: 1024 * 1024, maxFilesPerCommit: 100 };
const changes = (input: Parameters<typeof buildChangeSet>[0]) => buildChangeSet(input, limits);

describe('LocalGitHost on real bare repositories', () => {
  let dataDir: string;
  let host: LocalGitHost;
  const ref = (appName: string): RepoRef => ({ userId: 'u_testuser1', login: 'ada', appName, host: 'local', fullName: appName, defaultBranch: 'main' });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'imad-local-githost-'));
    host = new LocalGitHost({ dataDir, templateDir: path.join(repoRoot, 'templates/node-starter'), gitHttpUrl: 'http://127.0.0.1:3002/git' });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('provisions once from the template even when asked concurrently', async () => {
    const target = { userId: 'u_testuser1', login: 'ada', appName: 'concurrent' };
    const infos = await Promise.all([host.provision(target), host.provision(target), host.provision(target)]);
    expect(new Set(infos.map((i) => i.head)).size).toBe(1);
    expect(infos[0]).toMatchObject({ host: 'local', appName: 'concurrent', cloneUrl: 'http://127.0.0.1:3002/git/concurrent.git' });
    const again = await host.provision(target);
    expect(again.head).toBe(infos[0].head);
    const log = await git(['rev-list', '--count', 'refs/heads/main'], { gitDir: host.layout.gitDir('concurrent') });
    expect(log.stdout.toString().trim()).toBe('1');
    const tree = await host.tree(ref('concurrent'));
    expect(tree.entries.map((e) => e.path).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'public/style.css', 'server.js']);
    expect(await readdir(host.layout.tmpDir)).toEqual([]);
  });

  it('keeps binary content intact and flags it', async () => {
    const { head } = await host.provision({ userId: 'u_testuser1', login: 'ada', appName: 'binary' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
    await host.commit(ref('binary'), { baseCommit: head, message: 'logo', changes: changes([{ op: 'upsert', path: 'public/logo.png', content: png.toString('base64'), encoding: 'base64' }]) });
    const file = await host.read(ref('binary'), 'public/logo.png');
    expect(file).toMatchObject({ binary: true, encoding: 'base64', size: png.length });
    expect(Buffer.from(file.content, 'base64').equals(png)).toBe(true);
    const entry = (await host.tree(ref('binary'))).entries.find((e) => e.path === 'public/logo.png');
    expect(entry).toEqual({ path: 'public/logo.png', size: png.length, binary: true });
  });

  it('refuses file/folder clashes and deletes of missing files without moving the branch', async () => {
    const { head } = await host.provision({ userId: 'u_testuser1', login: 'ada', appName: 'clashes' });
    const attempts = [
      [{ op: 'upsert' as const, path: 'server.js/inner.js', content: 'x' }],
      [{ op: 'upsert' as const, path: 'public', content: 'x' }],
      [{ op: 'delete' as const, path: 'nope.txt' }],
      [{ op: 'rename' as const, from: 'server.js', to: 'README.md' }],
      [{ op: 'rename' as const, from: 'ghost.js', to: 'x.js' }],
    ];
    for (const attempt of attempts) {
      await expect(host.commit(ref('clashes'), { baseCommit: head, message: 'bad', changes: changes(attempt) })).rejects.toMatchObject({ code: 'REPO.INVALID_CHANGE' });
    }
    expect((await host.info(ref('clashes'))).head).toBe(head);
  });

  it('makes no commit for a save that changes nothing', async () => {
    const { head } = await host.provision({ userId: 'u_testuser1', login: 'ada', appName: 'unchanged' });
    const current = await host.read(ref('unchanged'), 'server.js');
    const result = await host.commit(ref('unchanged'), { baseCommit: head, message: 'same', changes: changes([{ op: 'upsert', path: 'server.js', content: current.content }]) });
    expect(result).toEqual({ commit: head, parent: head, unchanged: true });
  });

  it('keeps an executable file executable when it is saved again', async () => {
    const { head } = await host.provision({ userId: 'u_testuser1', login: 'ada', appName: 'modes' });
    const gitDir = host.layout.gitDir('modes');
    // Make start.sh executable with plain git, as a push could.
    const blob = (await git(['hash-object', '-w', '--stdin'], { gitDir, input: 'echo hi\n' })).stdout.toString().trim();
    const index = path.join(dataDir, 'mode-index');
    await git(['read-tree', head], { gitDir, env: { GIT_INDEX_FILE: index } });
    await git(['update-index', '--add', '--cacheinfo', `100755,${blob},start.sh`], { gitDir, env: { GIT_INDEX_FILE: index } });
    const tree = (await git(['write-tree'], { gitDir, env: { GIT_INDEX_FILE: index } })).stdout.toString().trim();
    const commit = (await git(['commit-tree', tree, '-p', head, '-m', 'exec'], { gitDir, env: { GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@a', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@a' } })).stdout.toString().trim();
    await git(['update-ref', 'refs/heads/main', commit, head], { gitDir });
    await host.commit(ref('modes'), { baseCommit: commit, message: 'edit', changes: changes([{ op: 'upsert', path: 'start.sh', content: 'echo bye\n' }]) });
    const listed = (await git(['ls-tree', 'refs/heads/main', '--', 'start.sh'], { gitDir })).stdout.toString();
    expect(listed.startsWith('100755 blob')).toBe(true);
  });

  it('saves names with spaces, quotes, backslashes and non-ASCII letters exactly', async () => {
    const { head } = await host.provision({ userId: 'u_testuser1', login: 'ada', appName: 'names' });
    const names = ['my notes.txt', 'say "hi".md', 'back\\slash.js', 'café/ünïcode ✓.txt', '"leading-quote'];
    const result = await host.commit(ref('names'), { baseCommit: head, message: 'names', changes: changes(names.map((p) => ({ op: 'upsert', path: p, content: p }))) });
    const listed = (await git(['ls-tree', '-r', '-z', '--name-only', result.commit], { gitDir: host.layout.gitDir('names') })).stdout.toString().split('\0');
    for (const name of names) {
      expect(listed).toContain(name);
      expect((await host.read(ref('names'), name)).content).toBe(name);
    }
  });

  it('folds the per-save packs together as saves accumulate', async () => {
    let { head } = await host.provision({ userId: 'u_testuser1', login: 'ada', appName: 'packs' });
    const gitDir = host.layout.gitDir('packs');
    await git(['config', 'gc.autoPackLimit', '4'], { gitDir });
    await git(['config', 'gc.autoDetach', 'false'], { gitDir });
    for (let i = 0; i < 45; i++) {
      head = (await host.commit(ref('packs'), { baseCommit: head, message: `save ${i}`, changes: changes([{ op: 'upsert', path: 'n.txt', content: `${i}` }]) })).commit;
    }
    const packs = async () => (await readdir(path.join(gitDir, 'objects/pack'))).filter((f) => f.endsWith('.pack')).length;
    const deadline = Date.now() + 20_000;
    while ((await packs()) > 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await packs()).toBeLessThanOrEqual(10);
    expect((await git(['fsck', '--no-progress'], { gitDir })).code).toBe(0);
    expect((await host.read(ref('packs'), 'n.txt')).content).toBe('44');
  });
});
