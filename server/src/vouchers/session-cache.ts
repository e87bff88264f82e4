/**
 * The claim route's sign-in check with a short memory: during a 10:00 rush every resident taps
 * several times a second, and reading the session and user rows for each tap would put the
 * store back on the hot path. A resolved session is trusted for `ttlMs` (default 5 s, never past
 * its expiry), so a logout or a role change reaches this one route at most that much later;
 * every other route reads the session each time (auth/guard.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { bearerTokenHash, liveCaller, type Caller } from '../auth/guard'
import { findSessionsByTokenHashes } from '../store/accounts'
import type { Db } from '../store/db'
import { Batcher } from './batcher'

interface Entry {
  caller: Caller
  residentCounty: string | null
  until: number
}

type Found = Caller & { residentCounty: string | null }

declare module 'fastify' {
  interface FastifyRequest {
    residentCounty: string | null | undefined
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
    const hash = bearerTokenHash(request.headers.authorization)
    const at = this.now().getTime()
    const cached = this.entries.get(hash)
    if (cached && cached.until > at) {
      request.caller = cached.caller
      request.residentCounty = cached.residentCounty
      return
    }
    const { residentCounty, ...caller } = liveCaller(await this.lookups.load(hash), at, this.demo)
    request.caller = caller
    request.residentCounty = residentCounty
    if (this.ttlMs === 0) return
    if (cached) this.entries.delete(hash)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(hash, { caller, residentCounty, until: Math.min(at + this.ttlMs, caller.session.expiresAt.getTime()) })
  }

  /** Drops a user's cached sessions in this process (after their county changed here). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.caller.user.id === userId) this.entries.delete(key)
  }
}
