import type { StoredSession } from './types';

/** A session record as this lib wrote it, or null for anything else. */
export function parseStored(raw: string): StoredSession | null {
  try {
    const s = JSON.parse(raw) as StoredSession;
    // Cheap shape check: a record this lib did not write is no session.
    return typeof s?.user?.userId === 'string' && typeof s.maxExpiresAt === 'number' ? s : null;
  } catch {
    return null;
  }
}
