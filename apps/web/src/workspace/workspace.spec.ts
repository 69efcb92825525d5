import { describe, expect, test } from '@jest/globals';
import { Workspace } from './workspace';

const H1 = 'a'.repeat(40);
const H2 = 'b'.repeat(40);
const H3 = 'c'.repeat(40);
const tree = [
  { path: 'server.js', size: 10, binary: false },
  { path: 'package.json', size: 10, binary: false },
  { path: 'public/logo.png', size: 10, binary: true },
];

function loaded(): Workspace {
  const ws = new Workspace(H1, tree);
  ws.loaded(ws.find('server.js')!, 'console.log(1)');
  ws.loaded(ws.find('package.json')!, '{}');
  return ws;
}

describe('Workspace', () => {
  test('starts clean, with the tree sorted by path', () => {
    const ws = new Workspace(H1, tree);
    expect(ws.isDirty()).toBe(false);
    expect(ws.files().map((f) => f.path)).toEqual(['package.json', 'public/logo.png', 'server.js']);
    expect(ws.find('public/logo.png')?.binary).toBe(true);
  });

  test('collects every change into one ordered list: deletes, renames, then content', () => {
    const ws = loaded();
    ws.edit(ws.find('server.js')!, 'console.log(2)');
    ws.create('public/style.css', 'body{}');
    ws.rename(ws.find('package.json')!, 'pkg.json');
    ws.remove(ws.find('public/logo.png')!);
    expect(ws.changes()).toEqual([
      { op: 'delete', path: 'public/logo.png' },
      { op: 'rename', from: 'package.json', to: 'pkg.json' },
      { op: 'upsert', path: 'server.js', content: 'console.log(2)' },
      { op: 'upsert', path: 'public/style.css', content: 'body{}' },
    ]);
  });

  test('deleting a file that was never saved just drops it', () => {
    const ws = loaded();
    ws.remove(ws.create('tmp.js', 'x'));
    expect(ws.isDirty()).toBe(false);
    expect(ws.find('tmp.js')).toBeUndefined();
  });

  test('re-creating a deleted file is an edit of it, not a delete and an add', () => {
    const ws = loaded();
    ws.remove(ws.find('server.js')!);
    ws.create('server.js', 'new');
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'new' }]);
  });

  test('refuses to create or rename onto an existing file', () => {
    const ws = loaded();
    expect(() => ws.create('server.js')).toThrow(/already exists/);
    expect(() => ws.rename(ws.find('package.json')!, 'server.js')).toThrow(/already exists/);
  });

  test('discard brings back the saved name and content', () => {
    const ws = loaded();
    const f = ws.find('server.js')!;
    ws.edit(f, 'changed');
    ws.rename(f, 'app.js');
    ws.discard(f);
    expect(f.path).toBe('server.js');
    expect(f.content).toBe('console.log(1)');
    expect(ws.isDirty()).toBe(false);
  });

  test('after a save, what was sent is the new base and edits typed meanwhile stay unsaved', () => {
    const ws = loaded();
    const f = ws.find('server.js')!;
    ws.edit(f, 'v2');
    const snapshot = ws.snapshot();
    ws.edit(f, 'v3'); // typed while the save was in flight
    ws.saved(H2, snapshot);
    expect(ws.head).toBe(H2);
    expect(f.base).toBe('v2');
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'v3' }]);
  });

  test('after a save, renamed files are at home at their new path and deleted ones are gone', () => {
    const ws = loaded();
    ws.rename(ws.find('package.json')!, 'pkg.json');
    ws.remove(ws.find('public/logo.png')!);
    ws.saved(H2, ws.snapshot());
    expect(ws.isDirty()).toBe(false);
    expect(ws.files().map((f) => f.path)).toEqual(['pkg.json', 'server.js']);
    expect(ws.findByOrigin('pkg.json')?.path).toBe('pkg.json');
  });

  test('notifies listeners on every change', () => {
    const ws = loaded();
    let calls = 0;
    ws.onChange(() => calls++);
    ws.edit(ws.find('server.js')!, 'x');
    ws.edit(ws.find('server.js')!, 'x'); // no change, no call
    ws.create('a.md');
    expect(calls).toBe(2);
  });
});

describe('settling a conflict', () => {
  const newTree = [...tree, { path: 'added-elsewhere.md', size: 1, binary: false }];

  test('keep mine: my content stays, based on their version, so the next save overwrites theirs', () => {
    const ws = loaded();
    ws.edit(ws.find('server.js')!, 'mine');
    ws.settle(H3, newTree, [{ path: 'server.js', choice: 'mine', theirs: 'theirs' }]);
    expect(ws.head).toBe(H3);
    expect(ws.find('server.js')?.base).toBe('theirs');
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'mine' }]);
  });

  test('take theirs: the file becomes their version and is no longer unsaved', () => {
    const ws = loaded();
    ws.edit(ws.find('server.js')!, 'mine');
    ws.settle(H3, newTree, [{ path: 'server.js', choice: 'theirs', theirs: 'theirs' }]);
    expect(ws.find('server.js')?.content).toBe('theirs');
    expect(ws.isDirty()).toBe(false);
  });

  test('take theirs when they deleted the file: it disappears', () => {
    const ws = loaded();
    ws.edit(ws.find('server.js')!, 'mine');
    ws.settle(H3, newTree.filter((t) => t.path !== 'server.js'), [{ path: 'server.js', choice: 'theirs', theirs: undefined }]);
    expect(ws.find('server.js')).toBeUndefined();
    expect(ws.isDirty()).toBe(false);
  });

  test('keep mine when they deleted the file: it is saved as a new file', () => {
    const ws = loaded();
    ws.edit(ws.find('server.js')!, 'mine');
    ws.settle(H3, newTree.filter((t) => t.path !== 'server.js'), [{ path: 'server.js', choice: 'mine', theirs: undefined }]);
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'mine' }]);
  });

  test('keep my delete when they edited the file: it is deleted on top of their version', () => {
    const ws = loaded();
    ws.remove(ws.find('server.js')!);
    ws.settle(H3, newTree, [{ path: 'server.js', choice: 'mine', theirs: 'theirs' }]);
    expect(ws.changes()).toEqual([{ op: 'delete', path: 'server.js' }]);
  });

  test('files nobody touched follow the newer commit: new ones appear, loaded ones reload', () => {
    const ws = loaded();
    ws.edit(ws.find('server.js')!, 'mine');
    ws.settle(H3, newTree, [{ path: 'server.js', choice: 'mine', theirs: 'theirs' }]);
    expect(ws.find('added-elsewhere.md')).toBeDefined();
    expect(ws.find('package.json')?.content).toBeNull();
  });
});

describe('restoring a draft', () => {
  test('puts an edit back onto the entry of the same file', () => {
    const ws = new Workspace(H1, tree);
    ws.restore({ path: 'server.js', origin: 'server.js', base: 'old', content: 'draft', deleted: false });
    expect(ws.files()).toHaveLength(3);
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'draft' }]);
  });

  test('puts a renamed file back under its new name', () => {
    const ws = new Workspace(H1, tree);
    ws.restore({ path: 'app.js', origin: 'server.js', base: null, content: null, deleted: false });
    expect(ws.changes()).toEqual([{ op: 'rename', from: 'server.js', to: 'app.js' }]);
  });

  test('adds a new file', () => {
    const ws = new Workspace(H1, tree);
    ws.restore({ path: 'notes.md', origin: null, base: null, content: 'hi', deleted: false });
    expect(ws.find('notes.md')?.content).toBe('hi');
  });
});
