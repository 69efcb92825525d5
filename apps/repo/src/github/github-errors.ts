import { AppError } from '@imad/contracts';
import { RepoErrors } from '../core/repo-errors';

interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  cause?: unknown;
}

const isHttpError = (e: unknown): e is HttpError => typeof e === 'object' && e !== null && typeof (e as HttpError).status === 'number';

export const statusOf = (e: unknown): number | undefined => (isHttpError(e) ? e.status : undefined);

/**
 * Turns what Octokit threw into the repo service's stable codes. `notFound` says what a
 * 404 means where the call was made (a missing repository, file or commit). The retry and
 * throttling plugins have already retried what is worth retrying when this runs.
 */
export function fromGitHub(error: unknown, what: string, notFound?: () => AppError): AppError {
  if (error instanceof AppError) return error;
  if (!isHttpError(error)) return RepoErrors.upstreamUnavailable(`GitHub could not be reached while trying to ${what}`, undefined, error);
  const { status } = error;
  const headers = error.response?.headers ?? {};
  const githubMessage = (error.response?.data as { message?: string } | undefined)?.message ?? error.message;
  if (status === 401) {
    return RepoErrors.githubUnauthorized('GitHub no longer accepts your sign-in (token revoked or expired); sign in again', error, { status });
  }
  if (status === 403 || status === 429) {
    if (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(githubMessage)) {
      const retryAfter = Number(headers['retry-after']) || resetIn(headers['x-ratelimit-reset']);
      return RepoErrors.upstreamUnavailable(`GitHub rate limit reached while trying to ${what}; try again${retryAfter ? ` in ${retryAfter} s` : ' later'}`, { status, retryAfterSeconds: retryAfter }, error);
    }
    return RepoErrors.githubUnauthorized(`GitHub does not allow this token to ${what}: ${githubMessage}`, error, { status });
  }
  if (status === 404 && notFound) return notFound();
  if (status === 404 || status === 409 || status === 422) {
    return RepoErrors.githubRejected(`GitHub refused to ${what}: ${githubMessage}`, { status, ...(validationErrors(error) ?? {}) }, error);
  }
  if (status >= 500) {
    const timedOut = (error.cause as Error | undefined)?.name === 'TimeoutError' || /timeout|aborted/i.test(error.message);
    return RepoErrors.upstreamUnavailable(
      timedOut ? `GitHub did not answer in time while trying to ${what}` : `GitHub failed (${status}) while trying to ${what}; nothing was changed, try again`,
      { status, ...(timedOut ? { timeout: true } : {}) },
      error,
    );
  }
  return RepoErrors.githubRejected(`GitHub answered ${status} while trying to ${what}: ${githubMessage}`, { status }, error);
}

function validationErrors(error: HttpError): { errors: unknown } | undefined {
  const errors = (error.response?.data as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? { errors: errors.slice(0, 5) } : undefined;
}

function resetIn(reset: string | undefined): number | undefined {
  const at = Number(reset);
  return at > 0 ? Math.max(0, Math.ceil(at - Date.now() / 1000)) : undefined;
}
