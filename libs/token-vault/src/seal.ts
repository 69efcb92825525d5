import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@imad/contracts';
import type { Keyring } from './keyring';

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce; random per seal, keys rotate long before 2^32 seals
const TAG_BYTES = 16;

/**
 * AES-256-GCM: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url). `context` (the user id) is
 * authenticated data, so a sealed token copied onto another user does not open.
 */
export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const keyId = keyring.primaryId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.key(keyId)!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(keyId, context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keyId, iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Opens a sealed value; AppError TOKEN_VAULT.UNKNOWN_KEY or TOKEN_VAULT.DECRYPT_FAILED otherwise. */
export function open(keyring: Keyring, sealed: string, context: string): string {
  const { keyId, iv, body, tag } = parseSealed(sealed);
  const key = keyring.key(keyId);
  if (!key) {
    throw new AppError('TOKEN_VAULT.UNKNOWN_KEY', `token was sealed with key "${keyId}", which TOKEN_ENCRYPTION_KEYS no longer lists`, { keyId });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new AppError('TOKEN_VAULT.DECRYPT_FAILED', `token sealed with key "${keyId}" does not open: tampered, or the key material changed`, { keyId }, { cause });
  }
}

export function sealedKeyId(sealed: string): string {
  return parseSealed(sealed).keyId;
}

function parseSealed(sealed: string) {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new AppError('TOKEN_VAULT.DECRYPT_FAILED', 'stored token is not in the v1 sealed format');
  }
  const [, keyId, iv, body, tag] = parts;
  return { keyId, iv: Buffer.from(iv, 'base64url'), body: Buffer.from(body, 'base64url'), tag: Buffer.from(tag, 'base64url') };
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`imad-token:${VERSION}:${keyId}:${context}`, 'utf8');
}
