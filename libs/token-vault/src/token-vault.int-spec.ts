import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseKeyring } from './keyring';
import { tokenKey, TokenVault } from './token-vault';

const oldRing = parseKeyring(`old:${'aa'.repeat(32)}`);
const rotated = parseKeyring(`new:${'bb'.repeat(32)},old:${'aa'.repeat(32)}`);
const token = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';

describe('TokenVault against real Redis', () => {
  // Libs may not import @imad/testing (module boundaries): the same server, a unique user.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const userId = `u_vault${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    await redis.del(tokenKey(userId));
    await redis.quit();
  });

  it('stores the token sealed, never in clear, and reads it back', async () => {
    await new TokenVault(redis, oldRing).put(userId, token, { scopes: ['public_repo'] });
    const raw = await redis.get(tokenKey(userId));
    expect(raw).not.toContain(token);
    expect(JSON.parse(raw!).sealed).toMatch(/^v1\.old\./);
    expect(await new TokenVault(redis, oldRing).get(userId)).toMatchObject({ token, scopes: ['public_repo'], keyId: 'old' });
  });

  it('re-seals under the new primary key when read after rotation', async () => {
    const vault = new TokenVault(redis, rotated);
    expect((await vault.get(userId))?.keyId).toBe('old');
    expect(JSON.parse((await redis.get(tokenKey(userId)))!).sealed).toMatch(/^v1\.new\./);
    expect(await vault.get(userId)).toMatchObject({ token, keyId: 'new' });
  });

  it('answers null for a user with no token, and delete removes it', async () => {
    const vault = new TokenVault(redis, rotated);
    expect(await vault.get(`${userId}x`)).toBeNull();
    expect(await vault.delete(userId)).toBe(true);
    expect(await vault.get(userId)).toBeNull();
  });
});
