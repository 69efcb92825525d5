import { asSaved, changesFor, FileChange, FileEntry, isDirty } from './file-entry';

export interface TreeEntry {
  path: string;
  size: number;
  binary: boolean;
}

/** How one conflicting file is settled: keep the student's version, or take the saved one. */
export interface Settlement {
  /** The file's path in the commit the student started from (the server's conflict path). */
  path: string;
  choice: 'mine' | 'theirs';
  /** The file in the newer commit; undefined when it was deleted there. */
  theirs: string | undefined;
}

/** A copy of the entries taken when a save starts, so edits typed meanwhile stay unsaved. */
export type Snapshot = Map<FileEntry, FileEntry>;

const changeOrder: Record<FileChange['op'], number> = { delete: 0, rename: 1, upsert: 2 };

/**
 * The files of the workspace and the commit they are based on (`head`). Pure state, no I/O:
 * the IDE loads content into it, the student's actions change it, and a save turns it into
 * one list of changes. Entries are mutable objects with a stable identity (the tabs and the
 * editor sessions hold on to them).
 */
export class Workspace {
  private entries: FileEntry[];
  private readonly listeners = new Set<() => void>();

  constructor(public head: string, tree: readonly TreeEntry[]) {
    this.entries = tree.map((t) => fresh(t.path, t.binary));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Visible files (not deleted), sorted by path. */
  files(): FileEntry[] {
    return this.entries.filter((e) => !e.deleted).sort((a, b) => a.path.localeCompare(b.path));
  }

  paths(): Set<string> {
    return new Set(this.files().map((f) => f.path));
  }

  find(path: string): FileEntry | undefined {
    return this.entries.find((e) => !e.deleted && e.path === path);
  }

  /** The entry that stands for `path` of the base commit (renamed or deleted ones too). */
  findByOrigin(path: string): FileEntry | undefined {
    return this.entries.find((e) => e.origin === path) ?? this.entries.find((e) => e.origin === null && e.path === path);
  }

  dirty(): FileEntry[] {
    return this.entries.filter(isDirty);
  }

  isDirty(): boolean {
    return this.entries.some(isDirty);
  }

  /** The changes of one commit: deletes, then renames, then new content. */
  changes(): FileChange[] {
    return this.entries.flatMap(changesFor).sort((a, b) => changeOrder[a.op] - changeOrder[b.op]);
  }

  snapshot(): Snapshot {
    return new Map(this.entries.filter(isDirty).map((e) => [e, { ...e }]));
  }

  /** Base content arrived from the server. Keeps any edit already made. */
  loaded(entry: FileEntry, base: string): void {
    entry.base = base;
    if (entry.content === null) entry.content = base;
    this.emit();
  }

  edit(entry: FileEntry, content: string): void {
    if (entry.content === content) return;
    entry.content = content;
    this.emit();
  }

  create(path: string, content = ''): FileEntry {
    if (this.find(path)) throw new Error(`${path} already exists`);
    // Re-creating a file deleted since the base commit is an edit of it, not delete + add.
    const gone = this.entries.find((e) => e.deleted && e.origin === path);
    const entry = gone ?? fresh(path, false);
    Object.assign(entry, { path, deleted: false, content, origin: gone ? gone.origin : null, base: gone ? gone.base : null });
    if (!gone) this.entries.push(entry);
    this.emit();
    return entry;
  }

  rename(entry: FileEntry, to: string): void {
    if (this.find(to)) throw new Error(`${to} already exists`);
    entry.path = to;
    this.emit();
  }

  remove(entry: FileEntry): void {
    if (entry.origin === null) this.entries = this.entries.filter((e) => e !== entry);
    else Object.assign(entry, { deleted: true, path: entry.origin });
    this.emit();
  }

  /** Throw away unsaved changes of one file (a new file disappears). */
  discard(entry: FileEntry): void {
    if (entry.origin === null) this.entries = this.entries.filter((e) => e !== entry);
    else Object.assign(entry, { path: entry.origin, content: entry.base, deleted: false });
    this.emit();
  }

  /** A save went through as `commit`: what was in the snapshot is now the base. */
  saved(commit: string, snapshot: Snapshot): void {
    this.head = commit;
    for (const [live, snap] of snapshot) {
      const after = asSaved(snap);
      if (!after) {
        if (live.deleted) this.entries = this.entries.filter((e) => e !== live);
        else live.origin = null; // re-created while saving: now a new file
        continue;
      }
      live.origin = after.path;
      live.base = after.base;
    }
    this.emit();
  }

  /**
   * Move onto a newer commit after the student settled each conflicting file. Files nobody
   * touched are reset to the new tree (their content is fetched again when opened).
   */
  settle(head: string, tree: readonly TreeEntry[], settlements: readonly Settlement[]): void {
    const settled = new Set<FileEntry>();
    for (const s of settlements) {
      const entry = this.findByOrigin(s.path);
      if (s.choice === 'theirs') {
        if (s.theirs === undefined) this.entries = this.entries.filter((e) => e !== entry);
        else if (entry) settled.add(Object.assign(entry, { path: s.path, origin: s.path, base: s.theirs, content: s.theirs, deleted: false }));
        else {
          const added = { ...fresh(s.path, false), base: s.theirs, content: s.theirs };
          this.entries.push(added);
          settled.add(added);
        }
        continue;
      }
      if (!entry) continue;
      if (s.theirs === undefined) {
        if (entry.deleted) this.entries = this.entries.filter((e) => e !== entry);
        else Object.assign(entry, { origin: null, base: null });
      } else {
        Object.assign(entry, { origin: s.path, base: s.theirs });
      }
    }
    this.moveTo(head, tree, settled);
  }

  /**
   * Base the workspace on `head` (whose tree is `tree`): unsaved files stay as they are,
   * files nobody touched follow the tree (content reloaded when shown), except `keep`,
   * whose loaded content is already that of `head`.
   */
  moveTo(head: string, tree: readonly TreeEntry[], keep: ReadonlySet<FileEntry> = new Set()): void {
    this.head = head;
    const inTree = new Map(tree.map((t) => [t.path, t]));
    const kept = this.entries.filter((e) => isDirty(e) || (e.origin !== null && inTree.has(e.origin)));
    for (const e of kept) {
      if (!isDirty(e) && e.base !== null && !keep.has(e)) Object.assign(e, { base: null, content: null });
    }
    const known = new Set(kept.flatMap((e) => [e.origin, e.path]));
    for (const t of tree) if (!known.has(t.path)) kept.push(fresh(t.path, t.binary));
    this.entries = kept;
    this.emit();
  }

  /** Put back an unsaved draft (after a reload): the entry as the student left it. */
  restore(draft: Omit<FileEntry, 'binary'>): FileEntry {
    const existing = draft.origin !== null ? this.findByOrigin(draft.origin) : this.find(draft.path);
    const entry = existing ?? fresh(draft.path, false);
    Object.assign(entry, { path: draft.path, origin: draft.origin, base: draft.base, content: draft.content, deleted: draft.deleted });
    if (!existing) this.entries.push(entry);
    this.emit();
    return entry;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function fresh(path: string, binary: boolean): FileEntry {
  return { path, origin: path, base: null, content: null, deleted: false, binary };
}
