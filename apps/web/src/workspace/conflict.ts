import type { FileEntry } from './file-entry';
import type { Draft } from './draft-store';

/** One file both the student and a newer commit changed, shown side by side. */
export interface ConflictItem {
  /** Path in the commit the student started from. */
  path: string;
  /** The student's version; null when they deleted it. */
  mine: string | null;
  /** The newer commit's version; undefined when it was deleted there. */
  theirs: string | undefined;
}

/**
 * As sent by the gateway in a 409 REPO.CONFLICT (`details`): the newer head and, per file,
 * the blob ids at the base and at that head (`theirs` absent: deleted there).
 */
export interface ConflictDetails {
  head: string;
  files: { path: string; base?: string; theirs?: string }[];
}

/** A conflicting file with the newer version's content fetched (undefined: deleted there). */
export interface TheirFile {
  path: string;
  theirs: string | undefined;
}

/** Pair the newer versions with the student's entries. */
export function conflictItems(files: readonly TheirFile[], findByOrigin: (path: string) => FileEntry | undefined): ConflictItem[] {
  return files.map((file) => {
    const entry = findByOrigin(file.path);
    const mine = !entry || entry.deleted ? null : (entry.content ?? entry.base ?? '');
    return { path: file.path, mine, theirs: file.theirs };
  });
}

/**
 * A draft written against an older state of a file conflicts when the file changed since
 * (someone saved from another tab or computer). `current` is the file at today's head
 * (undefined: not there). Returns null when the draft can be put back as it is.
 */
export function draftConflict(draft: Draft, current: string | undefined): ConflictItem | null {
  const path = draft.origin ?? draft.path;
  const mine = draft.deleted ? null : draft.content;
  if (draft.origin === null) {
    return current === undefined ? null : { path, mine, theirs: current };
  }
  if (current === undefined) return { path, mine, theirs: undefined };
  if (draft.base === null || draft.base === current) return null;
  return { path, mine, theirs: current };
}

export type Choice = 'mine' | 'theirs';

/** A choice is needed for every item before saving again. */
export function allChosen(items: readonly ConflictItem[], choices: ReadonlyMap<string, Choice>): boolean {
  return items.every((i) => choices.has(i.path));
}
