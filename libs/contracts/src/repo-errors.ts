/**
 * Stable codes of the repo service's errors (AppError.code), for callers that map them
 * (the gateway: HTTP status; the IDE: what to show). Details named per code.
 */
export const RepoErrorCodes = {
  /** A path breaks `repoPathProblem`. details: { path, field } */
  invalidPath: 'REPO.INVALID_PATH',
  /** A change set that cannot apply: duplicate path, delete of a missing file, bad base64, file/dir clash. details: { path? } */
  invalidChange: 'REPO.INVALID_CHANGE',
  /** A file over MAX_FILE_BYTES or more files than MAX_FILES_PER_COMMIT. details: { path?, limit, actual } */
  tooLarge: 'REPO.TOO_LARGE',
  /** The branch moved since baseCommit and touched the same files. details: { head, files: [{ path, base?, theirs? }] } */
  conflict: 'REPO.CONFLICT',
  /** No workspace for this user, or no such file/commit in it. */
  notFound: 'REPO.NOT_FOUND',
  /** The workspace is still being created (provisioning started, not finished). */
  notReady: 'REPO.NOT_READY',
  /** The app name belongs to another user's workspace. */
  forbidden: 'REPO.FORBIDDEN',
  /** GitHub refused the student's token (401, or 403 without rate limiting), or no token is stored. */
  githubUnauthorized: 'REPO.GITHUB_UNAUTHORIZED',
  /** GitHub refused the request as invalid (422) or in conflict with its state (409). */
  githubRejected: 'REPO.GITHUB_REJECTED',
  /** GitHub answered 5xx, timed out, or stayed rate limited; nothing was changed by us. */
  upstreamUnavailable: 'REPO.UPSTREAM_UNAVAILABLE',
} as const;

export type RepoErrorCode = (typeof RepoErrorCodes)[keyof typeof RepoErrorCodes];
