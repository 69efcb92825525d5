import { inspect } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '@imad/config';
import { keyringSchema, parseKeyring } from './keyring';

const hex = (byte: string) => byte.repeat(32);

describe('parseKeyring', () => {
  it('makes the first key the one that encrypts and keeps all for decrypting', () => {
    const ring = parseKeyring(`k2:${hex('bb')}, k1:${hex('aa')}`);
    expect(ring.primaryId).toBe('k2');
    expect(ring.ids).toEqual(['k2', 'k1']);
    expect(ring.key('k1')?.toString('hex')).toBe(hex('aa'));
  });

  it.each([
    ['', /at least one key/],
    ['nocolon', /entry 1 must be id:hex64/],
    [`bad id!:${hex('aa')}`, /bad key id/],
    ['k1:abcd', /entry 1 \("k1"\) must have a 32-byte key/],
    [`k1:${hex('aa')},k1:${hex('bb')}`, /repeats key id "k1"/],
  ])('refuses %j with a message saying what is wrong', (spec, message) => {
    expect(() => parseKeyring(spec)).toThrow(message);
  });

  it('never echoes key material in errors or when printed', () => {
    const secret = `${hex('ab').slice(0, 62)}zz`;
    expect(() => parseKeyring(`k1:${secret}`)).toThrow(/k1/);
    try {
      parseKeyring(`k1:${secret}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
    const ring = parseKeyring(`k1:${hex('cd')}`);
    expect(JSON.stringify({ ring })).not.toContain(hex('cd'));
    expect(inspect(ring)).not.toContain(hex('cd'));
  });
});

describe('keyringSchema in a service config', () => {
  const schema = z.object({ TOKEN_ENCRYPTION_KEYS: keyringSchema });

  it('names TOKEN_ENCRYPTION_KEYS when the value is wrong', () => {
    try {
      loadConfig(schema, { TOKEN_ENCRYPTION_KEYS: 'k1:short' });
      throw new Error('expected ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([{ variable: 'TOKEN_ENCRYPTION_KEYS', message: expect.stringMatching(/32-byte key/) }]);
    }
  });

  it('names TOKEN_ENCRYPTION_KEYS when it is missing', () => {
    expect(() => loadConfig(schema, {})).toThrow(/TOKEN_ENCRYPTION_KEYS: is required/);
  });
});
