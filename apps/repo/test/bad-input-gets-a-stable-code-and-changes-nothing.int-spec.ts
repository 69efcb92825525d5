import { RepoCommit, RepoDiff, RepoHistory, RepoInfoRpc, RepoProvision, RepoRead, RepoRevert, RepoTree, type FileChangeInput } from '@imad/contracts';
import { gitCli } from './support/git-cli';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('bad input', () => {
  let repo: RunningRepo;
  const student = newStudent();
  let head: string;
  beforeAll(async () => {
    repo = await startRepo({ env: { MAX_FILE_BYTES: '1024', MAX_FILES_PER_COMMIT: '5' } });
    head = (await repo.call(RepoProvision, student)).head;
  });
  afterAll(() => repo.close());

  const save = (changes: FileChangeInput[], baseCommit = head) => repo.call(RepoCommit, { userId: student.userId, baseCommit, message: 'bad', changes });
  const gitDir = () => `${repo.dataDir}/repos/${student.appName}.git`;
  const objectCount = async () => (await gitCli(['--git-dir', gitDir(), 'count-objects'])).stdout.trim();

  // [what, code, changes, refused before any git command ran]
  it.each<[string, string, FileChangeInput[], boolean]>([
    ['a path with ..', 'REPO.INVALID_PATH', [{ op: 'upsert', path: '../escape.js', content: 'x' }], true],
    ['a path with .. in the middle', 'REPO.INVALID_PATH', [{ op: 'upsert', path: 'public/../../x', content: 'x' }], true],
    ['an absolute path', 'REPO.INVALID_PATH', [{ op: 'upsert', path: '/etc/passwd', content: 'x' }], true],
    ['a NUL byte', 'REPO.INVALID_PATH', [{ op: 'upsert', path: 'a\u0000b.js', content: 'x' }], true],
    ['.git inside', 'REPO.INVALID_PATH', [{ op: 'upsert', path: 'sub/.git/hooks/post-checkout', content: 'x' }], true],
    ['.git at the root', 'REPO.INVALID_PATH', [{ op: 'delete', path: '.git/config' }], true],
    ['a name over 255 bytes', 'REPO.INVALID_PATH', [{ op: 'upsert', path: `${'n'.repeat(256)}.js`, content: 'x' }], true],
    ['a path over 1024 bytes', 'REPO.INVALID_PATH', [{ op: 'upsert', path: Array.from({ length: 20 }, () => 'd'.repeat(60)).join('/'), content: 'x' }], true],
    ['a bad rename target', 'REPO.INVALID_PATH', [{ op: 'rename', from: 'server.js', to: '../server.js' }], true],
    ['a file over MAX_FILE_BYTES', 'REPO.TOO_LARGE', [{ op: 'upsert', path: 'big.txt', content: 'x'.repeat(1025) }], true],
    // Five here plus the valid one: six files, one over MAX_FILES_PER_COMMIT.
    ['more files than MAX_FILES_PER_COMMIT', 'REPO.TOO_LARGE', Array.from({ length: 5 }, (_, i) => ({ op: 'upsert' as const, path: `f${i}.txt`, content: 'x' })), true],
    ['content that is not base64', 'REPO.INVALID_CHANGE', [{ op: 'upsert', path: 'img.png', content: '%%%', encoding: 'base64' }], true],
    ['one path twice', 'REPO.INVALID_CHANGE', [{ op: 'upsert', path: 'a.txt', content: '1' }, { op: 'upsert', path: 'a.txt', content: '2' }], true],
    ['a delete of a missing file', 'REPO.INVALID_CHANGE', [{ op: 'delete', path: 'missing.txt' }], false],
    ['a file inside a file', 'REPO.INVALID_CHANGE', [{ op: 'upsert', path: 'server.js/index.js', content: 'x' }], false],
    ['a rename onto an existing file', 'REPO.INVALID_CHANGE', [{ op: 'rename', from: 'server.js', to: 'README.md' }], false],
  ])('refuses %s with %s and leaves the repository untouched', async (_what, code, changes, beforeGit) => {
    const objects = await objectCount();
    // A valid change first: one bad change refuses the whole save.
    await expect(save([{ op: 'upsert', path: 'fine.txt', content: `ok ${Math.random()}` }, ...changes])).rejects.toMatchObject({ code });
    expect((await repo.call(RepoInfoRpc, { userId: student.userId })).head).toBe(head);
    // Checked before git: not even a loose blob was written.
    if (beforeGit) expect(await objectCount()).toBe(objects);
  });

  it('names the rule and the field in the message', async () => {
    await expect(save([{ op: 'upsert', path: 'ok.js', content: '' }, { op: 'upsert', path: 'x/../../y', content: '' }])).rejects.toMatchObject({
      code: 'REPO.INVALID_PATH',
      message: 'changes[1].path "x/../../y" must not contain "..", "." or empty segments',
      details: { field: 'changes[1].path' },
    });
    await expect(save([{ op: 'upsert', path: 'big.txt', content: 'é'.repeat(600) }])).rejects.toMatchObject({ code: 'REPO.TOO_LARGE', details: { path: 'big.txt', limit: 1024, actual: 1200 } });
  });

  it('refuses bad paths in read, history and diff too', async () => {
    await expect(repo.call(RepoRead, { userId: student.userId, path: '../../etc/passwd' })).rejects.toMatchObject({ code: 'REPO.INVALID_PATH', details: { field: 'path' } });
    await expect(repo.call(RepoRead, { userId: student.userId, path: '.git/config' })).rejects.toMatchObject({ code: 'REPO.INVALID_PATH' });
    await expect(repo.call(RepoHistory, { userId: student.userId, path: '/abs', limit: 5 })).rejects.toMatchObject({ code: 'REPO.INVALID_PATH' });
    await expect(repo.call(RepoDiff, { userId: student.userId, from: head, to: head, path: 'a\u0000' })).rejects.toMatchObject({ code: 'REPO.INVALID_PATH' });
  });

  it('answers REPO.NOT_FOUND for a base commit that is not in the workspace', async () => {
    await expect(save([{ op: 'upsert', path: 'a.txt', content: '1' }], 'b'.repeat(40))).rejects.toMatchObject({ code: 'REPO.NOT_FOUND', details: { field: 'baseCommit' } });
    await expect(repo.call(RepoRevert, { userId: student.userId, commit: 'c'.repeat(40), baseCommit: head })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND', details: { field: 'commit' } });
    expect((await repo.call(RepoInfoRpc, { userId: student.userId })).head).toBe(head);
  });

  it('answers REPO.NOT_FOUND for a user without a workspace, on every RPC', async () => {
    const nobody = newStudent().userId;
    const calls = [
      () => repo.call(RepoInfoRpc, { userId: nobody }),
      () => repo.call(RepoTree, { userId: nobody }),
      () => repo.call(RepoRead, { userId: nobody, path: 'server.js' }),
      () => repo.call(RepoCommit, { userId: nobody, baseCommit: head, message: 'm', changes: [{ op: 'delete', path: 'server.js' }] }),
      () => repo.call(RepoHistory, { userId: nobody, limit: 5 }),
      () => repo.call(RepoDiff, { userId: nobody, from: head, to: head }),
      () => repo.call(RepoRevert, { userId: nobody, commit: head, baseCommit: head }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'REPO.NOT_FOUND', details: { userId: nobody } });
  });

  it('answers RPC.BAD_REQUEST for requests that break the contract shape', async () => {
    await expect(repo.call(RepoTree, { userId: 'not-a-user-id' })).rejects.toMatchObject({ code: 'RPC.BAD_REQUEST' });
    await expect(repo.call(RepoCommit, { userId: student.userId, baseCommit: 'abc', message: 'm', changes: [{ op: 'delete', path: 'x' }] })).rejects.toMatchObject({ code: 'RPC.BAD_REQUEST' });
  });
});
