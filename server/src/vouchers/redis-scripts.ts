/**
 * The Redis gate's Lua scripts. Each runs atomically in Redis; the keys of one batch share the hash
 * tag {batchId} (redis-shared.ts), so each script but BIND_AND_CLAIM_SCRIPT has its keys in one
 * cluster slot.
 */
/**
 * The claim itself as a Lua function over its keys and arguments, shared by CLAIM_SCRIPT and
 * BIND_AND_CLAIM_SCRIPT. Integer replies are compared with `== 1`: in Lua 0 is true, so
 * `if redis.call('EXISTS', k) then` would take every claim for a duplicate.
 */
const CLAIM_FUNCTION = `
local function claim(kTotal, kTaken, kUser, kClaim, kStream, kPaused, kEpoch, round, user, voucher, at, perRound, perBatch, key, ttl, mode)
  if redis.call('EXISTS', kClaim) == 1 then
    return {'DUPLICATE', redis.call('GET', kClaim)}
  end
  if mode == 'replay' then
    return {'NONE'}
  end
  if redis.call('EXISTS', kPaused) == 1 then
    return {'PAUSED'}
  end
  local total = redis.call('GET', kTotal)
  local taken = redis.call('GET', kTaken)
  local epoch = redis.call('GET', kEpoch)
  if not total or not taken or not epoch then
    return {'MISSING'}
  end
  if tonumber(taken) >= tonumber(total) then
    return {'SOLD_OUT'}
  end
  local roundField = 'r:' .. round
  local inBatch = tonumber(redis.call('HGET', kUser, 'b') or '0')
  local inRound = tonumber(redis.call('HGET', kUser, roundField) or '0')
  if inBatch >= tonumber(perBatch) or inRound >= tonumber(perRound) then
    return {'LIMIT_REACHED', tostring(inBatch), tostring(inRound)}
  end
  redis.call('INCR', kTaken)
  inBatch = redis.call('HINCRBY', kUser, 'b', 1)
  inRound = redis.call('HINCRBY', kUser, roundField, 1)
  local record = voucher .. '|' .. at .. '|' .. round
  local id = redis.call('XADD', kStream, '*', 'v', voucher, 'u', user, 'r', round, 'bs', inBatch, 'rs', inRound, 't', at, 'k', key)
  redis.call('SET', kClaim, record, 'PX', ttl)
  return {'CLAIMED', record, tostring(inBatch), tostring(inRound), epoch, id}
end
`

/**
 * The claim, atomically. The claim record (KEYS[4]) is the first answer of a key that claimed: a
 * retry gets DUPLICATE with it — even while the gate is paused, as a replay changes nothing — and
 * with ARGV[9] = 'replay' the script only looks (NONE: the key has not claimed). A missing counter
 * or stream epoch (KEYS[7]) is MISSING, never SOLD_OUT: Redis lost the batch's state, which is
 * rebuilt from PostgreSQL before the claim is answered (issue 16). A claim returns the stream's
 * epoch and the entry's id for the journal.
 */
export const CLAIM_SCRIPT = `${CLAIM_FUNCTION}
return claim(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9])
`

/**
 * A fixed window: INCR, and the expiry started on the first hit (or set again when a key lost it).
 * Returns the count and the milliseconds left.
 */
const WINDOW_FUNCTION = `
local function window(key, ms)
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ms) end
  local left = redis.call('PTTL', key)
  if left < 0 then redis.call('PEXPIRE', key, ms); left = tonumber(ms) end
  return count, left
end
`

/**
 * A new claim in one round trip (issue 20): the claim route's rate limits (per IP, then per
 * resident: KEYS[9], KEYS[10], fixed windows of ARGV[11] ms, counted only when their maximum
 * ARGV[12] / ARGV[13] is above 0), the Idempotency-Key's binding (KEYS[1]: GET, and SET with a lease when there was nothing) and
 * the claim (KEYS[2..8], ARGV[1..8], as CLAIM_SCRIPT). ARGV[9] = 'bind' only binds (the claim was
 * refused in the process: its answer is recorded next). The reply starts with the resident's count
 * in the window and its milliseconds left:
 *   {used, left, 'RATE_LIMITED', 'ip'|'user', ms left}  nothing bound or claimed;
 *   {used, left, 'BOUND', record}   the key was bound before (a retry: replay, in flight or reused);
 *   {used, left, 'NEW'}             bound now (mode 'bind');
 *   {used, left, <CLAIM_SCRIPT's reply>}  bound now, and the claim's outcome.
 * The keys span two hash slots (the resident's and the batch's) and the limits' own: this needs a
 * Redis that is not a cluster (server/README.md, "Capacity plan").
 */
export const BIND_AND_CLAIM_SCRIPT = `${CLAIM_FUNCTION}${WINDOW_FUNCTION}
local used, left = 0, 0
local ms = ARGV[11]
if tonumber(ARGV[13]) > 0 then
  local ipCount, ipLeft = window(KEYS[10], ms)
  if ipCount > tonumber(ARGV[13]) then
    return {0, 0, 'RATE_LIMITED', 'ip', ipLeft}
  end
end
if tonumber(ARGV[12]) > 0 then
  used, left = window(KEYS[9], ms)
  if used > tonumber(ARGV[12]) then
    return {used, left, 'RATE_LIMITED', 'user', left}
  end
end
local previous = redis.call('GET', KEYS[1])
if previous then
  return {used, left, 'BOUND', previous}
end
redis.call('SET', KEYS[1], ARGV[10], 'PX', ARGV[8])
if ARGV[9] == 'bind' then
  return {used, left, 'NEW'}
end
local reply = claim(KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], 'claim')
table.insert(reply, 1, left)
table.insert(reply, 1, used)
return reply
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
