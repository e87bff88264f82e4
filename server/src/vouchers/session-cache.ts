/**
 * The claim route's sign-in check with a short memory: during a 10:00 rush every resident taps
 * several times a second, and reading the session and user rows for each tap would put the
 * store back on the hot path. A resolved session is trusted for `ttlMs` (default 5 s, never past
 * its expiry), so a logout or a role change reaches this one route at most that much later;
 * every other route reads the session each time (auth/guard.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { authError, type Caller } from '../auth/guard'
import { bearerToken, hashToken, isWellFormedToken } from '../auth/tokens'
import type { Db } from '../store/db'
import { findSessionsByTokenHashes, type SessionLookupRow } from '../store/vouchers'
import { Batcher } from './batcher'

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

function toCaller(row: SessionLookupRow): Caller {
  return {
    user: {
      id: row.user_id,
      role: row.role,
      merchantId: row.merchant_id,
      nickname: row.nickname,
      devName: row.dev_name,
      createdAt: row.user_created_at,
    },
    session: {
      id: row.session_id,
      userId: row.user_id,
      login: row.login,
      createdAt: row.session_created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      userAgent: row.user_agent,
    },
  }
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>()
  /** Misses of one moment are read together (the same checks as auth/guard.ts resolveCaller). */
  private readonly lookups: Batcher<string, SessionLookupRow | null>

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly ttlMs: number,
    private readonly maxEntries = 200_000,
  ) {
    this.lookups = new Batcher(
      async (hashes) => {
        const rows = new Map((await findSessionsByTokenHashes(this.db, hashes)).map((row) => [row.token_hash, row]))
        return hashes.map((hash) => rows.get(hash) ?? null)
      },
      { maxBatch: 500, maxInFlight: db.engine === 'pglite' ? 1 : 4 },
    )
  }

  readonly require = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization)
    if (token === null) throw authError('AUTH_REQUIRED')
    if (!isWellFormedToken(token)) throw authError('AUTH_INVALID')
    const hash = hashToken(token)
    const at = this.now().getTime()
    const cached = this.entries.get(hash)
    if (cached && cached.until > at) {
      request.caller = cached.caller
      request.residentCounty = cached.residentCounty
      return
    }
    const row = await this.lookups.load(hash)
    if (!row) throw authError('AUTH_INVALID')
    if (row.revoked_at) throw authError('AUTH_REVOKED')
    if (row.expires_at.getTime() <= at) throw authError('AUTH_EXPIRED')
    const caller = toCaller(row)
    request.caller = caller
    request.residentCounty = row.resident_county
    if (this.ttlMs === 0) return
    if (cached) this.entries.delete(hash)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(hash, { caller, residentCounty: row.resident_county, until: Math.min(at + this.ttlMs, row.expires_at.getTime()) })
  }

  /** Drops a user's cached sessions in this process (after their county changed here). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.caller.user.id === userId) this.entries.delete(key)
  }
}
