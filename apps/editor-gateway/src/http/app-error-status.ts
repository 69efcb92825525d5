/**
 * HTTP status for an AppError code that came back from another service. Codes are
 * the contract (see libs/contracts); the status is only how the browser hears it.
 * Unknown codes are 500: a service raised something this gateway does not expect.
 */
export function statusForAppError(code: string): number {
  const exact: Record<string, number> = {
    'RPC.BAD_REQUEST': 500, // the gateway validated first: a request the contract refuses is our bug
    'RPC.BAD_RESPONSE': 502,
    'REPO.CONFLICT': 409,
    'REPO.NOT_READY': 503, // the workspace is still being created: try again shortly
    'REPO.GITHUB_UNAUTHORIZED': 401, // signing in again renews the GitHub token
    'REPO.GITHUB_REJECTED': 422,
    'RPC.TIMEOUT': 504,
    'RPC.UNAVAILABLE': 503,
  };
  if (exact[code]) return exact[code];
  // Failures inside our own plumbing are never the browser's fault, whatever they are called.
  if (code.startsWith('MESSAGING.') || code.startsWith('STATUS.')) return 500;
  const [, kind = ''] = code.split('.', 2);
  if (kind.endsWith('NOT_FOUND')) return 404;
  if (kind.includes('INVALID')) return 400;
  if (kind.includes('CONFLICT')) return 409;
  if (kind.includes('FORBIDDEN')) return 403;
  if (kind.includes('TOO_LARGE')) return 413;
  if (kind.includes('RATE_LIMITED')) return 429;
  if (kind.includes('UNAVAILABLE')) return 503;
  return 500;
}
