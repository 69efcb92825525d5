import { RepoCommit, RepoProvision, RepoRead, RepoTree } from '@imad/contracts';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('saving on top of a commit that is no longer HEAD', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('answers REPO.CONFLICT naming the files changed on both sides, and keeps the other save', async () => {
    const student = newStudent();
    const { head: base } = await repo.call(RepoProvision, student);
    const before = await repo.call(RepoRead, { userId: student.userId, path: 'server.js' });
    const first = await repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: 'tab 1', changes: [{ op: 'upsert', path: 'server.js', content: 'one' }] });
    const theirs = await repo.call(RepoRead, { userId: student.userId, path: 'server.js' });

    const stale = repo.call(RepoCommit, {
      userId: student.userId,
      baseCommit: base,
      message: 'tab 2',
      changes: [
        { op: 'upsert', path: 'server.js', content: 'two' },
        { op: 'upsert', path: 'README.md', content: 'also two' },
      ],
    });
    await expect(stale).rejects.toMatchObject({
      code: 'REPO.CONFLICT',
      details: { head: first.commit, files: [{ path: 'server.js', base: before.blobId, theirs: theirs.blobId }] },
    });
    expect((await repo.call(RepoTree, { userId: student.userId })).head).toBe(first.commit);
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'server.js' })).content).toBe('one');
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'README.md' })).content).not.toBe('also two');
  });

  it('puts a save that touches other files on top of the new HEAD', async () => {
    const student = newStudent();
    const { head: base } = await repo.call(RepoProvision, student);
    const first = await repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: 'server', changes: [{ op: 'upsert', path: 'server.js', content: 'one' }] });
    const second = await repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: 'readme', changes: [{ op: 'upsert', path: 'README.md', content: 'two' }] });
    expect(second.parent).toBe(first.commit);
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'server.js' })).content).toBe('one');
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'README.md' })).content).toBe('two');
  });

  it('lets exactly one of two simultaneous saves of the same file win', async () => {
    const student = newStudent();
    const { head: base } = await repo.call(RepoProvision, student);
    const results = await Promise.allSettled(
      ['a', 'b'].map((who) => repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: who, changes: [{ op: 'upsert', path: 'server.js', content: who }] })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'REPO.CONFLICT', details: { files: [{ path: 'server.js' }] } });
    const winner = (won[0] as PromiseFulfilledResult<{ commit: string }>).value.commit;
    expect((await repo.call(RepoTree, { userId: student.userId })).head).toBe(winner);
  });

  it('treats a deleted file that the stale save edits as a conflict too', async () => {
    const student = newStudent();
    const { head: base } = await repo.call(RepoProvision, student);
    await repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: 'drop css', changes: [{ op: 'delete', path: 'public/style.css' }] });
    await expect(
      repo.call(RepoCommit, { userId: student.userId, baseCommit: base, message: 'edit css', changes: [{ op: 'upsert', path: 'public/style.css', content: 'body{}' }] }),
    ).rejects.toMatchObject({ code: 'REPO.CONFLICT', details: { files: [{ path: 'public/style.css' }] } });
  });
});
