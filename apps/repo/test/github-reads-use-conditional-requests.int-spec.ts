import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@imad/testing';
import { buildChangeSet } from '../src/core/change-set';
import { useGitHubWorld } from './support/github-world';

const save = (input: Parameters<typeof buildChangeSet>[0]) => buildChangeSet(input, { maxFileBytes: 1 << 20, maxFilesPerCommit: 100 });

describe('reading on GitHub', () => {
  const world = useGitHubWorld();

  it('lists the tree, and asks again with If-None-Match, served from the cache on 304', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    const first = await world.host.tree(ref);
    expect(first.head).toBe(head);
    expect(first.entries.map((e) => e.path).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'public/style.css', 'server.js']);
    const hits = world.clients.etagHits;
    const since = world.fake.requests.length;
    expect(await world.host.tree(ref)).toEqual(first);
    const again = world.fake.requests.slice(since);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((r) => r.conditional && r.status === 304)).toBe(true);
    expect(world.clients.etagHits - hits).toBe(again.length);
  });

  it('reads text as text and binary as base64, at HEAD or at a commit', async () => {
    const { target, ref } = world.student();
    const { head } = await world.host.provision(target);
    const server = await world.host.read(ref, 'server.js');
    expect(server).toMatchObject({ path: 'server.js', binary: false, encoding: 'utf8', content: await readFile(path.join(repoRoot, 'templates/node-starter/server.js'), 'utf8') });
    const bytes = Buffer.from([0, 1, 2, 3, 0xfe, 0xff]);
    await world.host.commit(ref, { baseCommit: head, message: 'bin', changes: save([{ op: 'upsert', path: 'data.bin', content: bytes.toString('base64'), encoding: 'base64' }, { op: 'upsert', path: 'server.js', content: 'v2' }]) });
    const bin = await world.host.read(ref, 'data.bin');
    expect(bin).toMatchObject({ binary: true, encoding: 'base64', size: 6 });
    expect(Buffer.from(bin.content, 'base64').equals(bytes)).toBe(true);
    expect((await world.host.read(ref, 'server.js')).content).toBe('v2');
    expect((await world.host.read(ref, 'server.js', head)).content).toBe(server.content);
  });

  it('answers REPO.NOT_FOUND for a missing file or a folder', async () => {
    const { target, ref } = world.student();
    await world.host.provision(target);
    await expect(world.host.read(ref, 'nope.js')).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
    await expect(world.host.read(ref, 'public')).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
  });

  it('lists history, diffs and goes back to an earlier commit', async () => {
    const { target, ref } = world.student();
    const { head: c0 } = await world.host.provision(target);
    const c1 = (await world.host.commit(ref, { baseCommit: c0, message: 'edit readme', changes: save([{ op: 'upsert', path: 'README.md', content: 'hello\n' }]) })).commit;
    const history = await world.host.history(ref, { limit: 10 });
    expect(history.map((c) => c.id)).toEqual([c1, c0]);
    expect(history[0]).toMatchObject({ message: 'edit readme', author: target.login });
    expect((await world.host.history(ref, { path: 'server.js', limit: 10 })).map((c) => c.id)).toEqual([c0]);

    const diff = await world.host.diff(ref, { from: c0, to: c1 });
    expect(diff.diff).toContain('diff --git a/README.md b/README.md');
    expect(diff.diff).toContain('+hello');
    expect((await world.host.diff(ref, { from: c0, to: c1, path: 'server.js' })).diff).toBe('');
    await expect(world.host.diff(ref, { from: 'a'.repeat(40), to: c1 })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND', details: { field: 'from' } });

    const reverted = await world.host.revert(ref, { commit: c0, baseCommit: c1 });
    expect(reverted.parent).toBe(c1);
    expect((await world.host.read(ref, 'README.md')).content).toMatch(/^# My first web app/);
    await expect(world.host.revert(ref, { commit: c0, baseCommit: c1 })).rejects.toMatchObject({ code: 'REPO.CONFLICT', details: { head: reverted.commit } });
  });
});
