import type { FileEntry } from './file-entry';

/** The part of `Storage` the store needs (localStorage in the browser, a Map in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An unsaved file as kept in the browser: the entry plus the commit it was based on. */
export interface Draft {
  baseCommit: string;
  path: string;
  origin: string | null;
  base: string | null;
  content: string | null;
  deleted: boolean;
  savedAt: number;
}

/**
 * Unsaved edits kept in the browser so a reload, a crash or a network drop loses nothing.
 * One key per user, base commit and file (`imad:draft:v1:<user>:<base>:<path>`), so two
 * students sharing a computer never see each other's drafts, and a draft always says which
 * commit it was written against (the IDE checks that before putting it back).
 */
export class DraftStore {
  private readonly prefix: string;
  /** Keys this page wrote or adopted; another tab's drafts are never removed from here. */
  private readonly owned = new Set<string>();

  constructor(private readonly storage: KeyValueStorage, userId: string, private readonly now: () => number = Date.now) {
    this.prefix = `imad:draft:v1:${encodeURIComponent(userId)}:`;
  }

  key(baseCommit: string, path: string): string {
    return `${this.prefix}${baseCommit}:${path}`;
  }

  list(): Draft[] {
    const drafts: Draft[] = [];
    for (const key of this.keys()) {
      const draft = parse(this.storage.getItem(key));
      if (draft) {
        drafts.push(draft);
        this.owned.add(key);
      } else this.storage.removeItem(key);
    }
    return drafts.sort((a, b) => a.path.localeCompare(b.path));
  }

  /**
   * Make the store hold exactly the dirty entries of a workspace at `head`: drafts this page
   * wrote or adopted (`list`) and no longer needs are removed (saved, discarded, or moved
   * onto the new head); drafts written by another tab are left alone.
   * Returns false when the browser refused to store (quota), so the IDE can say so.
   */
  sync(head: string, dirty: readonly FileEntry[]): boolean {
    const wanted = new Map<string, string>();
    for (const f of dirty) {
      const path = f.deleted && f.origin !== null ? f.origin : f.path;
      const key = this.key(head, path);
      const previous = parse(this.storage.getItem(key));
      const draft: Draft = { baseCommit: head, path: f.path, origin: f.origin, base: f.base, content: f.content, deleted: f.deleted, savedAt: 0 };
      draft.savedAt = previous && sameDraft(previous, draft) ? previous.savedAt : this.now();
      wanted.set(key, JSON.stringify(draft));
    }
    let ok = true;
    for (const key of this.owned) {
      if (wanted.has(key)) continue;
      this.storage.removeItem(key);
      this.owned.delete(key);
    }
    for (const [key, value] of wanted) {
      this.owned.add(key);
      if (this.storage.getItem(key) === value) continue;
      try {
        this.storage.setItem(key, value);
      } catch {
        ok = false;
      }
    }
    return ok;
  }

  clear(): void {
    for (const key of this.keys()) this.storage.removeItem(key);
    this.owned.clear();
  }

  private keys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(this.prefix)) keys.push(key);
    }
    return keys;
  }
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.path === b.path && a.origin === b.origin && a.base === b.base && a.content === b.content && a.deleted === b.deleted;
}

function parse(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft;
    return typeof d.baseCommit === 'string' && typeof d.path === 'string' && typeof d.deleted === 'boolean' ? d : null;
  } catch {
    return null;
  }
}
