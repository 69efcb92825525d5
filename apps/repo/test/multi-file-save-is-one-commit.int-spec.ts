import { RepoCommit, RepoHistory, RepoProvision, RepoRead, RepoTree } from '@imad/contracts';
import { gitCli } from './support/git-cli';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('saving several files', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('creates, updates, deletes and renames in a single commit on top of the base', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    const saved = await repo.call(RepoCommit, {
      userId: student.userId,
      baseCommit: head,
      message: 'Make it mine',
      changes: [
        { op: 'upsert', path: 'public/app.js', content: 'console.log("hi")\n' },
        { op: 'upsert', path: 'README.md', content: '# Mine\n' },
        { op: 'delete', path: '.gitignore' },
        { op: 'rename', from: 'public/style.css', to: 'public/css/main.css' },
      ],
    });
    expect(saved.parent).toBe(head);
    expect(saved.commit).not.toBe(head);

    const gitDir = `${repo.dataDir}/repos/${student.appName}.git`;
    expect((await gitCli(['--git-dir', gitDir, 'rev-parse', 'main'])).stdout.trim()).toBe(saved.commit);
    expect((await gitCli(['--git-dir', gitDir, 'rev-parse', `${saved.commit}^`])).stdout.trim()).toBe(head);
    const changed = (await gitCli(['--git-dir', gitDir, 'diff-tree', '-r', '--name-status', '-M', head, saved.commit])).stdout.trim().split('\n');
    expect(changed.sort()).toEqual(['A\tpublic/app.js', 'D\t.gitignore', 'M\tREADME.md', 'R100\tpublic/style.css\tpublic/css/main.css'].sort());
    expect((await gitCli(['--git-dir', gitDir, 'log', '-1', '--format=%an|%B', 'main'])).stdout.trim()).toBe(`${student.login}|Make it mine`);

    const tree = await repo.call(RepoTree, { userId: student.userId });
    expect(tree.head).toBe(saved.commit);
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'public/css/main.css' })).content).toMatch(/^\/\* Styles/);
    const history = await repo.call(RepoHistory, { userId: student.userId, limit: 10 });
    expect(history.commits.map((c) => c.id)).toEqual([saved.commit, head]);
  });

  it('makes no commit when the save changes nothing', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    const same = await repo.call(RepoRead, { userId: student.userId, path: 'server.js' });
    const result = await repo.call(RepoCommit, { userId: student.userId, baseCommit: head, message: 'nothing', changes: [{ op: 'upsert', path: 'server.js', content: same.content }] });
    expect(result).toEqual({ commit: head, parent: head, unchanged: true });
    expect((await repo.call(RepoHistory, { userId: student.userId, limit: 10 })).commits).toHaveLength(1);
  });

  it('keeps saves of one workspace in order when many arrive at once', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    let base = head;
    for (let round = 0; round < 2; round++) {
      // Eight saves of different files from the same base: all land, one after another.
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: `file ${round}-${i}`, changes: [{ op: 'upsert', path: `notes/${round}-${i}.txt`, content: `${i}` }] })),
      );
      expect(new Set(results.map((r) => r.commit)).size).toBe(8);
      base = (await repo.call(RepoTree, { userId: student.userId })).head;
    }
    const tree = await repo.call(RepoTree, { userId: student.userId });
    expect(tree.entries.filter((e) => e.path.startsWith('notes/'))).toHaveLength(16);
    expect((await repo.call(RepoHistory, { userId: student.userId, limit: 50 })).commits).toHaveLength(17);
  });
});
