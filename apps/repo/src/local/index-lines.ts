import type { Change } from '../core/change-set';
import { RepoErrors } from '../core/repo-errors';
import type { TreeEntry } from './objects';

const REMOVE = '0 0000000000000000000000000000000000000000';

/**
 * `update-index --index-info` input (NUL-separated) for a change set against HEAD's entries.
 * update-index itself would silently replace a folder by a file (or the reverse), so those
 * clashes, and deletes/renames of files that are not there, are refused here first.
 */
export function indexLines(changes: Change[], head: Map<string, TreeEntry>, blobs: Map<string, string>): string {
  const isFile = (p: string) => head.get(p)?.type === 'blob';
  const lines: string[] = [];
  const addFile = (p: string, mode: string, id: string) => {
    if (head.get(p)?.type === 'tree' || head.get(p)?.type === 'commit') throw RepoErrors.invalidChange(`${p} is a folder, not a file`, { path: p });
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (isFile(dir)) throw RepoErrors.invalidChange(`cannot create ${p}: ${dir} is a file`, { path: p });
    }
    lines.push(`${mode} ${id}\t${p}`);
  };
  for (const change of changes) {
    if (change.op === 'upsert') {
      // Keep an existing file's mode (an executable script stays executable).
      const existing = head.get(change.path);
      addFile(change.path, existing?.type === 'blob' ? existing.mode : '100644', blobs.get(change.path)!);
    } else if (change.op === 'delete') {
      if (!isFile(change.path)) throw RepoErrors.invalidChange(`there is no file ${change.path} to delete`, { path: change.path });
      lines.push(`${REMOVE}\t${change.path}`);
    } else {
      const from = head.get(change.from);
      if (!from || from.type !== 'blob') throw RepoErrors.invalidChange(`there is no file ${change.from} to rename`, { path: change.from });
      if (head.has(change.to)) throw RepoErrors.invalidChange(`cannot rename ${change.from} to ${change.to}: it already exists`, { path: change.to });
      lines.push(`${REMOVE}\t${change.from}`);
      addFile(change.to, from.mode, from.id);
    }
  }
  return lines.map((l) => `${l}\0`).join('');
}
