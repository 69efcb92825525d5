import type { Redis } from 'ioredis';
import type { ClaimResult, WorkspaceRecord, WorkspaceRegistry } from './workspace-registry';

export const userKey = (userId: string) => `imad:repo:user:${userId}`;
export const appKey = (app: string) => `imad:repo:app:${app}`;

// One round trip, atomic: two concurrent provisions of one user (or two users racing for
// one app name) cannot both win.
const CLAIM = `
local existing = redis.call('GET', KEYS[1])
if existing then return {'existing', existing} end
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[1] then return {'taken', owner} end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('SET', KEYS[1], ARGV[2])
return {'claimed', ARGV[2]}`;

/** Redis keys `imad:repo:user:<userId>` (JSON record) and `imad:repo:app:<app>` (userId); no expiry. */
export class RedisWorkspaceRegistry implements WorkspaceRegistry {
  constructor(private readonly redis: Redis) {}

  async get(userId: string): Promise<WorkspaceRecord | undefined> {
    const raw = await this.redis.get(userKey(userId));
    return raw === null ? undefined : (JSON.parse(raw) as WorkspaceRecord);
  }

  async claim(record: WorkspaceRecord): Promise<ClaimResult> {
    const [outcome, value] = (await this.redis.eval(CLAIM, 2, userKey(record.userId), appKey(record.appName), record.userId, JSON.stringify(record))) as [string, string];
    if (outcome === 'taken') return { outcome, owner: value };
    return { outcome: outcome as 'claimed' | 'existing', record: JSON.parse(value) as WorkspaceRecord };
  }

  async markReady(record: WorkspaceRecord & { fullName: string; defaultBranch: string }): Promise<WorkspaceRecord> {
    const ready: WorkspaceRecord = { ...record, state: 'ready' };
    await this.redis.set(userKey(record.userId), JSON.stringify(ready));
    return ready;
  }
}
