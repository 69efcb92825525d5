/** How a consumer retries a handler that throws: bounded attempts, exponential back-off. */
export interface RetryPolicy {
  /** Total handler runs, the first included, before the message goes to the DLQ. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time. */
  backoffMs: number;
  /** Ceiling for one delay. */
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, backoffMs: 1_000, maxBackoffMs: 60_000 };

export function resolvePolicy(partial: Partial<RetryPolicy>): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(partial) };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new RangeError('maxAttempts must be an integer ≥ 1');
  if (!(policy.backoffMs > 0) || !(policy.maxBackoffMs >= policy.backoffMs)) throw new RangeError('need 0 < backoffMs ≤ maxBackoffMs');
  return policy;
}

/** Delay after the given failed attempt (1-based). */
export function retryDelay(policy: RetryPolicy, failedAttempt: number): number {
  return Math.min(policy.maxBackoffMs, Math.round(policy.backoffMs * 2 ** (failedAttempt - 1)));
}

/** The retry queue for a delay; the name carries the TTL so re-declaring never conflicts. */
export function retryQueueName(queue: string, delayMs: number): string {
  return `${queue}.retry.${delayMs}ms`;
}

/** Every distinct retry queue a policy needs (delays repeat once the ceiling is reached). */
export function retryQueues(queue: string, policy: RetryPolicy): { name: string; delayMs: number }[] {
  const delays = new Set<number>();
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) delays.add(retryDelay(policy, attempt));
  return [...delays].map((delayMs) => ({ name: retryQueueName(queue, delayMs), delayMs }));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
