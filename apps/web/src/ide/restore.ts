import type { Choice, ConflictItem } from '../workspace/conflict';
import { draftConflict } from '../workspace/conflict';
import type { Draft } from '../workspace/draft-store';
import type { FileEntry } from '../workspace/file-entry';
import type { Workspace } from '../workspace/workspace';

export interface PendingDraft {
  draft: Draft;
  item: ConflictItem;
}

/**
 * Put drafts kept in the browser back into a freshly loaded workspace. A draft whose file
 * changed since it was written (saved from elsewhere) is not applied: it is returned as a
 * conflict for the student to settle. `load` reads a file at the workspace's head.
 */
export async function restoreDrafts(
  ws: Workspace,
  drafts: readonly Draft[],
  load: (path: string) => Promise<string | undefined>,
): Promise<{ restored: FileEntry[]; pending: PendingDraft[] }> {
  const restored: FileEntry[] = [];
  const pending: PendingDraft[] = [];
  for (const draft of newestPerFile(drafts)) {
    const target = draft.origin ?? draft.path;
    const current = ws.find(target) ? await load(target) : undefined;
    const item = draftConflict(draft, current);
    if (item) pending.push({ draft, item });
    else restored.push(ws.restore({ ...strip(draft), base: draft.origin === null ? null : (current ?? draft.base) }));
  }
  return { restored, pending };
}

/** Apply the student's choice for a draft that conflicted; null when nothing is left to restore. */
export function settleDraft(ws: Workspace, p: PendingDraft, choice: Choice): FileEntry | null {
  if (choice === 'theirs') return null;
  const { draft, item } = p;
  if (item.theirs === undefined) {
    if (draft.deleted) return null;
    return ws.restore({ ...strip(draft), origin: null, base: null });
  }
  return ws.restore({ ...strip(draft), origin: draft.origin ?? draft.path, base: item.theirs });
}

function strip(d: Draft): Omit<FileEntry, 'binary'> {
  return { path: d.path, origin: d.origin, base: d.base, content: d.content, deleted: d.deleted };
}

function newestPerFile(drafts: readonly Draft[]): Draft[] {
  const byFile = new Map<string, Draft>();
  for (const d of drafts) {
    const key = d.origin ?? d.path;
    const seen = byFile.get(key);
    if (!seen || d.savedAt > seen.savedAt) byFile.set(key, d);
  }
  return [...byFile.values()];
}
