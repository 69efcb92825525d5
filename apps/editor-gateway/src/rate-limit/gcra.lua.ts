/**
 * Generic cell rate algorithm (GCRA), one key per student and kind: `limit` requests
 * at once, then one every `60 s / limit`. Atomic in Redis, so every gateway replica
 * shares the same budget. Stores only a "theoretical arrival time" that expires by itself.
 * Time comes from Redis (TIME), not from each replica's clock.
 *
 * KEYS[1] = bucket key; ARGV[1] = emission interval (ms); ARGV[2] = burst (requests)
 * Returns { allowed (1|0), retryAfterMs }.
 */
export const GCRA_LUA = `
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local tolerance = interval * (burst - 1)
if tat - now > tolerance then
  return { 0, tat - tolerance - now }
end
local nextTat = tat + interval
redis.call('SET', KEYS[1], nextTat, 'PX', nextTat - now)
return { 1, 0 }
`;
