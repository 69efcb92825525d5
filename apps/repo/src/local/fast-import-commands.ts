import { createHash } from 'node:crypto';
import type { Change } from '../core/change-set';
import { RepoErrors } from '../core/repo-errors';
import { quotePath, type LsEntry } from './fast-import';

/** The blob id git would give `content` (SHA-1 repositories, which is what `git init` makes). */
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
 * fast-import file commands for a change set against HEAD (`head`: path → entry), or the
 * reason it cannot apply. fast-import itself would silently replace a folder by a file (or
 * the reverse) and ignore a delete of nothing, so those are refused here first. A change
 * set that leaves every file as it is yields `unchanged` (no commit is made).
 */
export function planChanges(changes: Change[], head: Map<string, LsEntry | undefined>): { commands: Buffer[]; unchanged: boolean } {
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
  const commands: Buffer[] = [];
  let unchanged = true;
  for (const change of changes) {
    if (change.op === 'upsert') {
      checkWritable(change.path);
      const existing = head.get(change.path);
      // Keep an existing file's mode (an executable script stays executable).
      const mode = existing?.type === 'blob' ? existing.mode : '100644';
      if (existing?.id !== blobId(change.content)) unchanged = false;
      commands.push(Buffer.from(`M ${mode} inline ${quotePath(change.path)}\ndata ${change.content.length}\n`), change.content, Buffer.from('\n'));
    } else if (change.op === 'delete') {
      if (!isFile(change.path)) throw RepoErrors.invalidChange(`there is no file ${change.path} to delete`, { path: change.path });
      unchanged = false;
      commands.push(Buffer.from(`D ${quotePath(change.path)}\n`));
    } else {
      const from = head.get(change.from);
      if (!from || from.type !== 'blob') throw RepoErrors.invalidChange(`there is no file ${change.from} to rename`, { path: change.from });
      if (head.get(change.to)) throw RepoErrors.invalidChange(`cannot rename ${change.from} to ${change.to}: it already exists`, { path: change.to });
      checkWritable(change.to);
      unchanged = false;
      commands.push(Buffer.from(`D ${quotePath(change.from)}\nM ${from.mode} ${from.id} ${quotePath(change.to)}\n`));
    }
  }
  return { commands, unchanged };
}
