/**
 * The two claim engines behind one interface. Both take the same decisions from the domain
 * (decideClaim) and keep the same invariants: never more vouchers in a round than its quota,
 * never more per resident than the batch's limits, one voucher per Idempotency-Key and resident,
 * and a retry with the same key gets the first answer.
 *   StoreClaimEngine  — PGlite or PostgreSQL alone (pre-minted stock rows, SKIP LOCKED);
 *   RedisClaimEngine  — a Redis gate (one Lua script) with PostgreSQL as the record.
 */
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import type { CountByRound } from '../store/vouchers'
import type { Answer } from './answers'

export interface ClaimRequest {
  batch: VoucherBatch
  /** As the resident sent it; undefined → the round open now (decideClaim's choice). */
  roundId?: string
  userId: string
  /** From the cached session when known; undefined → the engine reads it. */
  residentCounty?: string | null
  key: string
  fingerprint: string
  /** Server clock, epoch ms. */
  at: number
  /** Cached remaining quota of the round the request is for, null when not known. */
  remainingHint: number | null
  /**
   * The claim route's rate limits, for an engine that counts them itself (the Redis gate counts
   * them in the claim's own script: issue 20, one round trip). Absent → not counted here.
   */
  limits?: ClaimLimits
}

export interface ClaimLimits {
  /** The caller's address (the per-IP window's key). */
  ip: string
  ipMax: number
  userMax: number
  windowMs: number
}

/** How many of the resident's taps the window has counted, and its maximum (x-user-ratelimit-* headers). */
export interface LimitUsage {
  used: number
  max: number
}

export interface ClaimResult extends Answer {
  /** Set when the answer proves the round has no stock left: the in-process gate then says SOLD_OUT. */
  soldOutRoundId?: string
  /** The resident's window, when the engine counted the limits (ClaimRequest.limits). */
  usage?: LimitUsage
}

export interface ClaimEngine {
  readonly kind: 'store' | 'redis'
  start(): Promise<void>
  claim(request: ClaimRequest): Promise<ClaimResult>
  /** Whether this engine counts ClaimRequest.limits itself (else the route counts them). */
  readonly countsLimits: boolean
  /**
   * The first answer of a key that was used before (by any process), or null when it has none (new,
   * or bound and not answered): the in-process gate asks before it answers a refusal from memory,
   * so a retry gets the first answer (a 201 in the wallet is never contradicted by SOLD_OUT). Only
   * looks: never claims (the gate may refuse for a reason the engine does not know).
   */
  answered(request: ClaimRequest): Promise<ClaimResult | null>
  /** Vouchers claimed per round as the engine counts them now (the gate's live numbers). */
  claimedByRound(batch: VoucherBatch): Promise<CountByRound>
  /** Keeps stock ready: mints slots or raises the gate's totals as rounds open and quota returns. */
  upkeep(batch: VoucherBatch, at: number): Promise<void>
  close(): Promise<void>
}
