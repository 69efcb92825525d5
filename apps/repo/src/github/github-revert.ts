import { conflictingFiles } from '../core/conflicts';
import type { CommitResult } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import { createCommit } from './github-commit';
import { advanceBranch, branchHead, commitTree, compareFiles, type GitHubRepoContext } from './github-repo';

/** A new commit on top of HEAD with `target`'s tree; needs HEAD to still be `baseCommit` (see local revert). */
export async function revertOnGitHub(ctx: GitHubRepoContext, target: string, baseCommit: string): Promise<CommitResult> {
  const head = await branchHead(ctx);
  if (head !== baseCommit) {
    const changed = await compareFiles(ctx, baseCommit, head);
    throw RepoErrors.conflict({ head, files: conflictingFiles(changed.map((c) => c.path), changed) });
  }
  const [headTree, targetTree] = await Promise.all([commitTree(ctx, head, 'baseCommit'), commitTree(ctx, target, 'commit')]);
  if (headTree === targetTree) return { commit: head, parent: head, unchanged: true };
  const commit = await createCommit(ctx, `Go back to ${target.slice(0, 7)}\n\nRestores the files as they were in ${target}.\n`, targetTree, head);
  if (await advanceBranch(ctx, commit)) return { commit, parent: head };
  const moved = await branchHead(ctx);
  throw RepoErrors.conflict({ head: moved, files: [] });
}
