/**
 * The claim route's sign-in check with a short memory: during a 10:00 rush every resident taps
 * several times a second, and reading the session and user rows for each tap would put the
 * store back on the hot path. A resolved session is trusted for `ttlMs` (default 5 s, never past
 * its expiry), so a logout or a role change reaches this one route at most that much later;
 * every other route reads the session each time (auth/guard.ts).
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { resolveCaller, type Caller } from '../auth/guard'
import type { Db } from '../store/db'
import { getResidentCounty } from '../store/vouchers'

interface Entry {
  caller: Caller
  residentCounty: string | null
  until: number
}

declare module 'fastify' {
  interface FastifyRequest {
    residentCounty: string | null | undefined
  }
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly ttlMs: number,
    private readonly maxEntries = 200_000,
  ) {}

  readonly require = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization
    const at = this.now().getTime()
    const cacheKey = header ? createHash('sha256').update(header).digest('base64url') : null
    const cached = cacheKey ? this.entries.get(cacheKey) : undefined
    if (cached && cached.until > at) {
      request.caller = cached.caller
      request.residentCounty = cached.residentCounty
      return
    }
    const caller = await resolveCaller(this.db, header, this.now())
    const residentCounty = await getResidentCounty(this.db, caller.user.id)
    request.caller = caller
    request.residentCounty = residentCounty
    if (!cacheKey || this.ttlMs === 0) return
    if (cached) this.entries.delete(cacheKey)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(cacheKey, { caller, residentCounty, until: Math.min(at + this.ttlMs, caller.session.expiresAt.getTime()) })
  }

  /** Drops a user's cached sessions in this process (after their county changed here). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.caller.user.id === userId) this.entries.delete(key)
  }
}
