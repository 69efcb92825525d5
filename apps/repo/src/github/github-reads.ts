import type { CommitId } from '@imad/contracts';
import { encodeContent } from '../core/content';
import type { CommitSummary, FileContent, Tree } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import { fromGitHub, statusOf } from './github-errors';
import { branchHead, commitTree, type GitHubRepoContext } from './github-repo';

// GitHub's tree listing has no content, and fetching every blob to sniff it would spend the
// student's rate limit; the listing guesses by extension, `read` decides from the bytes.
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|webp|ico|bmp|avif|pdf|zip|gz|tgz|br|woff2?|ttf|otf|eot|mp3|mp4|webm|ogg|wav|wasm|bin|exe|dll|so|class|jar)$/i;

export async function treeOnGitHub(ctx: GitHubRepoContext): Promise<Tree> {
  const head = await branchHead(ctx);
  const tree = await commitTree(ctx, head, 'head');
  try {
    const { data } = await ctx.octokit.rest.git.getTree({ owner: ctx.owner, repo: ctx.repo, tree_sha: tree, recursive: 'true' });
    const entries = data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => ({ path: e.path!, size: e.size ?? 0, binary: BINARY_EXTENSIONS.test(e.path!) }));
    return { head, entries };
  } catch (error) {
    throw fromGitHub(error, `list the files of ${ctx.owner}/${ctx.repo}`);
  }
}

export async function readOnGitHub(ctx: GitHubRepoContext, path: string, commit?: CommitId): Promise<FileContent> {
  let data: unknown;
  try {
    data = (await ctx.octokit.rest.repos.getContent({ owner: ctx.owner, repo: ctx.repo, path, ref: commit ?? ctx.branch })).data;
  } catch (error) {
    throw fromGitHub(error, `read ${path}`, () => RepoErrors.noSuchFile(path, commit));
  }
  const file = data as { type?: string; sha: string; size: number; content?: string; encoding?: string };
  if (Array.isArray(data) || file.type !== 'file') throw RepoErrors.noSuchFile(path, commit);
  // Files over 1 MB come without content ("encoding": "none"): fetch the blob itself.
  const base64 = file.encoding === 'base64' && file.content !== undefined ? file.content : await blobContent(ctx, file.sha);
  const bytes = Buffer.from(base64.replace(/\n/g, ''), 'base64');
  return { path, blobId: file.sha, size: bytes.length, ...encodeContent(bytes) };
}

async function blobContent(ctx: GitHubRepoContext, sha: string): Promise<string> {
  try {
    return (await ctx.octokit.rest.git.getBlob({ owner: ctx.owner, repo: ctx.repo, file_sha: sha })).data.content;
  } catch (error) {
    throw fromGitHub(error, 'read a large file');
  }
}

export async function historyOnGitHub(ctx: GitHubRepoContext, query: { path?: string; limit: number }): Promise<CommitSummary[]> {
  try {
    const { data } = await ctx.octokit.rest.repos.listCommits({ owner: ctx.owner, repo: ctx.repo, sha: ctx.branch, per_page: Math.min(query.limit, 100), ...(query.path ? { path: query.path } : {}) });
    return data.slice(0, query.limit).map((c) => ({
      id: c.sha,
      message: c.commit.message,
      author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
      at: c.commit.author?.date ?? c.commit.committer?.date ?? new Date(0).toISOString(),
    }));
  } catch (error) {
    throw fromGitHub(error, 'read the history');
  }
}

const MAX_DIFF_BYTES = 1024 * 1024;

export async function diffOnGitHub(ctx: GitHubRepoContext, query: { from: CommitId; to: CommitId; path?: string }): Promise<{ diff: string; truncated: boolean }> {
  // Both must be commits of this repository; checking them first gives the field at fault.
  await Promise.all([commitTree(ctx, query.from, 'from'), commitTree(ctx, query.to, 'to')]);
  let text: string;
  try {
    const { data } = await ctx.octokit.rest.repos.compareCommitsWithBasehead({ owner: ctx.owner, repo: ctx.repo, basehead: `${query.from}...${query.to}`, mediaType: { format: 'diff' } });
    text = String(data);
  } catch (error) {
    if (statusOf(error) === 404) throw RepoErrors.noSuchCommit('from', query.from);
    throw fromGitHub(error, 'compute the diff');
  }
  if (query.path) text = onlyPath(text, query.path);
  const truncated = Buffer.byteLength(text) > MAX_DIFF_BYTES;
  return { diff: truncated ? Buffer.from(text).subarray(0, MAX_DIFF_BYTES).toString('utf8') : text, truncated };
}

/** The sections of a unified diff that are about `path` (either side). */
function onlyPath(diff: string, path: string): string {
  const sections = diff.split(/^(?=diff --git )/m);
  return sections.filter((s) => s.startsWith(`diff --git a/${path} `) || s.startsWith(`diff --git `) && s.split('\n')[0].endsWith(` b/${path}`)).join('');
}
