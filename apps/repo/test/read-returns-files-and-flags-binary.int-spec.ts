import { readFile } from 'node:fs/promises';
import { RepoCommit, RepoProvision, RepoRead, RepoTree } from '@imad/contracts';
import { repoRoot } from '@imad/testing';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('reading a workspace', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('returns a file exactly as the template has it, with its blob id', async () => {
    const student = newStudent();
    await repo.call(RepoProvision, student);
    const file = await repo.call(RepoRead, { userId: student.userId, path: 'server.js' });
    const original = await readFile(`${repoRoot}/templates/node-starter/server.js`, 'utf8');
    expect(file).toMatchObject({ path: 'server.js', binary: false, encoding: 'utf8', content: original, size: Buffer.byteLength(original) });
    expect(file.blobId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('lists the tree with sizes and flags binary files, and reads them as base64 unmangled', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x80, 0x81]);
    await repo.call(RepoCommit, {
      userId: student.userId,
      baseCommit: head,
      message: 'add a photo',
      changes: [{ op: 'upsert', path: 'public/me.jpg', content: bytes.toString('base64'), encoding: 'base64' }],
    });
    const tree = await repo.call(RepoTree, { userId: student.userId });
    expect(tree.entries.find((e) => e.path === 'public/me.jpg')).toEqual({ path: 'public/me.jpg', size: bytes.length, binary: true });
    expect(tree.entries.find((e) => e.path === 'server.js')).toMatchObject({ binary: false });
    const photo = await repo.call(RepoRead, { userId: student.userId, path: 'public/me.jpg' });
    expect(photo).toMatchObject({ binary: true, encoding: 'base64', size: bytes.length });
    expect(Buffer.from(photo.content, 'base64').equals(bytes)).toBe(true);
  });

  it('reads a file as it was at an earlier commit', async () => {
    const student = newStudent();
    const { head } = await repo.call(RepoProvision, student);
    await repo.call(RepoCommit, { userId: student.userId, baseCommit: head, message: 'edit', changes: [{ op: 'upsert', path: 'README.md', content: 'new' }] });
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'README.md' })).content).toBe('new');
    expect((await repo.call(RepoRead, { userId: student.userId, path: 'README.md', commit: head })).content).toMatch(/^# My first web app/);
  });

  it('answers REPO.NOT_FOUND for a missing file, a folder, and an unknown commit', async () => {
    const student = newStudent();
    await repo.call(RepoProvision, student);
    await expect(repo.call(RepoRead, { userId: student.userId, path: 'nope.js' })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(repo.call(RepoRead, { userId: student.userId, path: 'public' })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(repo.call(RepoRead, { userId: student.userId, path: 'server.js', commit: 'f'.repeat(40) })).rejects.toMatchObject({
      code: 'REPO.NOT_FOUND',
      details: { field: 'commit', commit: 'f'.repeat(40) },
    });
  });
});
