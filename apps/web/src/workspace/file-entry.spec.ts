import { describe, expect, test } from '@jest/globals';
import { changesFor, FileEntry, isDirty } from './file-entry';

const entry = (over: Partial<FileEntry>): FileEntry => ({ path: 'a.js', origin: 'a.js', base: 'x', content: 'x', deleted: false, binary: false, ...over });

describe('dirty tracking', () => {
  test('a file whose content equals its base is clean', () => {
    expect(isDirty(entry({}))).toBe(false);
  });

  test('a file never opened (no content loaded) is clean', () => {
    expect(isDirty(entry({ base: null, content: null }))).toBe(false);
  });

  test('typing then undoing back to the saved text leaves the file clean', () => {
    const f = entry({ content: 'xy' });
    expect(isDirty(f)).toBe(true);
    f.content = 'x';
    expect(isDirty(f)).toBe(false);
  });

  test('new, renamed and deleted files are unsaved', () => {
    expect(isDirty(entry({ origin: null, base: null, content: '' }))).toBe(true);
    expect(isDirty(entry({ path: 'b.js' }))).toBe(true);
    expect(isDirty(entry({ deleted: true }))).toBe(true);
  });

  test('a new file that was deleted again is clean', () => {
    expect(isDirty(entry({ origin: null, deleted: true }))).toBe(false);
  });
});

describe('changes of one file', () => {
  test('an edit is an upsert of the whole content', () => {
    expect(changesFor(entry({ content: 'y' }))).toEqual([{ op: 'upsert', path: 'a.js', content: 'y' }]);
  });

  test('a rename without edits is a rename', () => {
    expect(changesFor(entry({ path: 'b.js' }))).toEqual([{ op: 'rename', from: 'a.js', to: 'b.js' }]);
  });

  test('a rename with edits is a delete of the old path and an upsert of the new one', () => {
    expect(changesFor(entry({ path: 'b.js', content: 'y' }))).toEqual([
      { op: 'delete', path: 'a.js' },
      { op: 'upsert', path: 'b.js', content: 'y' },
    ]);
  });

  test('a deleted file is a delete of its original path', () => {
    expect(changesFor(entry({ path: 'b.js', deleted: true }))).toEqual([{ op: 'delete', path: 'a.js' }]);
  });

  test('a new empty file is an upsert with empty content', () => {
    expect(changesFor(entry({ origin: null, base: null, content: null, path: 'n.md' }))).toEqual([{ op: 'upsert', path: 'n.md', content: '' }]);
  });

  test('a clean file has no changes', () => {
    expect(changesFor(entry({}))).toEqual([]);
  });
});
