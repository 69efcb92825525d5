/**
 * The status rules, run atomically inside Redis so concurrent workers and the gateway
 * can never interleave a read-check-write:
 *  - a deploy's phases only move forward (queued < applying < rolling-out < terminal);
 *    a repeat of the current phase updates it, unless the writer asks for `strict`;
 *  - a deploy has exactly one terminal phase (a repeat of the same one is a no-op);
 *  - a status of an older revision never replaces the current status of a newer one;
 *  - when a newer revision becomes current while the previous one was unfinished, the
 *    previous one is marked `superseded` right there, so every deploy ends somewhere.
 * Statuses are written exactly as given (JSON text), then appended to the bounded
 * history stream and published on the app's channel.
 */
const APPLY_STATUS = `
local RANK = { queued = 0, applying = 1, ['rolling-out'] = 2, ready = 3, failed = 3, superseded = 3, removed = 3 }

local function record(skey, hkey, rkey, channel, json, s, maxlen, make_current)
  if make_current then redis.call('SET', skey, json) end
  redis.call('XADD', hkey, 'MAXLEN', '~', maxlen, '*', 's', json)
  redis.call('PUBLISH', channel, json)
  redis.call('HSET', rkey, tostring(s.revision), RANK[s.phase] .. '|' .. s.phase .. '|' .. s.deployId)
end

local function trim(rkey, revision)
  if redis.call('HLEN', rkey) > 600 then
    for _, f in ipairs(redis.call('HKEYS', rkey)) do
      if tonumber(f) < revision - 500 then redis.call('HDEL', rkey, f) end
    end
  end
end

local function apply_status(skey, hkey, rkey, channel, json, maxlen, at, strict)
  local s = cjson.decode(json)
  local rank = RANK[s.phase]
  if rank == nil then return 'invalid' end
  local raw = redis.call('GET', skey)
  local cur = raw and cjson.decode(raw)
  local prev = redis.call('HGET', rkey, tostring(s.revision))
  local prank, pphase, pid
  if prev then
    prank, pphase, pid = string.match(prev, '^(%d)|([^|]+)|(.+)$')
    prank = tonumber(prank)
  elseif cur and cur.revision == s.revision then
    prank, pphase, pid = RANK[cur.phase], cur.phase, cur.deployId
  end
  if pid then
    if pid ~= s.deployId then return 'conflict' end
    if prank == 3 then
      if pphase == s.phase then return 'duplicate' end
      return 'terminal'
    end
    if rank < prank then return 'backwards' end
    if strict and rank == prank then return 'duplicate' end
  end
  if cur and cur.revision > s.revision then
    if rank == 3 and not pid then
      record(skey, hkey, rkey, channel, json, s, maxlen, false)
      return 'recorded'
    end
    return 'stale'
  end
  if cur and cur.revision < s.revision and RANK[cur.phase] < 3 then
    local sup = { deployId = cur.deployId, app = cur.app, revision = cur.revision, phase = 'superseded', at = at,
      message = 'A newer deploy (revision ' .. s.revision .. ') replaced this one before it finished.' }
    if cur.commit then sup.commit = cur.commit end
    if cur.action then sup.action = cur.action end
    record(skey, hkey, rkey, channel, cjson.encode(sup), sup, maxlen, false)
  end
  record(skey, hkey, rkey, channel, json, s, maxlen, true)
  trim(rkey, s.revision)
  return 'applied'
end
`;

/** KEYS: status, history, revisions. ARGV: status JSON, history max length, channel, now (ISO), strict ('1'/'0'). */
export const TRANSITION_LUA = `${APPLY_STATUS}
local outcome = apply_status(KEYS[1], KEYS[2], KEYS[3], ARGV[3], ARGV[1], ARGV[2], ARGV[4], ARGV[5] == '1')
return { outcome, redis.call('GET', KEYS[1]) }
`;

/**
 * KEYS: desired, status, history, revisions. ARGV: desired JSON and queued-status JSON,
 * each without the opening brace (the script prepends {"revision":N,), history max
 * length, channel, now. The new revision is one above both the counter and the current
 * status, so a lost counter can never hand out a revision already used.
 */
export const REQUEST_DEPLOY_LUA = `${APPLY_STATUS}
local base = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
local raw = redis.call('GET', KEYS[2])
if raw then
  local cur = cjson.decode(raw)
  if cur.revision > base then base = cur.revision end
end
local rev = base + 1
local prefix = '{"revision":' .. rev .. ','
redis.call('HSET', KEYS[1], 'revision', rev, 'state', prefix .. ARGV[1])
local outcome = apply_status(KEYS[2], KEYS[3], KEYS[4], ARGV[4], prefix .. ARGV[2], ARGV[3], ARGV[5], false)
return { rev, outcome }
`;
