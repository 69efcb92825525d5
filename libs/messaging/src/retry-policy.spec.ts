import { resolvePolicy, retryDelay, retryQueueName, retryQueues } from './retry-policy';

describe('retry policy', () => {
  it('doubles the delay per failed attempt up to the ceiling', () => {
    const policy = resolvePolicy({ maxAttempts: 6, backoffMs: 1_000, maxBackoffMs: 5_000 });
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(policy, n))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('declares one retry queue per distinct delay, named by its TTL', () => {
    const policy = resolvePolicy({ maxAttempts: 6, backoffMs: 1_000, maxBackoffMs: 5_000 });
    expect(retryQueues('jobs', policy)).toEqual([
      { name: 'jobs.retry.1000ms', delayMs: 1_000 },
      { name: 'jobs.retry.2000ms', delayMs: 2_000 },
      { name: 'jobs.retry.4000ms', delayMs: 4_000 },
      { name: 'jobs.retry.5000ms', delayMs: 5_000 },
    ]);
    expect(retryQueueName('q', 250)).toBe('q.retry.250ms');
  });

  it('needs no retry queue when a single attempt is allowed', () => {
    expect(retryQueues('jobs', resolvePolicy({ maxAttempts: 1 }))).toEqual([]);
  });

  it('keeps defaults for options left undefined and refuses nonsense', () => {
    expect(resolvePolicy({ maxAttempts: undefined })).toEqual({ maxAttempts: 5, backoffMs: 1_000, maxBackoffMs: 60_000 });
    expect(() => resolvePolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolvePolicy({ backoffMs: 10_000, maxBackoffMs: 1_000 })).toThrow(/backoffMs/);
  });
});
