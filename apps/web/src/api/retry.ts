import { ApiError } from './http';

/**
 * Answers worth waiting for: the workspace is still being created right after sign-up
 * (`REPO.NOT_READY`), a service is briefly unavailable (503), or the network blinked.
 */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'REPO.NOT_READY' || error.status === 503 || error.code === 'NETWORK');
}

/** Call `fn` until it succeeds, a non-transient error, or `deadlineMs`; waits grow from 300 ms to 3 s. */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  opts: { deadlineMs?: number; onWait?: (error: ApiError, attempt: number) => void; sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<T> {
  const { deadlineMs = 60_000, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)), now = Date.now } = opts;
  const start = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransient(error) || now() - start >= deadlineMs) throw error;
      opts.onWait?.(error as ApiError, attempt);
      await sleep(Math.min(3000, 300 * 2 ** (attempt - 1)));
    }
  }
}
