import { expect, test } from '@jest/globals';
import { commitMessage } from './commit-message';

test('names the edited file', () => {
  expect(commitMessage([{ op: 'upsert', path: 'server.js', content: '' }])).toBe('Edit server.js');
});

test('names two files, and counts the rest beyond that', () => {
  const up = (path: string) => ({ op: 'upsert' as const, path, content: '' });
  expect(commitMessage([up('a'), up('b')])).toBe('Edit a and b');
  expect(commitMessage([up('a'), up('b'), up('c')])).toBe('Edit a and 2 more files');
});

test('says what was renamed and deleted', () => {
  expect(
    commitMessage([
      { op: 'delete', path: 'old.js' },
      { op: 'rename', from: 'a.js', to: 'b.js' },
      { op: 'upsert', path: 'c.js', content: '' },
    ]),
  ).toBe('Edit c.js; Rename a.js → b.js; Delete old.js');
});
