import type { Redis } from 'ioredis';
import { AppError } from '@imad/contracts';
import { newUserId, type Account, type Identity } from './account';
import type { AccountStore, UpsertResult } from './account-store';
import { CREATE_ACCOUNT } from './account-scripts';

const ACCOUNT = 'imad:account:';
const identityKey = (id: Identity) => (id.provider === 'local' ? `imad:account-by:local:${id.username}` : `imad:account-by:github:${id.githubId}`);
const appNameKey = (name: string) => `imad:app-name:${name}`;

/**
 * Accounts in Redis (auth owns these keys):
 * - `imad:account:<userId>` hash: userId, login, appName, provider, createdAt, updatedAt,
 *   githubId | passwordHash, registeredAt
 * - `imad:account-by:local:<username>` / `imad:account-by:github:<githubId>` → userId
 * - `imad:app-name:<appName>` → userId (the claim that makes app names unique)
 */
export class RedisAccountStore implements AccountStore {
  constructor(private readonly redis: Redis) {}

  async create(identity: Identity, fields: { login: string; passwordHash?: string }, appNames: string[], mode: 'create-only' | 'upsert'): Promise<UpsertResult> {
    const userId = newUserId();
    const now = new Date().toISOString();
    const hash: Record<string, string> = { userId, login: fields.login, provider: identity.provider, createdAt: now, updatedAt: now };
    if (identity.provider === 'github') hash.githubId = identity.githubId;
    if (fields.passwordHash) hash.passwordHash = fields.passwordHash;
    const args = { userId, prefix: ACCOUNT, createOnly: mode === 'create-only', login: fields.login, now, names: appNames, fields: Object.entries(hash).flat() };
    const [outcome, id] = (await this.redis.eval(CREATE_ACCOUNT, 1 + appNames.length, identityKey(identity), ...appNames.map(appNameKey), JSON.stringify(args))) as [string, string?];
    if (outcome === 'taken') return { outcome };
    if (outcome === 'no-name') throw new AppError('AUTH.APP_NAME_EXHAUSTED', `no free app name for "${fields.login}"`, { login: fields.login });
    const account = await this.get(id!);
    if (!account) throw new AppError('AUTH.INTERNAL', `account ${id} vanished right after ${outcome}`);
    return { outcome: outcome as 'created' | 'existing', account };
  }

  async find(identity: Identity): Promise<Account | null> {
    const userId = await this.redis.get(identityKey(identity));
    return userId ? this.get(userId) : null;
  }

  async get(userId: string): Promise<Account | null> {
    const h = await this.redis.hgetall(ACCOUNT + userId);
    if (!h.userId) return null;
    return {
      userId: h.userId,
      login: h.login,
      appName: h.appName,
      provider: h.provider as Account['provider'],
      createdAt: h.createdAt,
      ...(h.registeredAt ? { registeredAt: h.registeredAt } : {}),
      ...(h.githubId ? { githubId: h.githubId } : {}),
      ...(h.passwordHash ? { passwordHash: h.passwordHash } : {}),
    };
  }

  async markRegistered(userId: string, at: string): Promise<void> {
    await this.redis.hset(ACCOUNT + userId, 'registeredAt', at);
  }

  async claimRegistration(userId: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.set(`${ACCOUNT}${userId}:registering`, '1', 'PX', leaseMs, 'NX')) === 'OK';
  }

  async releaseRegistration(userId: string): Promise<void> {
    await this.redis.del(`${ACCOUNT}${userId}:registering`);
  }
}
