import { RepoCommit, RepoDiff, RepoProvision, RepoRead, RepoRevert, RepoTree } from '@imad/contracts';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('tenant isolation', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('never lets one student reach another student’s commits or files', async () => {
    const alice = newStudent();
    const bob = newStudent();
    const a0 = (await repo.call(RepoProvision, alice)).head;
    const b0 = (await repo.call(RepoProvision, bob)).head;
    const secret = (await repo.call(RepoCommit, { userId: alice.userId, baseCommit: a0, message: 'secret', changes: [{ op: 'upsert', path: 'secret.txt', content: 'alice only' }] })).commit;

    // Bob names Alice's commit: it is not in his repository.
    await expect(repo.call(RepoRead, { userId: bob.userId, path: 'secret.txt', commit: secret })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(repo.call(RepoRead, { userId: bob.userId, path: 'secret.txt' })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(repo.call(RepoDiff, { userId: bob.userId, from: b0, to: secret })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(repo.call(RepoRevert, { userId: bob.userId, commit: secret, baseCommit: b0 })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(repo.call(RepoCommit, { userId: bob.userId, baseCommit: secret, message: 'x', changes: [{ op: 'upsert', path: 'x', content: 'x' }] })).rejects.toMatchObject({
      code: 'REPO.NOT_FOUND',
    });

    // Each save lands in the saver's own repository only.
    await repo.call(RepoCommit, { userId: bob.userId, baseCommit: b0, message: 'bob', changes: [{ op: 'upsert', path: 'bob.txt', content: 'bob' }] });
    const aliceFiles = (await repo.call(RepoTree, { userId: alice.userId })).entries.map((e) => e.path);
    const bobFiles = (await repo.call(RepoTree, { userId: bob.userId })).entries.map((e) => e.path);
    expect(aliceFiles).toContain('secret.txt');
    expect(aliceFiles).not.toContain('bob.txt');
    expect(bobFiles).toContain('bob.txt');
    expect(bobFiles).not.toContain('secret.txt');
  });

  it('gives a second provision with another app name the user’s existing workspace, not a new one', async () => {
    const carol = newStudent();
    const first = await repo.call(RepoProvision, carol);
    const second = await repo.call(RepoProvision, { ...carol, appName: newStudent().appName });
    expect(second).toEqual(first);
  });
});
