import { AppError } from '@imad/contracts';

/**
 * Runs one request to GitHub with a deadline and turns every way it can fail into an
 * AppError a student can act on. `what` completes "GitHub … while we tried to <what>".
 */
export async function callGitHub<T>(what: string, timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await run(controller.signal);
  } catch (raw) {
    if (raw instanceof AppError) throw raw;
    const error = scrub(raw);
    if (timedOut) {
      throw new AppError('AUTH.GITHUB_TIMEOUT', `GitHub did not answer within ${Math.round(timeoutMs / 1000)} seconds while we tried to ${what}. Please try again in a minute.`, { timeoutMs }, { cause: error });
    }
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) {
      const reason = (error as { response?: { data?: { message?: string } } }).response?.data?.message;
      throw new AppError('AUTH.GITHUB_REJECTED', `GitHub refused to ${what} (HTTP ${status}${reason ? `: ${reason}` : ''}). Start the sign-in again; if it keeps happening, tell your course staff.`, { githubStatus: status }, { cause: error });
    }
    throw new AppError('AUTH.GITHUB_UNAVAILABLE', `GitHub is not answering properly right now${status ? ` (HTTP ${status})` : ''}, so we could not ${what}. Please try again in a few minutes.`, status ? { githubStatus: status } : undefined, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Octokit's RequestError keeps the whole request, body included (client secret, code): only
 * its name, status and message may travel on as a cause, which ends up in logs.
 */
function scrub(error: unknown): Error & { status?: number; response?: { status?: number; data?: unknown } } {
  const e = error as { name?: string; message?: string; status?: number; response?: { status?: number; data?: unknown } };
  const safe = Object.assign(new Error(String(e?.message ?? error)), { name: e?.name ?? 'Error', status: e?.status });
  return e?.response ? Object.assign(safe, { response: { status: e.response.status, data: e.response.data } }) : safe;
}

/** Octokit's RequestError carries the response; a network failure is status 500 without one. */
function statusOf(error: unknown): number | undefined {
  const e = error as { status?: number; response?: { status?: number } };
  return e.response?.status ?? (typeof e.status === 'number' && e.status !== 500 ? e.status : undefined);
}
