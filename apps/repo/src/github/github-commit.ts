import type { ChangeSet } from '../core/change-set';
import { conflictingFiles } from '../core/conflicts';
import { isBinary } from '../core/content';
import type { CommitResult } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import { lookupPaths, resolveChanges, type HeadEntry, type TreeEdit } from '../core/resolve-changes';
import { fromGitHub } from './github-errors';
import { advanceBranch, branchHead, commitTree, compareFiles, type GitHubRepoContext } from './github-repo';

/**
 * A multi-file save as ONE commit through the Git Data API: blobs (binary files only; text
 * goes inline in the tree), one tree on top of HEAD's, one commit, one fast-forward ref
 * update. If the ref update loses a race, the whole judgement is made again (up to 3 times).
 */
export async function commitOnGitHub(ctx: GitHubRepoContext, baseCommit: string, message: string, set: ChangeSet): Promise<CommitResult> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const head = await branchHead(ctx);
    if (head !== baseCommit) {
      const conflicts = conflictingFiles(set.touched, await compareFiles(ctx, baseCommit, head));
      if (conflicts.length > 0) throw RepoErrors.conflict({ head, files: conflicts });
    }
    const headTree = await commitTree(ctx, head, 'baseCommit');
    const plan = resolveChanges(set.changes, await treeEntries(ctx, headTree, lookupPaths(set.touched)));
    if (plan.unchanged) return { commit: head, parent: head, unchanged: true };
    const tree = await createTree(ctx, headTree, plan.edits);
    const commit = await createCommit(ctx, message, tree, head);
    if (await advanceBranch(ctx, commit)) return { commit, parent: head };
  }
  throw RepoErrors.upstreamUnavailable('the branch kept moving on GitHub while saving; reload and save again');
}

/** HEAD's entries at the given paths, from one recursive tree listing (ETag-cached: trees never change). */
export async function treeEntries(ctx: GitHubRepoContext, tree: string, paths: string[]): Promise<Map<string, HeadEntry | undefined>> {
  try {
    const { data } = await ctx.octokit.rest.git.getTree({ owner: ctx.owner, repo: ctx.repo, tree_sha: tree, recursive: 'true' });
    const byPath = new Map(data.tree.map((e) => [e.path, e]));
    return new Map(
      paths.map((p) => {
        const e = byPath.get(p);
        return [p, e?.sha && e.mode && e.type ? { mode: e.mode, type: e.type as HeadEntry['type'], id: e.sha } : undefined];
      }),
    );
  } catch (error) {
    throw fromGitHub(error, `list the files of ${ctx.owner}/${ctx.repo}`);
  }
}

async function createTree(ctx: GitHubRepoContext, baseTree: string, edits: TreeEdit[]): Promise<string> {
  type Entry = { path: string; mode: '100644' | '100755' | '040000' | '160000' | '120000'; type: 'blob'; sha?: string | null; content?: string };
  const entries: Entry[] = [];
  for (const edit of edits) {
    const mode = (edit.op === 'remove' ? '100644' : edit.mode) as Entry['mode'];
    if (edit.op === 'remove') entries.push({ path: edit.path, mode, type: 'blob', sha: null });
    else if (edit.op === 'link') entries.push({ path: edit.path, mode, type: 'blob', sha: edit.id });
    else if (!isBinary(edit.content)) entries.push({ path: edit.path, mode, type: 'blob', content: edit.content.toString('utf8') });
    else entries.push({ path: edit.path, mode, type: 'blob', sha: await createBlob(ctx, edit.content) });
  }
  try {
    const { data } = await ctx.octokit.rest.git.createTree({ owner: ctx.owner, repo: ctx.repo, base_tree: baseTree, tree: entries });
    return data.sha;
  } catch (error) {
    throw fromGitHub(error, 'create the new file tree');
  }
}

async function createBlob(ctx: GitHubRepoContext, content: Buffer): Promise<string> {
  try {
    const { data } = await ctx.octokit.rest.git.createBlob({ owner: ctx.owner, repo: ctx.repo, content: content.toString('base64'), encoding: 'base64' });
    return data.sha;
  } catch (error) {
    throw fromGitHub(error, 'upload a binary file');
  }
}

export async function createCommit(ctx: GitHubRepoContext, message: string, tree: string, parent: string): Promise<string> {
  try {
    const { data } = await ctx.octokit.rest.git.createCommit({ owner: ctx.owner, repo: ctx.repo, message, tree, parents: [parent] });
    return data.sha;
  } catch (error) {
    throw fromGitHub(error, 'create the commit');
  }
}
