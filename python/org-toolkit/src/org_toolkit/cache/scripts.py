"""The Lua scripts of PROTOCOL.md section 4 (version 2), verbatim."""

from __future__ import annotations

PROTOCOL_VERSION = "2"

LEASE = """local g = redis.call('GET', KEYS[1])
if g then return g end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]"""

FILL = """if ARGV[3] == '1' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1"""

INVALIDATE = """local stream = redis.call('XADD', KEYS[2], '*', 'v', '2', 'id', ARGV[3], 'keys', ARGV[4], 'at', ARGV[5], 'targets', ARGV[6])
for i = 3, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('SET', KEYS[i + 1], ARGV[2], 'PX', ARGV[1])
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return stream"""

DELIVER = """if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 3, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('SET', KEYS[i + 1], ARGV[2], 'PX', ARGV[1])
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1"""

HOLD = """local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if current then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1"""

RELEASE = """if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"""
