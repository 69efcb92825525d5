import { RepoCommit, RepoHistory, RepoProvision, RepoRead, RepoRevert, RepoTree } from '@imad/contracts';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('going back to an earlier commit', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('adds a commit whose files are the earlier ones, keeping the history', async () => {
    const student = newStudent();
    const { head: c0 } = await repo.call(RepoProvision, student);
    const original = await repo.call(RepoTree, { userId: student.userId });
    const c1 = (await repo.call(RepoCommit, { userId: student.userId, baseCommit: c0, message: 'break it', changes: [{ op: 'upsert', path: 'server.js', content: 'broken(' }, { op: 'upsert', path: 'extra.txt', content: 'x' }] })).commit;

    const reverted = await repo.call(RepoRevert, { userId: student.userId, commit: c0, baseCommit: c1 });
    expect(reverted.parent).toBe(c1);
    const history = await repo.call(RepoHistory, { userId: student.userId, limit: 10 });
    expect(history.commits.map((c) => c.id)).toEqual([reverted.commit, c1, c0]);
    expect(history.commits[0].message).toContain(`Go back to ${c0.slice(0, 7)}`);
    const tree = await repo.call(RepoTree, { userId: student.userId });
    expect(tree.entries).toEqual(original.entries);
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'server.js' })).content).toMatch(/createServer/);
  });

  it('refuses with REPO.CONFLICT when the workspace moved since the base, and changes nothing', async () => {
    const student = newStudent();
    const { head: c0 } = await repo.call(RepoProvision, student);
    const c1 = (await repo.call(RepoCommit, { userId: student.userId, baseCommit: c0, message: 'one', changes: [{ op: 'upsert', path: 'a.txt', content: '1' }] })).commit;
    const c2 = (await repo.call(RepoCommit, { userId: student.userId, baseCommit: c1, message: 'two', changes: [{ op: 'upsert', path: 'b.txt', content: '2' }] })).commit;
    await expect(repo.call(RepoRevert, { userId: student.userId, commit: c0, baseCommit: c1 })).rejects.toMatchObject({
      code: 'REPO.CONFLICT',
      details: { head: c2, files: [{ path: 'b.txt' }] },
    });
    expect((await repo.call(RepoTree, { userId: student.userId })).head).toBe(c2);
  });

  it('makes no commit when the files already are as they were', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    expect(await repo.call(RepoRevert, { userId: student.userId, commit: head, baseCommit: head })).toEqual({ commit: head, parent: head, unchanged: true });
  });
});
