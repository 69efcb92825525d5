import { AppError, RepoErrorCodes as C, type ConflictDetails } from '@imad/contracts';

/**
 * Every expected failure of the repo service, with its stable code (see RepoErrorCodes in
 * @imad/contracts). They cross RabbitMQ as AppError JSON, so callers can switch on `code`.
 */
export const RepoErrors = {
  invalidPath: (field: string, path: string, problem: string) =>
    new AppError(C.invalidPath, `${field} "${printable(path)}" ${problem}`, { field, path: printable(path) }),
  invalidChange: (message: string, details?: Record<string, unknown>) => new AppError(C.invalidChange, message, details),
  fileTooLarge: (path: string, limit: number, actual: number) =>
    new AppError(C.tooLarge, `${path} is ${actual} bytes; files may be at most ${limit} bytes`, { path, limit, actual }),
  tooManyFiles: (limit: number, actual: number) =>
    new AppError(C.tooLarge, `a save may change at most ${limit} files; this one changes ${actual}`, { limit, actual }),
  conflict: (details: ConflictDetails) =>
    new AppError(
      C.conflict,
      `the workspace changed since your last save: ${details.files.map((f) => f.path).join(', ') || 'the whole tree'} changed on both sides; reload and save again`,
      details,
    ),
  noWorkspace: (userId: string) => new AppError(C.notFound, `user ${userId} has no workspace yet`, { userId }),
  notReady: (userId: string) => new AppError(C.notReady, `the workspace of ${userId} is still being created; try again in a moment`, { userId }),
  noSuchFile: (path: string, commit?: string) =>
    new AppError(C.notFound, `no file ${path}${commit ? ` at ${commit}` : ''}`, { path, ...(commit ? { commit } : {}) }),
  noSuchCommit: (field: string, commit: string) => new AppError(C.notFound, `${field} ${commit} is not a commit of this workspace`, { field, commit }),
  appTaken: (appName: string) => new AppError(C.forbidden, `the app name "${appName}" belongs to another user's workspace`, { appName }),
  githubUnauthorized: (message: string, cause?: unknown, details?: Record<string, unknown>) => new AppError(C.githubUnauthorized, message, details, { cause }),
  githubRejected: (message: string, details?: Record<string, unknown>, cause?: unknown) => new AppError(C.githubRejected, message, details, { cause }),
  upstreamUnavailable: (message: string, details?: Record<string, unknown>, cause?: unknown) => new AppError(C.upstreamUnavailable, message, details, { cause }),
};

/** Paths in messages: show control characters escaped, never raw (they reach logs and UIs). */
function printable(path: string): string {
  // eslint-disable-next-line no-control-regex
  return (path.length > 300 ? `${path.slice(0, 300)}…` : path).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
