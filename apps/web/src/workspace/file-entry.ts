/**
 * One file of the student's workspace as the editor knows it: where it was in the commit
 * the editor last saw (`origin`), what it contained there (`base`), and what the student
 * has made of it (`path`, `content`, `deleted`). Everything the editor saves or keeps as a
 * draft is derived from these fields, so "unsaved" has exactly one definition: `isDirty`.
 */
export interface FileEntry {
  /** Current path (after any rename). */
  path: string;
  /** Path in the base commit; null for a file created since. */
  origin: string | null;
  /** Content in the base commit, once loaded (null: not loaded yet, or a new file). */
  base: string | null;
  /** Current content, once loaded (null: not loaded, so unchanged). */
  content: string | null;
  /** Deleted since the base commit (kept so the delete is saved). */
  deleted: boolean;
  /** Binary files are listed but not editable. */
  binary: boolean;
}

export type FileChange =
  | { op: 'upsert'; path: string; content: string }
  | { op: 'delete'; path: string }
  | { op: 'rename'; from: string; to: string };

export function isNew(f: FileEntry): boolean {
  return f.origin === null;
}

export function isContentChanged(f: FileEntry): boolean {
  if (f.content === null) return false;
  return f.origin === null || f.base === null || f.content !== f.base;
}

/** Unsaved: created, deleted, renamed or edited since the base commit. */
export function isDirty(f: FileEntry): boolean {
  if (f.origin === null) return !f.deleted;
  if (f.deleted) return true;
  return f.origin !== f.path || isContentChanged(f);
}

/**
 * The commit's changes for one entry. A rename whose content also changed is sent as
 * delete + upsert (git has no renames, and this keeps the request free of ordering rules).
 */
export function changesFor(f: FileEntry): FileChange[] {
  if (!isDirty(f)) return [];
  if (f.origin === null) return [{ op: 'upsert', path: f.path, content: f.content ?? '' }];
  if (f.deleted) return [{ op: 'delete', path: f.origin }];
  const edited = isContentChanged(f);
  if (f.origin !== f.path) {
    return edited
      ? [{ op: 'delete', path: f.origin }, { op: 'upsert', path: f.path, content: f.content as string }]
      : [{ op: 'rename', from: f.origin, to: f.path }];
  }
  return [{ op: 'upsert', path: f.path, content: f.content as string }];
}

/** The entry as it is once its changes are committed: its own new base. */
export function asSaved(f: FileEntry): FileEntry | null {
  if (f.deleted) return null;
  const content = f.content ?? f.base;
  return { ...f, origin: f.path, base: content, content };
}
