/**
 * Claims on the store alone (PGlite or PostgreSQL). No single hot row: each round's quota is
 * pre-minted as slot rows, and a claim takes any free one with FOR UPDATE SKIP LOCKED, so
 * concurrent claims lock different rows instead of queueing on a counter. Per-resident limits
 * are unique constraints (seq numbers), and the answer is written to the idempotency key in the
 * same statement as the voucher, so a crash can never leave a voucher without its answer.
 */
import { randomUUID } from 'node:crypto'
import { decideClaim, newWalletVoucher } from '../../../src/domain/vouchers/claim'
import { openRound } from '../../../src/domain/vouchers/rounds'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { ApiError } from '../http/errors'
import type { Db } from '../store/db'
import {
  claimedByRound,
  claimSlot,
  finishIdempotent,
  mintSlots,
  releaseIdempotent,
  returnedByRound,
  slotStats,
  startIdempotent,
  userClaimCounts,
  type CountByRound,
} from '../store/vouchers'
import { claimedAnswer, inFlightAnswer, keyReusedAnswer, rejectedAnswer } from './answers'
import type { ClaimEngine, ClaimRequest, ClaimResult } from './engine'
import { roundNeedsStock, roundStocks } from './stock'

export interface StoreEngineOptions {
  /** Slots minted at a time; the rest of a round's quota is minted as free slots run low. */
  mintChunk?: number
  /** How long an in-flight idempotency key blocks its retries if its process dies. */
  leaseMs?: number
  /** Stock rounds that open within this much time. */
  stockHorizonMs?: number
}

const MAX_ATTEMPTS = 12

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

export class StoreClaimEngine implements ClaimEngine {
  readonly kind = 'store' as const
  private readonly mintChunk: number
  private readonly leaseMs: number
  private readonly horizonMs: number
  private readonly minting = new Map<string, Promise<number>>()
  /** Rounds whose stock is minted up to what they may offer now; upkeep forgets them (quota can grow). */
  private readonly fullyMinted = new Set<string>()

  constructor(
    private readonly db: Db,
    options: StoreEngineOptions = {},
  ) {
    this.mintChunk = options.mintChunk ?? 2000
    this.leaseMs = options.leaseMs ?? 30_000
    this.horizonMs = options.stockHorizonMs ?? 30 * 60_000
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}

  claimedByRound(batch: VoucherBatch): Promise<CountByRound> {
    return claimedByRound(this.db, batch.id)
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { userId, key, at } = request
    const idem = { scope: 'claim' as const, userId, key }
    const started = await startIdempotent(this.db, { ...idem, fingerprint: request.fingerprint, now: new Date(at), leaseMs: this.leaseMs })
    if (started.kind === 'replay') return { status: started.status, body: started.body }
    if (started.kind === 'in-flight') return inFlightAnswer()
    if (started.kind === 'mismatch') return keyReusedAnswer()
    try {
      const result = await this.decideAndTake(request)
      // A claimed answer was recorded with the voucher; only rejections are recorded here.
      if (result.status !== 201) await finishIdempotent(this.db, { ...idem, status: result.status, body: result.body })
      return result
    } catch (error) {
      await releaseIdempotent(this.db, idem).catch(() => undefined)
      throw error
    }
  }

  private async decideAndTake(request: ClaimRequest): Promise<ClaimResult> {
    const { batch, userId, key, at } = request
    const targetRound = request.roundId ?? openRound(batch, at)?.round.id
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const counts = await userClaimCounts(this.db, userId, batch.id)
      const claimInput = {
        batch,
        roundId: request.roundId,
        at,
        userClaimsInRound: targetRound ? (counts.byRound[targetRound] ?? 0) : 0,
        userClaimsInBatch: counts.inBatch,
        resident: { countyCode: request.residentCounty !== undefined ? request.residentCounty : counts.residentCounty },
      }
      const decision = decideClaim({ ...claimInput, remainingInRound: Math.max(1, request.remainingHint ?? 1) })
      if (!decision.ok) return rejectedAnswer(decision)
      const voucher = newWalletVoucher({ id: randomUUID(), batch, roundId: decision.round.id, ownerId: userId, claimedAt: at })
      const answer = claimedAnswer(voucher, batch)
      const row = { voucher, batchSeq: counts.inBatch + 1, roundSeq: claimInput.userClaimsInRound + 1, claimKey: key, answerBody: answer.body }
      try {
        if (await claimSlot(this.db, row)) return answer
        if ((await this.mintMore(batch, decision.roundIndex, at)) > 0) continue
        if (await claimSlot(this.db, { ...row, wait: true })) return answer
      } catch (error) {
        // Another claim of this resident got in first with the same seq: count again and decide again.
        if (isUniqueViolation(error)) continue
        throw error
      }
      const soldOut = decideClaim({ ...claimInput, remainingInRound: 0 })
      if (soldOut.ok) throw new Error('decideClaim granted a claim with no stock left')
      return { ...rejectedAnswer(soldOut), soldOutRoundId: decision.round.id }
    }
    throw new ApiError(503, 'CLAIM_BUSY', '领券的人太多了，请稍后再试', 1)
  }

  /** Mints the next chunk of a round's stock, up to what the round may offer now. Single-flight per round. */
  private mintMore(batch: VoucherBatch, roundIndex: number, at: number, chunk = this.mintChunk): Promise<number> {
    const flightKey = `${batch.id}/${batch.rounds[roundIndex].id}`
    if (this.fullyMinted.has(flightKey)) return Promise.resolve(0)
    const running = this.minting.get(flightKey)
    if (running) return running
    const work = (async () => {
      const [claimed, returned, slots] = await Promise.all([claimedByRound(this.db, batch.id), returnedByRound(this.db, batch.id), slotStats(this.db, batch.id)])
      const stock = roundStocks(batch, at, claimed, returned)[roundIndex]
      const minted = slots[stock.roundId]?.maxSlot ?? 0
      const upTo = Math.min(stock.stockable, minted + chunk)
      if (upTo >= stock.stockable) this.fullyMinted.add(flightKey)
      return minted >= stock.stockable ? 0 : mintSlots(this.db, batch.id, stock.roundId, upTo)
    })().finally(() => this.minting.delete(flightKey))
    this.minting.set(flightKey, work)
    return work
  }

  async upkeep(batch: VoucherBatch, at: number): Promise<void> {
    for (const round of batch.rounds) this.fullyMinted.delete(`${batch.id}/${round.id}`)
    const slots = await slotStats(this.db, batch.id)
    for (let index = 0; index < batch.rounds.length; index += 1) {
      if (!roundNeedsStock(batch, index, at, this.horizonMs)) continue
      const free = slots[batch.rounds[index].id]?.free ?? 0
      if (free < this.mintChunk / 2) await this.mintMore(batch, index, at)
    }
  }

  /** Mints every round that can take claims now or soon, completely (benchmarks, tests). */
  async mintAll(batch: VoucherBatch, at: number): Promise<void> {
    for (let index = 0; index < batch.rounds.length; index += 1) {
      if (roundNeedsStock(batch, index, at, this.horizonMs)) await this.mintMore(batch, index, at, Number.MAX_SAFE_INTEGER)
    }
  }
}
