/**
 * Per-user limit, applied after authentication. @fastify/rate-limit runs once per request, and its
 * global per-IP limit has already run by then, so the per-user count is kept here: a fixed window
 * per user. With Redis (REDIS_URL) the window is one key shared by every process behind the
 * balancer, so a resident cannot multiply the limit by the number of processes; without it, or
 * while Redis does not answer, each process counts in its own memory.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { ApiError } from './errors'

/** INCR the window and start its expiry on the first hit: [count, ms left]. */
const WINDOW_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`

type WindowRedis = Redis & { qhtUserWindow(key: string, windowMs: number): Promise<[number, number]> }

function windowRedis(redis: Redis): WindowRedis {
  const shared = redis as WindowRedis
  if (typeof shared.qhtUserWindow !== 'function') redis.defineCommand('qhtUserWindow', { numberOfKeys: 1, lua: WINDOW_SCRIPT })
  return shared
}

/**
 * The 429 of a rate limit with `msLeft` of its window to go: 'ip' for an address's requests,
 * 'user' for a signed-in resident's.
 */
export function rateLimited(kind: 'ip' | 'user', msLeft: number): ApiError {
  const retryAfter = Math.max(1, Math.ceil(msLeft / 1000))
  return new ApiError(429, 'RATE_LIMITED', `${kind === 'ip' ? '请求' : '操作'}太频繁，请 ${retryAfter} 秒后再试`, retryAfter)
}

export interface UserRateLimitOptions {
  max: number
  windowMs: number
  now?: () => number
  /** Shared counts; null or absent → this process's memory. */
  redis?: Redis | null
  /** Key prefix of this limit in Redis (one per limit: the same user has several). */
  name?: string
}

export function createUserRateLimit(options: UserRateLimitOptions) {
  const now = options.now ?? Date.now
  const windows = new Map<string, { count: number; resetAt: number }>()
  let nextSweep = now() + options.windowMs
  const redis = options.redis ? windowRedis(options.redis) : null
  const name = `${options.name ?? 'user:'}${options.max}/${options.windowMs}:`

  function countInMemory(userId: string, at: number): { count: number; msLeft: number } {
    if (at >= nextSweep) {
      for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key)
      nextSweep = at + options.windowMs
    }
    let window = windows.get(userId)
    if (!window || window.resetAt <= at) {
      window = { count: 0, resetAt: at + options.windowMs }
      windows.set(userId, window)
    }
    window.count += 1
    return { count: window.count, msLeft: window.resetAt - at }
  }

  async function count(userId: string, at: number): Promise<{ count: number; msLeft: number }> {
    if (!redis || redis.status !== 'ready') return countInMemory(userId, at)
    try {
      const [shared, msLeft] = await redis.qhtUserWindow(`${name}${userId}`, options.windowMs)
      return { count: Number(shared), msLeft: Number(msLeft) }
    } catch {
      return countInMemory(userId, at)
    }
  }

  return async function userRateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // The claim route's sign-in check leaves a claimant, every other route a caller.
    const userId = request.caller?.user.id ?? request.claimant?.userId
    if (!userId) return
    const { count: used, msLeft } = await count(userId, now())
    void reply.header('x-user-ratelimit-limit', String(options.max)).header('x-user-ratelimit-remaining', String(Math.max(0, options.max - used)))
    if (used > options.max) throw rateLimited('user', msLeft)
  }
}
