/** Lua for RedisAccountStore. Touches keys derived inside the script: one Redis, not Cluster. */

// KEYS[1] identity index, KEYS[2..] candidate app-name claims; ARGV[1] JSON arguments.
// All or nothing: a crash or a racing sign-in never leaves an account without its name or index.
export const CREATE_ACCOUNT = `
local a = cjson.decode(ARGV[1])
local existing = redis.call('GET', KEYS[1])
if existing then
  if a.createOnly then return { 'taken' } end
  redis.call('HSET', a.prefix .. existing, 'login', a.login, 'updatedAt', a.now)
  return { 'existing', existing }
end
for i = 2, #KEYS do
  if redis.call('SET', KEYS[i], a.userId, 'NX') then
    redis.call('HSET', a.prefix .. a.userId, 'appName', a.names[i - 1], unpack(a.fields))
    redis.call('SET', KEYS[1], a.userId)
    return { 'created', a.userId }
  end
end
return { 'no-name' }`;
