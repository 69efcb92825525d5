import type { KeyValueStorage } from '../workspace/draft-store';

export interface TabState {
  open: string[];
  active: string | null;
}

/** Which tabs were open, so a reload comes back to the same view. */
export class TabMemory {
  private readonly key: string;

  constructor(private readonly storage: KeyValueStorage, userId: string) {
    this.key = `imad:tabs:v1:${encodeURIComponent(userId)}`;
  }

  load(): TabState | null {
    try {
      const s = JSON.parse(this.storage.getItem(this.key) ?? 'null') as TabState | null;
      return s && Array.isArray(s.open) ? s : null;
    } catch {
      return null;
    }
  }

  save(state: TabState): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(state));
    } catch {
      /* storage full or disabled: tabs are a convenience */
    }
  }
}

/** The file to open first when nothing was open: the app's entry point if there is one. */
export function firstFile(paths: readonly string[]): string | null {
  for (const p of ['server.js', 'index.js', 'app.js', 'README.md']) if (paths.includes(p)) return p;
  return paths[0] ?? null;
}
