import type { CommitResult } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import { conflictingFiles } from '../core/conflicts';
import { batchCheck, changedFiles } from './objects';
import { git } from './git';
import { casRef, commitTree, RefMovedError, type Identity } from './ref-update';

/**
 * A new commit on top of HEAD whose tree is `target`'s: going back never rewrites history.
 * It replaces the whole tree, so it needs HEAD to still be `baseCommit`; otherwise every
 * file changed since would be silently undone, and the answer is REPO.CONFLICT.
 */
export async function revertTo(ctx: RevertContext, target: string, baseCommit: string): Promise<CommitResult> {
  try {
    return await attempt(ctx, target, baseCommit);
  } catch (error) {
    // Another process moved the branch after we read it: the second look reports the conflict.
    if (error instanceof RefMovedError) return attempt(ctx, target, baseCommit);
    throw error;
  }
}

interface RevertContext {
  gitDir: string;
  ref: string;
  author: Identity;
}

async function attempt(ctx: RevertContext, target: string, baseCommit: string): Promise<CommitResult> {
  const [head, headTree, base, wanted, wantedTree] = await batchCheck(ctx.gitDir, [
    ctx.ref,
    `${ctx.ref}^{tree}`,
    `${baseCommit}^{commit}`,
    `${target}^{commit}`,
    `${target}^{tree}`,
  ]);
  if (!head || !headTree) throw new Error(`${ctx.gitDir} has no ${ctx.ref}`);
  if (!base) throw RepoErrors.noSuchCommit('baseCommit', baseCommit);
  if (!wanted || !wantedTree) throw RepoErrors.noSuchCommit('commit', target);
  if (head.id !== base.id) {
    const changed = await changedFiles(ctx.gitDir, base.id, head.id);
    throw RepoErrors.conflict({ head: head.id, files: conflictingFiles(changed.map((c) => c.path), changed) });
  }
  if (wantedTree.id === headTree.id) return { commit: head.id, parent: head.id, unchanged: true };
  const subject = await subjectOf(ctx.gitDir, wanted.id);
  const message = `Go back to ${wanted.id.slice(0, 7)}${subject ? ` ("${subject}")` : ''}\n\nRestores the files as they were in ${wanted.id}.\n`;
  const commit = await commitTree(ctx.gitDir, wantedTree.id, [head.id], message, ctx.author);
  await casRef(ctx.gitDir, ctx.ref, commit, head.id, 'imad: revert');
  return { commit, parent: head.id };
}

async function subjectOf(gitDir: string, commit: string): Promise<string> {
  const { stdout } = await git(['log', '-1', '--format=%s', commit], { gitDir });
  return stdout.toString('utf8').trim().slice(0, 72);
}
