import { inspect } from 'node:util';
import { z } from 'zod';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * The AES-256 keys tokens are sealed with. The first key encrypts; every key decrypts,
 * so a new key can be put first while tokens sealed under older ones stay readable
 * (and are re-sealed under the new one as they are read).
 */
export class Keyring {
  readonly primaryId: string;
  readonly #keys: Map<string, Buffer>;

  constructor(entries: { id: string; key: Buffer }[]) {
    if (entries.length === 0) throw new Error('needs at least one key');
    this.primaryId = entries[0].id;
    this.#keys = new Map(entries.map((e) => [e.id, e.key]));
  }

  get ids(): string[] {
    return [...this.#keys.keys()];
  }

  key(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  // Key material must never reach a log line, even when a config object is logged whole.
  toJSON() {
    return { primaryId: this.primaryId, ids: this.ids };
  }

  [inspect.custom]() {
    return `Keyring(${this.ids.join(', ')}; primary ${this.primaryId})`;
  }
}

/**
 * Parses `id:hex64,id2:hex64`. Error messages name the entry by position and id, never
 * echo key material.
 */
export function parseKeyring(spec: string): Keyring {
  const parts = spec.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('must list at least one key as id:hex64 (64 hex characters = 32 bytes)');
  const seen = new Set<string>();
  const entries = parts.map((part, index) => {
    const colon = part.indexOf(':');
    const id = colon < 0 ? '' : part.slice(0, colon);
    const hex = colon < 0 ? '' : part.slice(colon + 1);
    const where = `entry ${index + 1}${KEY_ID.test(id) ? ` ("${id}")` : ''}`;
    if (colon < 0) throw new Error(`${where} must be id:hex64`);
    if (!KEY_ID.test(id)) throw new Error(`${where} has a bad key id: use 1-32 of A-Z a-z 0-9 _ -`);
    if (!HEX_KEY.test(hex)) throw new Error(`${where} must have a 32-byte key as 64 hex characters`);
    if (seen.has(id)) throw new Error(`${where} repeats key id "${id}"`);
    seen.add(id);
    return { id, key: Buffer.from(hex, 'hex') };
  });
  return new Keyring(entries);
}

/** A config field for `TOKEN_ENCRYPTION_KEYS`: `loadConfig` then names the variable on error. */
export const keyringSchema = z.string().transform((value, ctx) => {
  try {
    return parseKeyring(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
