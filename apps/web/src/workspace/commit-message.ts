import type { FileChange } from './file-entry';

/** A commit message a student can read in their history: "Edit server.js and 2 more files". */
export function commitMessage(changes: readonly FileChange[]): string {
  const verbs = new Map<string, string[]>([['Edit', []], ['Rename', []], ['Delete', []]]);
  const add = (verb: string, path: string) => verbs.get(verb)?.push(path);
  for (const c of changes) {
    if (c.op === 'upsert') add('Edit', c.path);
    else if (c.op === 'rename') add('Rename', `${c.from} → ${c.to}`);
    else add('Delete', c.path);
  }
  const parts = [...verbs].filter(([, paths]) => paths.length).map(([verb, paths]) => `${verb} ${list(paths)}`);
  return parts.length ? parts.join('; ') : 'Save';
}

function list(paths: string[]): string {
  if (paths.length <= 2) return paths.join(' and ');
  return `${paths[0]} and ${paths.length - 1} more files`;
}
