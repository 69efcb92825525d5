import type { Redis } from 'ioredis';

/**
 * Lua scripts, so each operation is one round trip and atomic. Scripts that touch keys
 * named inside the set (prune, destroy-all) assume one Redis (or a primary with replicas),
 * not Redis Cluster.
 */

// KEYS[1] session; ARGV: now ms, fallback idle ms. Returns { value, pttl } or nil.
// Renewal follows the idle timeout stored in the session by its writer (auth), so readers
// configured differently cannot shorten or stretch it; it happens at most about once a
// minute and never pushes expiry past the session's absolute end (maxExpiresAt).
const RESOLVE = `
local v = redis.call('GET', KEYS[1])
if not v then return nil end
local ttl = redis.call('PTTL', KEYS[1])
local ok, s = pcall(cjson.decode, v)
if ok and type(s) == 'table' and type(s.maxExpiresAt) == 'number' then
  local now = tonumber(ARGV[1])
  local idle = tonumber(s.idleMs) or tonumber(ARGV[2])
  if ttl >= 0 and ttl < idle - math.min(60000, idle / 10) then
    local target = math.min(now + idle, s.maxExpiresAt)
    if target > now + ttl then
      redis.call('PEXPIREAT', KEYS[1], string.format('%d', target))
      ttl = target - now
    end
  end
end
return { v, ttl }`;

// KEYS[1] session, KEYS[2] user's session set; ARGV: value, ttl ms, member, set expiry ms, session key prefix.
// The set outlives every session in it, so "sign out everywhere" finds them all.
const CREATE = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[4]) then
  redis.call('PEXPIREAT', KEYS[2], ARGV[4])
end
if redis.call('SCARD', KEYS[2]) > 32 then
  for _, m in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    if redis.call('EXISTS', ARGV[5] .. m) == 0 then redis.call('SREM', KEYS[2], m) end
  end
end
return 1`;

// KEYS[1] user's session set; ARGV[1] session key prefix. Returns how many live sessions ended.
const DESTROY_ALL = `
local n = 0
for _, m in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  n = n + redis.call('DEL', ARGV[1] .. m)
end
redis.call('DEL', KEYS[1])
return n`;

export interface SessionCommands {
  imadSessionResolve(key: string, now: number, fallbackIdleMs: number): Promise<[string, number] | null>;
  imadSessionCreate(key: string, setKey: string, value: string, ttlMs: number, member: string, setExpiresAt: number, prefix: string): Promise<number>;
  imadSessionDestroyAll(setKey: string, prefix: string): Promise<number>;
}

/** Registers the scripts on the client (EVALSHA, falling back to EVAL once per connection). */
export function withSessionCommands(redis: Redis): Redis & SessionCommands {
  const client = redis as Redis & Partial<SessionCommands>;
  if (!client.imadSessionResolve) {
    redis.defineCommand('imadSessionResolve', { numberOfKeys: 1, lua: RESOLVE });
    redis.defineCommand('imadSessionCreate', { numberOfKeys: 2, lua: CREATE });
    redis.defineCommand('imadSessionDestroyAll', { numberOfKeys: 1, lua: DESTROY_ALL });
  }
  return client as Redis & SessionCommands;
}
