import { createHash } from 'node:crypto';
import type { Change } from './change-set';
import { RepoErrors } from './repo-errors';

/** What HEAD's tree holds at a path (as `git ls-tree` or GitHub's tree API tell it). */
export interface HeadEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  id: string;
}

/** A change set turned into tree edits against one HEAD, ready for either GitHost to apply. */
export type TreeEdit =
  | { op: 'write'; path: string; mode: string; content: Buffer }
  | { op: 'link'; path: string; mode: string; id: string }
  | { op: 'remove'; path: string };

/** The blob id git gives `content` (SHA-1 object format: what `git init` and GitHub use). */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** The paths and every folder above them: what must be looked up to judge a change set. */
export function lookupPaths(paths: string[]): string[] {
  const all = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all];
}

/**
 * Judges a change set against HEAD (`head`: path → entry, for at least `lookupPaths`) and
 * returns the edits, or throws REPO.INVALID_CHANGE. Git plumbing and GitHub's tree API
 * both silently replace a folder by a file (or the reverse) and ignore a delete of nothing,
 * so those are refused here, before anything is written. `unchanged`: every file would stay
 * as it is, so no commit should be made.
 */
export function resolveChanges(changes: Change[], head: Map<string, HeadEntry | undefined>): { edits: TreeEdit[]; unchanged: boolean } {
  const isFile = (p: string) => head.get(p)?.type === 'blob';
  const checkWritable = (p: string) => {
    const existing = head.get(p);
    if (existing && existing.type !== 'blob') throw RepoErrors.invalidChange(`${p} is a folder, not a file`, { path: p });
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (isFile(dir)) throw RepoErrors.invalidChange(`cannot create ${p}: ${dir} is a file`, { path: p });
    }
  };
  const edits: TreeEdit[] = [];
  let unchanged = true;
  for (const change of changes) {
    if (change.op === 'upsert') {
      checkWritable(change.path);
      const existing = head.get(change.path);
      // Keep an existing file's mode (an executable script stays executable).
      const mode = existing?.type === 'blob' ? existing.mode : '100644';
      if (existing?.id !== blobId(change.content)) unchanged = false;
      edits.push({ op: 'write', path: change.path, mode, content: change.content });
    } else if (change.op === 'delete') {
      if (!isFile(change.path)) throw RepoErrors.invalidChange(`there is no file ${change.path} to delete`, { path: change.path });
      unchanged = false;
      edits.push({ op: 'remove', path: change.path });
    } else {
      const from = head.get(change.from);
      if (!from || from.type !== 'blob') throw RepoErrors.invalidChange(`there is no file ${change.from} to rename`, { path: change.from });
      if (head.get(change.to)) throw RepoErrors.invalidChange(`cannot rename ${change.from} to ${change.to}: it already exists`, { path: change.to });
      checkWritable(change.to);
      unchanged = false;
      edits.push({ op: 'remove', path: change.from }, { op: 'link', path: change.to, mode: from.mode, id: from.id });
    }
  }
  return { edits, unchanged };
}
