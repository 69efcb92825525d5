import { z } from 'zod';

/** Limits on names inside a workspace (bytes of UTF-8, as file systems count them). */
export const REPO_PATH_LIMITS = { maxPathBytes: 1024, maxSegmentBytes: 255 } as const;

/**
 * Why `path` may not name a file in a workspace, or undefined when it may. One rule set
 * for every service: relative, forward slashes, no `..`/`.`/empty segments, no `.git`
 * segment (any case), no NUL or other control characters, within the length limits.
 */
export function repoPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'must not be empty';
  if (path.includes('\0')) return 'must not contain NUL bytes';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain control characters (newlines, tabs, …)';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('\\')) return 'must be relative to the workspace root';
  if (Buffer.byteLength(path, 'utf8') > REPO_PATH_LIMITS.maxPathBytes) return `must be at most ${REPO_PATH_LIMITS.maxPathBytes} bytes long`;
  const segments = path.split('/');
  if (segments.some((seg) => seg === '..' || seg === '.' || seg === '')) return 'must not contain "..", "." or empty segments';
  if (segments.some((seg) => seg.toLowerCase() === '.git')) return 'must not be inside .git';
  if (segments.some((seg) => Buffer.byteLength(seg, 'utf8') > REPO_PATH_LIMITS.maxSegmentBytes)) {
    return `each name must be at most ${REPO_PATH_LIMITS.maxSegmentBytes} bytes long`;
  }
  return undefined;
}

/** A path that passes every rule: for early checks at the edge (the gateway's HTTP input). */
export const repoPathSchema = z.string().superRefine((path, ctx) => {
  const problem = repoPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * A path as an RPC carries it: only bounded, not yet judged. The repo service applies
 * `repoPathProblem` itself so a bad path gets REPO.INVALID_PATH (naming the rule), not a
 * generic RPC.BAD_REQUEST from envelope validation.
 */
export const repoPathInput = z.string().max(4096);
