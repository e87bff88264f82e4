/**
 * The claim route's sign-in check, without a store read when it can (issue 20). A resident's
 * signed token (auth/signed-session.ts) says who they are, their county and when the session
 * ends; it is believed as long as the store noted no change for that session or user since it
 * began (auth/auth-changes.ts), so a revocation reaches this route within about a second. Any
 * other token — opaque, a staff member's, one whose user changed — is read from the store, and a
 * resolved session is then trusted for `ttlMs` (default 5 s, never past its expiry): during a
 * 10:00 rush every resident taps several times a second, and reading the session and user rows
 * for each tap would put the store back on the hot path. Every other route reads the session each
 * time (auth/guard.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AuthChanges } from '../auth/auth-changes'
import { authError, bearerTokenHash, liveCaller, type Caller } from '../auth/guard'
import type { SessionSigner } from '../auth/signed-session'
import { bearerToken } from '../auth/tokens'
import type { Role } from '../store/accounts'
import { findSessionsByTokenHashes } from '../store/accounts'
import type { Db } from '../store/db'
import { Batcher } from './batcher'

/** Who claims: what the claim route needs of the caller, from a signed token or the store. */
export interface Claimant {
  userId: string
  role: Role
  merchantId: string | null
  residentCounty: string | null
}

interface Entry {
  claimant: Claimant
  until: number
}

type Found = Caller & { residentCounty: string | null }

declare module 'fastify' {
  interface FastifyRequest {
    claimant: Claimant | null
  }
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>()
  /** Misses of one moment are read together, and checked by liveCaller as on every other route. */
  private readonly lookups: Batcher<string, Found | null>

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly ttlMs: number,
    private readonly maxEntries = 200_000,
    /** Demo mode: development sign-in sessions are accepted (liveCaller). */
    private readonly demo = false,
    /** Signed tokens, and the store's notes that say when not to believe one; null → every token is read. */
    private readonly signed: { signer: SessionSigner; changes: AuthChanges } | null = null,
  ) {
    this.lookups = new Batcher(
      async (hashes) => {
        const found = new Map(
          (await findSessionsByTokenHashes(this.db, hashes)).map(({ tokenHash, ...rest }): [string, Found] => [tokenHash, rest]),
        )
        return hashes.map((hash) => found.get(hash) ?? null)
      },
      { maxBatch: 500, maxInFlight: db.engine === 'pglite' ? 1 : 4 },
    )
  }

  readonly require = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const at = this.now().getTime()
    if (this.signed) {
      const token = bearerToken(request.headers.authorization)
      const facts = token ? this.signed.signer.verify(token) : null
      if (facts && this.signed.changes.trusts(facts)) {
        // As liveCaller: a development sign-in only in demo mode; an ended session is AUTH_EXPIRED.
        if (facts.dev && !this.demo) throw authError('AUTH_INVALID')
        if (facts.expiresAtMs <= at) throw authError('AUTH_EXPIRED')
        request.claimant = { userId: facts.userId, role: 'resident', merchantId: null, residentCounty: facts.residentCounty }
        return
      }
    }
    const hash = bearerTokenHash(request.headers.authorization)
    const cached = this.entries.get(hash)
    if (cached && cached.until > at) {
      request.claimant = cached.claimant
      return
    }
    const { residentCounty, ...caller } = liveCaller(await this.lookups.load(hash), at, this.demo)
    const claimant: Claimant = { userId: caller.user.id, role: caller.user.role, merchantId: caller.user.merchantId, residentCounty }
    request.claimant = claimant
    if (this.ttlMs === 0) return
    if (cached) this.entries.delete(hash)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(hash, { claimant, until: Math.min(at + this.ttlMs, caller.session.expiresAt.getTime()) })
  }

  /** Drops a user's cached sessions in this process, and believes none of their signed tokens (their county changed here). */
  forgetUser(userId: string): void {
    this.signed?.changes.noteUser(userId)
    for (const [key, entry] of this.entries) if (entry.claimant.userId === userId) this.entries.delete(key)
  }
}
