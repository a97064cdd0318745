// The Lua scripts of the wire protocol (PROTOCOL.md, "Scripts"). Another implementation (the
// Python client) runs the same text; a change here is a protocol change.

/** KEYS: gen. ARGV: fresh token, retentionMs. The key's generation token, created if missing. */
export const LEASE = `
local g = redis.call('GET', KEYS[1])
if g then return g end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

/** KEYS: value, gen. ARGV: payload, ttlMs, conditional ('1'|'0'), expected token. 1 stored, 0 refused. */
export const FILL = `
if ARGV[3] == '1' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/**
 * KEYS: applied, outbox, then value and gen of each key. ARGV: retentionMs, token, id, keys (JSON),
 * at, targets (JSON). Deletes, moves every generation to the new token, marks applied and records
 * the entry in the outbox, atomically; returns the stream id.
 */
export const INVALIDATE = `
local stream = redis.call('XADD', KEYS[2], '*', 'v', '2', 'id', ARGV[3], 'keys', ARGV[4], 'at', ARGV[5], 'targets', ARGV[6])
for i = 3, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('SET', KEYS[i + 1], ARGV[2], 'PX', ARGV[1])
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return stream`;

/** As INVALIDATE without the outbox, and a no-op (0) when the applied marker exists; 1 when applied. */
export const DELIVER = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 3, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('SET', KEYS[i + 1], ARGV[2], 'PX', ARGV[1])
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1`;

/**
 * DELIVER for a page of entries in one round trip (standalone). KEYS: for each entry its applied
 * marker, then the value and gen of each of its keys. ARGV: retentionMs, token, then each entry's
 * key count. Per entry, in order: 1 applied (with the fresh token `<token>.<n>`, n counted from 1),
 * 0 already, or "E:<error>" (that entry only; the others still run).
 */
export const DELIVER_BATCH = `
local out = {}
local k = 1
for e = 3, #ARGV do
  local n = tonumber(ARGV[e])
  local applied = KEYS[k]
  local ok, result = pcall(function()
    if redis.call('EXISTS', applied) == 1 then return 0 end
    local fresh = ARGV[2] .. '.' .. (e - 2)
    for i = k + 1, k + 2 * n, 2 do
      redis.call('DEL', KEYS[i])
      redis.call('SET', KEYS[i + 1], fresh, 'PX', ARGV[1])
    end
    redis.call('SET', applied, '1', 'PX', ARGV[1])
    return 1
  end)
  if ok then out[#out + 1] = result else out[#out + 1] = 'E:' .. tostring(type(result) == 'table' and result.err or result) end
  k = k + 1 + 2 * n
end
return out`;

/**
 * DELIVER for part of one entry too large for one command (standalone; the relay). KEYS: the
 * applied marker, then the value and gen of each key of this chunk. ARGV: retentionMs, token,
 * last ('1' on the entry's last chunk, which sets the marker). 0 when the marker exists (nothing
 * done), else 1.
 */
export const DELIVER_CHUNK = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 2, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('SET', KEYS[i + 1], ARGV[2], 'PX', ARGV[1])
end
if ARGV[3] == '1' then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

/** Redis Cluster mode, one key at a time (KEYS: value, gen; ARGV: retentionMs, token). */
export const INVALIDATE_KEY = `
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
return 1`;

/** KEYS: lease. ARGV: owner, ttlMs. 1 when owner holds it now (taken or renewed), else 0. */
export const HOLD_LEASE = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if current then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** KEYS: lease. ARGV: owner. Deletes the lease only if owner holds it. */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
