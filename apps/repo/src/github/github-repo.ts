import type { GitHubClient } from './octokit-factory';
import { fromGitHub, statusOf } from './github-errors';
import { RepoErrors } from '../core/repo-errors';

/** One student repository on GitHub, with the client acting as that student. */
export interface GitHubRepoContext {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  branch: string;
}

export function splitFullName(fullName: string): { owner: string; repo: string } {
  const [owner, repo] = fullName.split('/');
  return { owner, repo };
}

const missingRepo = (ctx: GitHubRepoContext) => () =>
  RepoErrors.githubRejected(`the GitHub repository ${ctx.owner}/${ctx.repo} is gone (deleted or renamed on GitHub?)`, { status: 404, repository: `${ctx.owner}/${ctx.repo}` });

/** The branch's current commit (a conditional GET: a 304 costs no rate limit). */
export async function branchHead(ctx: GitHubRepoContext): Promise<string> {
  try {
    const { data } = await ctx.octokit.rest.git.getRef({ owner: ctx.owner, repo: ctx.repo, ref: `heads/${ctx.branch}` });
    return data.object.sha;
  } catch (error) {
    throw fromGitHub(error, `read ${ctx.branch} of ${ctx.owner}/${ctx.repo}`, missingRepo(ctx));
  }
}

/** A commit's tree id; commits are immutable, so after the first read this is an ETag hit. */
export async function commitTree(ctx: GitHubRepoContext, commit: string, field: string): Promise<string> {
  try {
    const { data } = await ctx.octokit.rest.git.getCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: commit });
    return data.tree.sha;
  } catch (error) {
    // 422: GitHub's answer for an id that is not a commit of this repository.
    if (statusOf(error) === 404 || statusOf(error) === 422) throw RepoErrors.noSuchCommit(field, commit);
    throw fromGitHub(error, `read commit ${commit}`);
  }
}

/** Files that differ between two commits (GitHub's compare, base...head). */
export async function compareFiles(ctx: GitHubRepoContext, base: string, head: string, field = 'baseCommit'): Promise<{ path: string; before?: string; after?: string }[]> {
  try {
    const { data } = await ctx.octokit.rest.repos.compareCommitsWithBasehead({ owner: ctx.owner, repo: ctx.repo, basehead: `${base}...${head}`, per_page: 100 });
    return (data.files ?? []).flatMap((f) => {
      const after = f.status === 'removed' || !f.sha ? {} : { after: f.sha };
      if (f.status === 'renamed' && f.previous_filename) return [{ path: f.previous_filename }, { path: f.filename, ...after }];
      return [{ path: f.filename, ...after }];
    });
  } catch (error) {
    if (statusOf(error) === 404) throw RepoErrors.noSuchCommit(field, base);
    throw fromGitHub(error, `compare ${base} with ${head}`);
  }
}

/**
 * Moves the branch to `commit` only as a fast-forward (force: false). GitHub refuses with
 * 422 if the branch moved meanwhile — our compare-and-swap: answered with `false`.
 */
export async function advanceBranch(ctx: GitHubRepoContext, commit: string): Promise<boolean> {
  try {
    await ctx.octokit.rest.git.updateRef({ owner: ctx.owner, repo: ctx.repo, ref: `heads/${ctx.branch}`, sha: commit, force: false });
    return true;
  } catch (error) {
    if (statusOf(error) === 422) return false;
    throw fromGitHub(error, `move ${ctx.branch} of ${ctx.owner}/${ctx.repo}`, missingRepo(ctx));
  }
}
