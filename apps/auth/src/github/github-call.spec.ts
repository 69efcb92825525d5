import { AppError } from '@imad/contracts';
import { callGitHub } from './github-call';

async function failure(run: (signal: AbortSignal) => Promise<unknown>, timeoutMs = 1000): Promise<AppError> {
  const error = await callGitHub('do it', timeoutMs, run).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Shaped like Octokit's RequestError, which keeps the request (body with the client secret). */
function requestError(status: number, data?: unknown) {
  return Object.assign(new Error(`HTTP ${status}`), {
    name: 'HttpError',
    status,
    request: { body: '{"client_secret":"s3cret","code":"c0de"}' },
    response: data === undefined ? undefined : { status, data, headers: {} },
  });
}

describe('callGitHub', () => {
  it('passes a success through', async () => {
    expect(await callGitHub('do it', 1000, async () => 42)).toBe(42);
  });

  it('turns a stall into AUTH.GITHUB_TIMEOUT once the deadline passes, aborting the request', async () => {
    let aborted = false;
    const error = await failure((signal) => new Promise((_, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted'))))), 50);
    expect(error.code).toBe('AUTH.GITHUB_TIMEOUT');
    expect(aborted).toBe(true);
  });

  it('turns a 4xx into AUTH.GITHUB_REJECTED quoting GitHub, and a 5xx or network error into AUTH.GITHUB_UNAVAILABLE', async () => {
    const rejected = await failure(async () => Promise.reject(requestError(401, { message: 'Bad credentials' })));
    expect(rejected.code).toBe('AUTH.GITHUB_REJECTED');
    expect(rejected.message).toContain('HTTP 401: Bad credentials');
    expect((await failure(async () => Promise.reject(requestError(502, 'bad gateway')))).code).toBe('AUTH.GITHUB_UNAVAILABLE');
    expect((await failure(async () => Promise.reject(requestError(500)))).message).not.toContain('HTTP 500');
  });

  it('keeps the failed request (client secret, code) out of the error it passes on', async () => {
    const error = await failure(async () => Promise.reject(requestError(503, 'down')));
    expect(JSON.stringify({ cause: error.cause, ...(error.cause as object) })).not.toMatch(/s3cret|c0de/);
    expect((error.cause as { request?: unknown }).request).toBeUndefined();
  });
});
