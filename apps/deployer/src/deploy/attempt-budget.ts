import type { Redis } from 'ioredis';

/**
 * Counts how often a deploy's handling failed transiently (any worker, any delivery).
 * The messaging layer would dead-letter the message after its own attempts, leaving the
 * deploy without a terminal phase; the deployer gives up one step earlier and records
 * `failed(internal)` instead, so a student never waits on a deploy that went nowhere.
 */
export class AttemptBudget {
  constructor(
    private readonly redis: Redis,
    readonly maxAttempts: number,
  ) {}

  /** Records one failed attempt; true when no attempt is left. */
  async exhausted(app: string, revision: number): Promise<boolean> {
    const key = `imad:app:${app}:attempts`;
    const [[, count]] = (await this.redis.multi().hincrby(key, String(revision), 1).expire(key, 86_400).exec()) as [[unknown, number]];
    return count >= this.maxAttempts;
  }
}
