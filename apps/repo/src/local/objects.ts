import { git, splitZ } from './git';

export interface ObjectInfo {
  id: string;
  type: 'commit' | 'tree' | 'blob' | 'tag';
  size: number;
}

/**
 * Looks up several revisions in one process (`cat-file --batch-check`): missing ones map to
 * undefined. Used to read HEAD, check a base commit and peel trees in a single spawn.
 */
export async function batchCheck(gitDir: string, specs: string[]): Promise<(ObjectInfo | undefined)[]> {
  const { stdout } = await git(['cat-file', '--batch-check'], { gitDir, input: `${specs.join('\n')}\n` });
  const lines = stdout.toString('utf8').split('\n').slice(0, specs.length);
  return lines.map((line) => {
    const [id, type, size] = line.split(' ');
    if (!/^[0-9a-f]{40,64}$/.test(id ?? '') || type === undefined) return undefined;
    return { id, type: type as ObjectInfo['type'], size: Number(size) };
  });
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  id: string;
  size?: number;
  path: string;
}

/** `ls-tree -z` rows. Pathspecs are literal (GIT_LITERAL_PATHSPECS): a `*` in a name is just a `*`. */
export async function lsTree(gitDir: string, rev: string, flags: string[], paths?: string[]): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-z', ...flags, rev, ...(paths ? ['--', ...paths] : [])];
  const { stdout } = await git(args, { gitDir, env: { GIT_LITERAL_PATHSPECS: '1' } });
  return splitZ(stdout).map((row) => {
    const tab = row.indexOf('\t');
    const [mode, type, id, size] = row.slice(0, tab).split(/ +/);
    return { mode, type: type as TreeEntry['type'], id, ...(size && size !== '-' ? { size: Number(size) } : {}), path: row.slice(tab + 1) };
  });
}

/** Files that differ between two commits, with their blob ids on each side (absent = did not exist). */
export async function changedFiles(gitDir: string, from: string, to: string): Promise<{ path: string; before?: string; after?: string }[]> {
  const { stdout } = await git(['diff-tree', '-r', '-z', '--no-renames', from, to], { gitDir });
  const parts = splitZ(stdout);
  const result: { path: string; before?: string; after?: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [, , before, after] = parts[i].slice(1).split(' ');
    result.push({ path: parts[i + 1], ...(isNull(before) ? {} : { before }), ...(isNull(after) ? {} : { after }) });
  }
  return result;
}

const isNull = (id: string | undefined) => !id || /^0+$/.test(id);
