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
}

export interface ClaimResult extends Answer {
  /** Set when the answer proves the round has no stock left: the in-process gate then says SOLD_OUT. */
  soldOutRoundId?: string
}

export interface ClaimEngine {
  readonly kind: 'store' | 'redis'
  start(): Promise<void>
  claim(request: ClaimRequest): Promise<ClaimResult>
  /** Vouchers claimed per round as the engine counts them now (the gate's live numbers). */
  claimedByRound(batch: VoucherBatch): Promise<CountByRound>
  /** Keeps stock ready: mints slots or raises the gate's totals as rounds open and quota returns. */
  upkeep(batch: VoucherBatch, at: number): Promise<void>
  close(): Promise<void>
}
