import { describe, expect, test } from '@jest/globals';
import { DraftStore } from './draft-store';
import type { FileEntry } from './file-entry';
import { MemoryStorage } from './test-storage';

const H1 = 'a'.repeat(40);
const H2 = 'b'.repeat(40);
const edit = (path: string, content: string): FileEntry => ({ path, origin: path, base: 'saved', content, deleted: false, binary: false });

describe('DraftStore', () => {
  test('keeps each unsaved file under the user, the base commit and the path', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'u_1', () => 1000).sync(H1, [edit('server.js', 'draft')]);
    expect([...storage.map.keys()]).toEqual([`imad:draft:v1:u_1:${H1}:server.js`]);
    const [draft] = new DraftStore(storage, 'u_1').list();
    expect(draft).toEqual({ baseCommit: H1, path: 'server.js', origin: 'server.js', base: 'saved', content: 'draft', deleted: false, savedAt: 1000 });
  });

  test('another user on the same browser does not see the drafts', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'u_1').sync(H1, [edit('server.js', 'draft')]);
    expect(new DraftStore(storage, 'u_2').list()).toEqual([]);
  });

  test('a saved file loses its draft; the others keep theirs', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, 'u_1');
    store.sync(H1, [edit('a.js', '1'), edit('b.js', '2')]);
    store.sync(H2, [edit('b.js', '2')]);
    expect(store.list().map((d) => [d.baseCommit, d.path])).toEqual([[H2, 'b.js']]);
  });

  test('drafts written by another tab are left alone', () => {
    const storage = new MemoryStorage();
    const tabA = new DraftStore(storage, 'u_1');
    const tabB = new DraftStore(storage, 'u_1');
    tabA.sync(H1, [edit('a.js', 'from A')]);
    tabB.sync(H1, [edit('b.js', 'from B')]);
    tabB.sync(H2, []); // B saved
    expect(new DraftStore(storage, 'u_1').list().map((d) => d.path)).toEqual(['a.js']);
  });

  test('drafts adopted on load are cleaned up by the page that adopted them', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'u_1').sync(H1, [edit('a.js', 'x')]);
    const reloaded = new DraftStore(storage, 'u_1');
    expect(reloaded.list()).toHaveLength(1);
    reloaded.sync(H2, []);
    expect(storage.map.size).toBe(0);
  });

  test('a deleted file is kept under its original path', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, 'u_1');
    store.sync(H1, [{ path: 'old.js', origin: 'old.js', base: null, content: null, deleted: true, binary: false }]);
    expect(store.list()[0]).toMatchObject({ path: 'old.js', deleted: true });
  });

  test('keeps the time a draft last changed, not the time it was last written again', () => {
    const storage = new MemoryStorage();
    let now = 1;
    const store = new DraftStore(storage, 'u_1', () => now);
    store.sync(H1, [edit('a.js', 'x')]);
    now = 2;
    store.sync(H1, [edit('a.js', 'x')]);
    expect(store.list()[0].savedAt).toBe(1);
  });

  test('reports a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(new DraftStore(storage, 'u_1').sync(H1, [edit('a.js', 'x')])).toBe(false);
  });

  test('ignores and removes unreadable entries', () => {
    const storage = new MemoryStorage();
    storage.setItem(`imad:draft:v1:u_1:${H1}:a.js`, '{not json');
    expect(new DraftStore(storage, 'u_1').list()).toEqual([]);
    expect(storage.map.size).toBe(0);
  });
});
