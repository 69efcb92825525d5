import { AppError } from '@imad/contracts';

/**
 * Every failure auth reports, with a stable code, the HTTP status it maps to and a message
 * a student can act on. Messages never say whether a username exists (see signIn).
 */
export const AUTH_ERROR_STATUS: Record<string, number> = {
  'REQUEST.INVALID': 400,
  'REQUEST.MALFORMED_JSON': 400,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.NO_SESSION': 401,
  'AUTH.CSRF_FAILED': 403,
  'AUTH.ORIGIN_REFUSED': 403,
  'AUTH.PROVIDER_DISABLED': 404,
  'AUTH.USERNAME_TAKEN': 409,
  'AUTH.RATE_LIMITED': 429,
  'AUTH.STATE_INVALID': 400,
  'AUTH.STATE_MISMATCH': 400,
  'AUTH.GITHUB_DENIED': 403,
  'AUTH.GITHUB_CODE_INVALID': 400,
  'AUTH.GITHUB_SCOPE_MISSING': 403,
  'AUTH.GITHUB_REJECTED': 502,
  'AUTH.GITHUB_UNAVAILABLE': 502,
  'AUTH.GITHUB_TIMEOUT': 504,
  'AUTH.UNAVAILABLE': 503,
};

export const statusOf = (code: string): number => AUTH_ERROR_STATUS[code] ?? 500;

export const AuthErrors = {
  invalidField: (field: string, problem: string) => new AppError('REQUEST.INVALID', `${field}: ${problem}`, { field }),
  invalidCredentials: () => new AppError('AUTH.INVALID_CREDENTIALS', 'Wrong username or password.'),
  noSession: () => new AppError('AUTH.NO_SESSION', 'You are not signed in, or your session has ended. Sign in again.'),
  usernameTaken: () => new AppError('AUTH.USERNAME_TAKEN', 'That username is taken. Choose another one.', { field: 'username' }),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('AUTH.RATE_LIMITED', `Too many attempts. Wait ${retryAfterSeconds} seconds and try again.`, { retryAfterSeconds }),
  providerDisabled: (provider: string, instead: string) =>
    new AppError('AUTH.PROVIDER_DISABLED', `Signing in with ${provider} is not enabled here; use ${instead}.`),
  originRefused: (reason: string) => new AppError('AUTH.ORIGIN_REFUSED', `Refused for your safety: ${reason}. Open the IDE and sign in from there.`),
  unavailable: (what: string, cause?: unknown) =>
    new AppError('AUTH.UNAVAILABLE', `We could not ${what} just now. Please try again in a minute.`, undefined, { cause }),
};
