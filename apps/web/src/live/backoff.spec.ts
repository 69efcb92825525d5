import { expect, test } from '@jest/globals';
import { Backoff } from './backoff';

test('delays grow exponentially up to the cap', () => {
  const b = new Backoff(500, 8000, () => 1);
  expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
});

test('jitter keeps every delay between half the base and the ceiling', () => {
  const b = new Backoff(500, 8000, () => 0);
  expect([b.next(), b.next(), b.next()]).toEqual([250, 250, 250]);
});

test('reset starts over after a successful connect', () => {
  const b = new Backoff(500, 8000, () => 1);
  b.next();
  b.next();
  b.reset();
  expect(b.attempts).toBe(0);
  expect(b.next()).toBe(500);
});
