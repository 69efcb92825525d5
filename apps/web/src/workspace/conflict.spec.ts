import { describe, expect, test } from '@jest/globals';
import { allChosen, conflictItems, draftConflict } from './conflict';
import type { Draft } from './draft-store';
import type { FileEntry } from './file-entry';

const entry = (over: Partial<FileEntry>): FileEntry => ({ path: 'a.js', origin: 'a.js', base: 'base', content: 'mine', deleted: false, binary: false, ...over });
const draft = (over: Partial<Draft>): Draft => ({ baseCommit: 'a'.repeat(40), path: 'a.js', origin: 'a.js', base: 'base', content: 'mine', deleted: false, savedAt: 1, ...over });

describe('conflict items from a 409', () => {
  test('pair my version with theirs for each file', () => {
    const items = conflictItems([{ path: 'a.js', theirs: 'theirs' }], () => entry({}));
    expect(items).toEqual([{ path: 'a.js', mine: 'mine', theirs: 'theirs' }]);
  });

  test('a file I deleted has no version of mine; a file they deleted has none of theirs', () => {
    expect(conflictItems([{ path: 'a.js', theirs: 'theirs' }], () => entry({ deleted: true }))[0].mine).toBeNull();
    expect(conflictItems([{ path: 'a.js', theirs: undefined }], () => entry({}))[0].theirs).toBeUndefined();
  });

  test('a renamed file I never opened shows its saved content as mine', () => {
    expect(conflictItems([{ path: 'a.js', theirs: 't' }], () => entry({ path: 'b.js', content: null }))[0].mine).toBe('base');
  });
});

describe('drafts written against an older version', () => {
  test('apply cleanly when the file did not change since', () => {
    expect(draftConflict(draft({}), 'base')).toBeNull();
  });

  test('conflict when the file changed since', () => {
    expect(draftConflict(draft({}), 'changed elsewhere')).toEqual({ path: 'a.js', mine: 'mine', theirs: 'changed elsewhere' });
  });

  test('conflict when the file was deleted since', () => {
    expect(draftConflict(draft({}), undefined)).toEqual({ path: 'a.js', mine: 'mine', theirs: undefined });
  });

  test('a new file conflicts only if a file of that name appeared since', () => {
    expect(draftConflict(draft({ origin: null, base: null }), undefined)).toBeNull();
    expect(draftConflict(draft({ origin: null, base: null }), 'theirs')).toMatchObject({ mine: 'mine', theirs: 'theirs' });
  });
});

test('saving again needs a choice for every file', () => {
  const items = [{ path: 'a', mine: '1', theirs: '2' }, { path: 'b', mine: '1', theirs: '2' }];
  expect(allChosen(items, new Map([['a', 'mine']]))).toBe(false);
  expect(allChosen(items, new Map([['a', 'mine'], ['b', 'theirs']]))).toBe(true);
});
