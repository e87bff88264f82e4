/**
 * The Redis gate's Lua scripts. Each runs atomically in Redis; the keys of one batch share the hash
 * tag {batchId} (redis-shared.ts), so a script's keys sit in one cluster slot.
 */
/**
 * The claim, atomically. Integer replies are compared with `== 1`: in Lua 0 is true, so
 * `if redis.call('EXISTS', k) then` would take every claim for a duplicate. The claim record
 * (KEYS[4]) is the first answer of a key that claimed: a retry gets DUPLICATE with it — even while
 * the gate is paused, as a replay changes nothing — and with ARGV[9] = 'replay' the script only
 * looks (NONE: the key has not claimed). A missing counter or stream epoch (KEYS[7]) is MISSING,
 * never SOLD_OUT: Redis lost the batch's state, which is rebuilt from PostgreSQL before the claim
 * is answered (issue 16). A claim returns the stream's epoch and the entry's id for the journal.
 */
export const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[4]) == 1 then
  return {'DUPLICATE', redis.call('GET', KEYS[4])}
end
if ARGV[9] == 'replay' then
  return {'NONE'}
end
if redis.call('EXISTS', KEYS[6]) == 1 then
  return {'PAUSED'}
end
local total = redis.call('GET', KEYS[1])
local taken = redis.call('GET', KEYS[2])
local epoch = redis.call('GET', KEYS[7])
if not total or not taken or not epoch then
  return {'MISSING'}
end
if tonumber(taken) >= tonumber(total) then
  return {'SOLD_OUT'}
end
local roundField = 'r:' .. ARGV[1]
local inBatch = tonumber(redis.call('HGET', KEYS[3], 'b') or '0')
local inRound = tonumber(redis.call('HGET', KEYS[3], roundField) or '0')
if inBatch >= tonumber(ARGV[6]) or inRound >= tonumber(ARGV[5]) then
  return {'LIMIT_REACHED', tostring(inBatch), tostring(inRound)}
end
redis.call('INCR', KEYS[2])
inBatch = redis.call('HINCRBY', KEYS[3], 'b', 1)
inRound = redis.call('HINCRBY', KEYS[3], roundField, 1)
local record = ARGV[3] .. '|' .. ARGV[4] .. '|' .. ARGV[1]
local id = redis.call('XADD', KEYS[5], '*', 'v', ARGV[3], 'u', ARGV[2], 'r', ARGV[1], 'bs', inBatch, 'rs', inRound, 't', ARGV[4], 'k', ARGV[7])
redis.call('SET', KEYS[4], record, 'PX', ARGV[8])
return {'CLAIMED', record, tostring(inBatch), tostring(inRound), epoch, id}
`

/**
 * Binds an Idempotency-Key to its request, or returns what it is already bound to: GET, and SET
 * only when there was nothing (one round trip; SET NX GET would need Redis 7).
 */
export const START_SCRIPT = `
local previous = redis.call('GET', KEYS[1])
if previous then
  return previous
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`

/** Raises a round's total (quota handed back, carry-over once final); never creates or lowers it. */
export const RAISE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then
  return -1
end
if tonumber(ARGV[1]) > tonumber(current) then
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0
`

/** Drops the gate's pause only if this rebuild still holds it. */
export const UNPAUSE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`
