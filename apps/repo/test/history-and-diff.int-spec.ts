import { RepoCommit, RepoDiff, RepoHistory, RepoProvision } from '@imad/contracts';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('history and diff', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('lists commits newest first, for the repo or one file, with author and time', async () => {
    const student = newStudent();
    const { head: c0 } = await repo.call(RepoProvision, student);
    const c1 = (await repo.call(RepoCommit, { userId: student.userId, baseCommit: c0, message: 'Edit the server\n\nLonger body.', changes: [{ op: 'upsert', path: 'server.js', content: 'a' }] })).commit;
    const c2 = (await repo.call(RepoCommit, { userId: student.userId, baseCommit: c1, message: 'Edit the readme', changes: [{ op: 'upsert', path: 'README.md', content: 'b' }] })).commit;

    const all = await repo.call(RepoHistory, { userId: student.userId, limit: 50 });
    expect(all.commits.map((c) => c.id)).toEqual([c2, c1, c0]);
    expect(all.commits[1]).toMatchObject({ message: 'Edit the server\n\nLonger body.', author: student.login });
    expect(Date.now() - Date.parse(all.commits[0].at)).toBeLessThan(5 * 60_000);

    const server = await repo.call(RepoHistory, { userId: student.userId, path: 'server.js', limit: 50 });
    expect(server.commits.map((c) => c.id)).toEqual([c1, c0]);
    expect((await repo.call(RepoHistory, { userId: student.userId, limit: 1 })).commits.map((c) => c.id)).toEqual([c2]);
  });

  it('diffs two commits, for the repo or one file', async () => {
    const student = newStudent();
    const { head: c0 } = await repo.call(RepoProvision, student);
    const c1 = (await repo.call(RepoCommit, {
      userId: student.userId,
      baseCommit: c0,
      message: 'two files',
      changes: [
        { op: 'upsert', path: 'README.md', content: 'hello\n' },
        { op: 'upsert', path: 'notes.txt', content: 'note\n' },
      ],
    })).commit;
    const whole = await repo.call(RepoDiff, { userId: student.userId, from: c0, to: c1 });
    expect(whole.diff).toContain('diff --git a/README.md b/README.md');
    expect(whole.diff).toContain('+hello');
    expect(whole.diff).toContain('diff --git a/notes.txt b/notes.txt');
    const one = await repo.call(RepoDiff, { userId: student.userId, from: c0, to: c1, path: 'notes.txt' });
    expect(one.diff).toContain('+note');
    expect(one.diff).not.toContain('README.md');
    expect((await repo.call(RepoDiff, { userId: student.userId, from: c1, to: c1 })).diff).toBe('');
  });

  it('answers REPO.NOT_FOUND for a commit that is not in the workspace', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    await expect(repo.call(RepoDiff, { userId: student.userId, from: 'a'.repeat(40), to: head })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND', details: { field: 'from' } });
  });
});
