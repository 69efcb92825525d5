import { git, gitText, GitError } from './git';

export interface Identity {
  name: string;
  email: string;
}

/** A commit object from a tree, without touching any ref or working tree. */
export async function commitTree(gitDir: string, tree: string, parents: string[], message: string, author: Identity): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])];
  return gitText(args, { gitDir, env, input: message.endsWith('\n') ? message : `${message}\n` });
}

/** The ref moved between reading it and updating it: another writer won the race. */
export class RefMovedError extends Error {
  constructor(readonly ref: string) {
    super(`${ref} moved during the update`);
  }
}

/**
 * Compare-and-swap of a branch: `update-ref <ref> <new> <old>` succeeds only if the ref
 * still points at `old` (all zeros: must not exist yet). Whatever raced us — another
 * replica, a push — one writer wins and the other learns it, nothing is overwritten.
 */
export async function casRef(gitDir: string, ref: string, next: string, expected: string, reason: string): Promise<void> {
  try {
    await git(['update-ref', '-m', reason, ref, next, expected], { gitDir });
  } catch (error) {
    if (error instanceof GitError && /cannot lock ref|but expected|reference already exists|unable to resolve reference/.test(error.stderr)) {
      throw new RefMovedError(ref);
    }
    throw error;
  }
}

export const ZERO_ID = '0000000000000000000000000000000000000000';
