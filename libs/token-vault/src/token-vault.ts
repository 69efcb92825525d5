import type { Redis } from 'ioredis';
import { AppError } from '@imad/contracts';
import type { Keyring } from './keyring';
import { open, seal, sealedKeyId } from './seal';

export const tokenKey = (userId: string): string => `imad:github-token:${userId}`;

/** What Redis holds: the sealed token and non-secret metadata. */
interface StoredRecord {
  sealed: string;
  scopes: string[];
  updatedAt: string;
}

export interface VaultToken {
  token: string;
  scopes: string[];
  updatedAt: string;
  /** The key it was sealed under when read (before any re-seal). */
  keyId: string;
}

// Replace only if nobody wrote a new token since we read: a re-seal never undoes a sign-in.
const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
return 0`;

/**
 * GitHub tokens at rest in Redis (`imad:github-token:<userId>`), sealed with AES-256-GCM
 * (see seal.ts). `auth` writes them at sign-in; `repo` reads them to act for the student.
 */
export class TokenVault {
  constructor(private readonly redis: Redis, private readonly keyring: Keyring) {}

  async put(userId: string, token: string, meta: { scopes: string[] }): Promise<void> {
    const record: StoredRecord = { sealed: seal(this.keyring, token, userId), scopes: meta.scopes, updatedAt: new Date().toISOString() };
    await this.redis.set(tokenKey(userId), JSON.stringify(record));
  }

  /**
   * The user's token, or null if none is stored. A token sealed under an older key is
   * re-sealed under the primary one (key rotation happens as tokens are used).
   * Throws AppError TOKEN_VAULT.UNKNOWN_KEY / DECRYPT_FAILED / CORRUPT.
   */
  async get(userId: string): Promise<VaultToken | null> {
    const raw = await this.redis.get(tokenKey(userId));
    if (raw === null) return null;
    const record = parseRecord(raw, userId);
    const token = open(this.keyring, record.sealed, userId);
    const keyId = sealedKeyId(record.sealed);
    if (keyId !== this.keyring.primaryId) {
      const resealed: StoredRecord = { ...record, sealed: seal(this.keyring, token, userId) };
      await this.redis.eval(COMPARE_AND_SET, 1, tokenKey(userId), raw, JSON.stringify(resealed));
    }
    return { token, scopes: record.scopes, updatedAt: record.updatedAt, keyId };
  }

  async delete(userId: string): Promise<boolean> {
    return (await this.redis.del(tokenKey(userId))) > 0;
  }
}

function parseRecord(raw: string, userId: string): StoredRecord {
  try {
    const record = JSON.parse(raw) as StoredRecord;
    if (typeof record.sealed === 'string' && Array.isArray(record.scopes)) return record;
  } catch {
    // fall through to the error below
  }
  throw new AppError('TOKEN_VAULT.CORRUPT', `stored token record for ${userId} is unreadable; the user must sign in again`, { userId });
}
