import type { KeyValueStorage } from './draft-store';

/** localStorage stand-in for unit tests; `full` makes setItem throw like a quota error. */
export class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  full = false;

  get length(): number {
    return this.map.size;
  }

  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }

  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }

  setItem(k: string, v: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }

  removeItem(k: string): void {
    this.map.delete(k);
  }
}
