import { expect, test } from '@jest/globals';
import { lineDiff } from './line-diff';

test('marks lines only in my version and lines only in theirs, keeping shared lines once', () => {
  expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
    { kind: 'same', text: 'a' },
    { kind: 'mine', text: 'b' },
    { kind: 'theirs', text: 'B' },
    { kind: 'same', text: 'c' },
  ]);
});

test('identical texts are all shared', () => {
  expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === 'same')).toBe(true);
});

test('gives up aligning huge files and shows each side whole', () => {
  const out = lineDiff('a\nb', 'c', 1);
  expect(out.map((l) => l.kind)).toEqual(['mine', 'mine', 'theirs']);
});
