import type { CommitId } from '@imad/contracts';
import { encodeContent } from '../core/content';
import type { CommitSummary, FileContent, Tree } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import type { BlobKinds } from './blob-kinds';
import { git } from './git';
import { batchCheck, lsTree } from './objects';

/** Read-only operations on one bare repository. None takes a lock: objects are immutable. */
export async function readTree(gitDir: string, ref: string, kinds: BlobKinds): Promise<Tree> {
  const [head] = await batchCheck(gitDir, [ref]);
  if (!head) throw new Error(`${gitDir} has no ${ref}`);
  const files = (await lsTree(gitDir, head.id, ['-r', '-l'])).filter((e) => e.type === 'blob');
  const binary = await kinds.classify(gitDir, files.map((f) => f.id));
  return { head: head.id, entries: files.map((f) => ({ path: f.path, size: f.size ?? 0, binary: binary.get(f.id) ?? false })) };
}

export async function readFile(gitDir: string, ref: string, path: string, commit?: CommitId): Promise<FileContent> {
  const rev = commit ?? ref;
  if (commit) {
    const [found] = await batchCheck(gitDir, [`${commit}^{commit}`]);
    if (!found) throw RepoErrors.noSuchCommit('commit', commit);
  }
  const { stdout } = await git(['cat-file', '--batch'], { gitDir, input: `${rev}:${path}\n` });
  const headerEnd = stdout.indexOf(0x0a);
  const [id, type, size] = stdout.subarray(0, headerEnd).toString('utf8').split(' ');
  if (type !== 'blob') throw RepoErrors.noSuchFile(path, commit);
  const content = stdout.subarray(headerEnd + 1, headerEnd + 1 + Number(size));
  return { path, blobId: id, size: content.length, ...encodeContent(content) };
}

export async function readHistory(gitDir: string, ref: string, query: { path?: string; limit: number }): Promise<CommitSummary[]> {
  const args = ['log', '-z', `--max-count=${query.limit}`, '--format=%H%x00%an%x00%aI%x00%B', ref, ...(query.path ? ['--', query.path] : [])];
  const { stdout } = await git(args, { gitDir, env: { GIT_LITERAL_PATHSPECS: '1' } });
  const fields = stdout.toString('utf8').split('\0');
  const commits: CommitSummary[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    commits.push({ id: fields[i], author: fields[i + 1], at: fields[i + 2], message: fields[i + 3].trimEnd() });
  }
  return commits;
}

/** Cut at a size a browser can show; the rest is one `truncated` flag, not an error. */
const MAX_DIFF_BYTES = 1024 * 1024;

export async function readDiff(gitDir: string, query: { from: CommitId; to: CommitId; path?: string }): Promise<{ diff: string; truncated: boolean }> {
  const [from, to] = await batchCheck(gitDir, [`${query.from}^{commit}`, `${query.to}^{commit}`]);
  if (!from) throw RepoErrors.noSuchCommit('from', query.from);
  if (!to) throw RepoErrors.noSuchCommit('to', query.to);
  const args = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', from.id, to.id, ...(query.path ? ['--', query.path] : [])];
  const { stdout, truncated } = await git(args, { gitDir, env: { GIT_LITERAL_PATHSPECS: '1' }, truncateAt: MAX_DIFF_BYTES });
  return { diff: stdout.toString('utf8'), truncated: truncated ?? false };
}

