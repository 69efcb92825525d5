import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Repository root, for tests that start scripts or services. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The real servers that `scripts/infra.sh up` started (override with the usual variables). */
export const amqpUrl = (): string => process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const redisUrl = (): string => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A name no other test (or earlier run) uses: queues, keys, users, apps. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Stops, starts or restarts a real server through the project's own script. */
export async function infra(action: 'start' | 'stop' | 'restart', service: 'rabbitmq' | 'redis'): Promise<void> {
  await run('bash', [path.join(repoRoot, 'scripts/infra.sh'), action, service], { timeout: 120_000 });
}

/** Polls until `probe` returns a truthy value or the time runs out (then throws with `what`). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
