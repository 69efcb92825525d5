import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Change, ChangeSet } from '../core/change-set';
import type { CommitResult } from '../core/githost.port';
import { RepoErrors } from '../core/repo-errors';
import { git, gitText } from './git';
import { batchCheck, changedFiles, lsTree, type TreeEntry } from './objects';
import { casRef, commitTree, RefMovedError, type Identity } from './ref-update';
import { conflictingFiles } from './conflicts';
import { indexLines } from './index-lines';

export interface CommitContext {
  gitDir: string;
  tmpDir: string;
  ref: string;
  author: Identity;
}

/**
 * One save as one commit, without a working tree: blobs are written with `hash-object`,
 * the new tree is built in a temporary index (GIT_INDEX_FILE) seeded from HEAD, and the
 * branch moves by compare-and-swap. If HEAD moved since `baseCommit`, the save goes on top
 * of HEAD unless a file it touches changed meanwhile (then REPO.CONFLICT, nothing written
 * to the branch). Independent steps run in parallel to keep a save close to one `git commit`.
 */
export async function commitChanges(ctx: CommitContext, baseCommit: string, message: string, set: ChangeSet): Promise<CommitResult> {
  const work = await mkdtemp(path.join(ctx.tmpDir, 'save-'));
  try {
    const blobs = writeBlobs(ctx.gitDir, work, set.changes);
    blobs.catch(() => undefined);
    // A lost race against another process means HEAD moved: check conflicts again and retry.
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptCommit(ctx, path.join(work, `index-${attempt}`), baseCommit, message, set, blobs);
      } catch (error) {
        if (!(error instanceof RefMovedError) || attempt >= 3) throw error;
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function attemptCommit(ctx: CommitContext, indexFile: string, baseCommit: string, message: string, set: ChangeSet, blobs: Promise<Map<string, string>>): Promise<CommitResult> {
  const [head, headTree, base] = await batchCheck(ctx.gitDir, [ctx.ref, `${ctx.ref}^{tree}`, `${baseCommit}^{commit}`]);
  if (!head || !headTree) throw new Error(`${ctx.gitDir} has no ${ctx.ref}`);
  if (!base) throw RepoErrors.noSuchCommit('baseCommit', baseCommit);
  const env = { GIT_INDEX_FILE: indexFile };
  const [changed, entries] = await Promise.all([
    head.id === base.id ? Promise.resolve([]) : changedFiles(ctx.gitDir, base.id, head.id),
    lsTree(ctx.gitDir, head.id, ['-r', '-t'], withParents(set.touched)),
    git(['read-tree', head.id], { gitDir: ctx.gitDir, env }),
  ]);
  const conflicts = conflictingFiles(set.touched, changed);
  if (conflicts.length > 0) throw RepoErrors.conflict({ head: head.id, files: conflicts });
  const lines = indexLines(set.changes, new Map(entries.map((e): [string, TreeEntry] => [e.path, e])), await blobs);
  await git(['update-index', '-z', '--index-info'], { gitDir: ctx.gitDir, env, input: lines });
  const tree = await gitText(['write-tree'], { gitDir: ctx.gitDir, env });
  if (tree === headTree.id) return { commit: head.id, parent: head.id, unchanged: true };
  const commit = await commitTree(ctx.gitDir, tree, [head.id], message, ctx.author);
  await casRef(ctx.gitDir, ctx.ref, commit, head.id, 'imad: save');
  return { commit, parent: head.id };
}

/** All new contents in one `hash-object` process; returns path → blob id. */
async function writeBlobs(gitDir: string, work: string, changes: Change[]): Promise<Map<string, string>> {
  const upserts = changes.filter((c): c is Extract<Change, { op: 'upsert' }> => c.op === 'upsert');
  if (upserts.length === 0) return new Map();
  const files = upserts.map((_, i) => path.join(work, `blob-${i}`));
  await Promise.all(upserts.map((c, i) => writeFile(files[i], c.content)));
  const ids = (await gitText(['hash-object', '-w', '--no-filters', '--', ...files], { gitDir })).split('\n');
  return new Map(upserts.map((c, i) => [c.path, ids[i]]));
}

/** The paths and every folder above them, so ls-tree shows file/folder clashes too. */
function withParents(paths: string[]): string[] {
  const all = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all];
}
