import type { ConflictDetails } from '@imad/contracts';

/**
 * Files this save touches that also changed between its base and HEAD — "changed on both
 * sides". A touched path under a changed path (or above one) counts too: a file that
 * became a folder meanwhile is as much a conflict as an edited one.
 */
export function conflictingFiles(touched: string[], changed: { path: string; before?: string; after?: string }[]): ConflictDetails['files'] {
  const files: ConflictDetails['files'] = [];
  for (const change of changed) {
    const hit = touched.some((t) => t === change.path || change.path.startsWith(`${t}/`) || t.startsWith(`${change.path}/`));
    if (hit) files.push({ path: change.path, ...(change.before ? { base: change.before } : {}), ...(change.after ? { theirs: change.after } : {}) });
  }
  return files;
}
