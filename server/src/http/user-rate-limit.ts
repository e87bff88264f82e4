/**
 * Per-user limit, applied after authentication. @fastify/rate-limit runs once per request, and its
 * global per-IP limit has already run by then, so the per-user count is kept here: a fixed window
 * per user in this process's memory (with several processes behind a balancer, each counts its
 * own share; the Redis gate of issue 6 is where a shared count would live).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from './errors'

export function createUserRateLimit(options: { max: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now
  const windows = new Map<string, { count: number; resetAt: number }>()
  let nextSweep = now() + options.windowMs

  return async function userRateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const userId = request.caller?.user.id
    if (!userId) return
    const at = now()
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
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - at) / 1000))
    void reply.header('x-user-ratelimit-limit', String(options.max)).header('x-user-ratelimit-remaining', String(Math.max(0, options.max - window.count)))
    if (window.count > options.max) throw new ApiError(429, 'RATE_LIMITED', `操作太频繁，请 ${retryAfter} 秒后再试`, retryAfter)
  }
}
