import { AppError } from '@imad/contracts';
import { parseKeyring } from './keyring';
import { open, seal, sealedKeyId } from './seal';

const k1 = parseKeyring(`k1:${'11'.repeat(32)}`);
const k2first = parseKeyring(`k2:${'22'.repeat(32)},k1:${'11'.repeat(32)}`);
const token = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'did not throw';
}

describe('seal/open', () => {
  it('round-trips a token and the sealed text does not contain it', () => {
    const sealed = seal(k1, token, 'u_abcdefgh');
    expect(sealed).not.toContain(token);
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(open(k1, sealed, 'u_abcdefgh')).toBe(token);
  });

  it('uses a fresh nonce every time', () => {
    expect(seal(k1, token, 'u_abcdefgh')).not.toBe(seal(k1, token, 'u_abcdefgh'));
  });

  it('seals with the first key and still opens tokens sealed under older keys', () => {
    const old = seal(k1, token, 'u_abcdefgh');
    expect(sealedKeyId(seal(k2first, token, 'u_abcdefgh'))).toBe('k2');
    expect(open(k2first, old, 'u_abcdefgh')).toBe(token);
  });

  it('refuses a token sealed under a key that is no longer configured', () => {
    const sealed = seal(k2first, token, 'u_abcdefgh');
    expect(codeOf(() => open(k1, sealed, 'u_abcdefgh'))).toBe('TOKEN_VAULT.UNKNOWN_KEY');
  });

  it('refuses a tampered ciphertext', () => {
    const parts = seal(k1, token, 'u_abcdefgh').split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(codeOf(() => open(k1, parts.join('.'), 'u_abcdefgh'))).toBe('TOKEN_VAULT.DECRYPT_FAILED');
  });

  it('refuses a token moved onto another user', () => {
    expect(codeOf(() => open(k1, seal(k1, token, 'u_abcdefgh'), 'u_zzzzzzzz'))).toBe('TOKEN_VAULT.DECRYPT_FAILED');
  });

  it('refuses the same key id with different key material', () => {
    const other = parseKeyring(`k1:${'33'.repeat(32)}`);
    expect(codeOf(() => open(other, seal(k1, token, 'u_abcdefgh'), 'u_abcdefgh'))).toBe('TOKEN_VAULT.DECRYPT_FAILED');
  });

  it('refuses text that is not a sealed token', () => {
    expect(codeOf(() => open(k1, token, 'u_abcdefgh'))).toBe('TOKEN_VAULT.DECRYPT_FAILED');
  });
});
