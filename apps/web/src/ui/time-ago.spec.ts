import { expect, test } from '@jest/globals';
import { timeAgo } from './time-ago';

const now = Date.parse('2026-03-10T12:00:00Z');

test('says how long ago, in words a student reads at a glance', () => {
  expect(timeAgo('2026-03-10T11:59:40Z', now)).toBe('just now');
  expect(timeAgo('2026-03-10T11:55:00Z', now)).toBe('5 min ago');
  expect(timeAgo('2026-03-10T09:00:00Z', now)).toBe('3 h ago');
  expect(timeAgo('2026-03-09T10:00:00Z', now)).toBe('1 day ago');
  expect(timeAgo('2026-03-01T12:00:00Z', now)).toBe('2026-03-01');
  expect(timeAgo('nonsense', now)).toBe('');
});
