import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): session ids and CSRF tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Cheap format check so junk cookies never cost a Redis round trip. */
export function isWellFormedSecret(value: string | undefined): value is string {
  return value !== undefined && SECRET_SHAPE.test(value);
}

/** Redis stores only the hash: a leaked dump or key listing does not hand out sessions. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex'); // one-shot: about half the cost of createHash on every request
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
