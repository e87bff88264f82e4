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
  claimSlots,
  finishIdempotent,
  finishIdempotentMany,
  mintSlots,
  releaseIdempotent,
  returnedByRound,
  slotStats,
  startIdempotentMany,
  userClaimCounts,
  userClaimCountsMany,
  type CountByRound,
  type IdempotencyStart,
  type NewVoucherRow,
} from '../store/vouchers'
import { claimedAnswer, inFlightAnswer, keyReusedAnswer, rejectedAnswer } from './answers'
import { Batcher } from './batcher'
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

  private readonly starts: Batcher<{ userId: string; key: string; fingerprint: string; at: number }, IdempotencyStart>
  private readonly takes: Batcher<ClaimRequest, ClaimResult>

  constructor(
    private readonly db: Db,
    options: StoreEngineOptions = {},
  ) {
    this.mintChunk = options.mintChunk ?? 2000
    this.leaseMs = options.leaseMs ?? 30_000
    this.horizonMs = options.stockHorizonMs ?? 30 * 60_000
    // PGlite runs one statement at a time; PostgreSQL spreads groups over the pool's connections.
    const maxInFlight = db.engine === 'pglite' ? 1 : 4
    this.starts = new Batcher(
      (items) => startIdempotentMany(this.db, { scope: 'claim', now: new Date(items[0].at), leaseMs: this.leaseMs, items }),
      { maxBatch: 500, maxInFlight },
    )
    this.takes = new Batcher((requests) => this.takeGroup(requests), { maxBatch: 500, maxInFlight })
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}

  claimedByRound(batch: VoucherBatch): Promise<CountByRound> {
    return claimedByRound(this.db, batch.id)
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { userId, key, at } = request
    const started = await this.starts.load({ userId, key, fingerprint: request.fingerprint, at })
    if (started.kind === 'replay') return { status: started.status, body: started.body }
    if (started.kind === 'in-flight') return inFlightAnswer()
    if (started.kind === 'mismatch') return keyReusedAnswer()
    try {
      return await this.takes.load(request)
    } catch (error) {
      await releaseIdempotent(this.db, { scope: 'claim', userId, key }).catch(() => undefined)
      throw error
    }
  }

  /**
   * A group of claims that passed their idempotency check: the residents' counts in one read,
   * decideClaim for each in arrival order (a resident twice in the group is counted as such),
   * the granted ones written by one statement per round, the rejections' answers by another.
   * What finds no free slot goes on one by one (minting, waiting for locked rows, or SOLD_OUT).
   */
  private async takeGroup(requests: ClaimRequest[]): Promise<ClaimResult[]> {
    const results: (ClaimResult | undefined)[] = new Array(requests.length)
    const alone: number[] = []
    const batchIds = [...new Set(requests.map((request) => request.batch.id))]
    for (const batchId of batchIds) {
      const indexes = requests.map((request, index) => (request.batch.id === batchId ? index : -1)).filter((index) => index >= 0)
      const batch = requests[indexes[0]].batch
      const counts = await userClaimCountsMany(
        this.db,
        batchId,
        indexes.map((index) => requests[index].userId),
      )
      const rejected: { userId: string; key: string; status: number; body: string }[] = []
      const granted = new Map<string, { index: number; row: NewVoucherRow & { answerBody: string }; answer: ClaimResult }[]>()
      for (const index of indexes) {
        const request = requests[index]
        const mine = counts.get(request.userId) ?? { byRound: {}, inBatch: 0, residentCounty: null }
        counts.set(request.userId, mine)
        const targetRound = request.roundId ?? openRound(batch, request.at)?.round.id
        const inRound = targetRound ? (mine.byRound[targetRound] ?? 0) : 0
        const decision = decideClaim({
          batch,
          roundId: request.roundId,
          at: request.at,
          userClaimsInRound: inRound,
          userClaimsInBatch: mine.inBatch,
          resident: { countyCode: request.residentCounty !== undefined ? request.residentCounty : mine.residentCounty },
          remainingInRound: Math.max(1, request.remainingHint ?? 1),
        })
        if (!decision.ok) {
          results[index] = rejectedAnswer(decision)
          rejected.push({ userId: request.userId, key: request.key, ...results[index]! })
          continue
        }
        const voucher = newWalletVoucher({
          id: randomUUID(),
          batch,
          roundId: decision.round.id,
          ownerId: request.userId,
          claimedAt: request.at,
        })
        const answer = claimedAnswer(voucher, batch)
        const row = { voucher, batchSeq: mine.inBatch + 1, roundSeq: inRound + 1, claimKey: request.key, answerBody: answer.body }
        mine.inBatch += 1
        mine.byRound[decision.round.id] = inRound + 1
        granted.set(decision.round.id, [...(granted.get(decision.round.id) ?? []), { index, row, answer }])
      }
      for (const [roundId, group] of granted) {
        let pending = group
        for (const wait of [false, true]) {
          let written: Set<string>
          try {
            written = await claimSlots(
              this.db,
              batchId,
              roundId,
              pending.map((item) => item.row),
              { wait },
            )
          } catch (error) {
            // A resident racing from another process: decide those again one by one.
            if (!isUniqueViolation(error)) throw error
            alone.push(...pending.map((item) => item.index))
            pending = []
            break
          }
          for (const item of pending) if (written.has(item.row.voucher.id)) results[item.index] = item.answer
          pending = pending.filter((item) => !written.has(item.row.voucher.id))
          if (pending.length === 0) break
          // Short of free slots: mint more if the round may offer more, else look once more, waiting for locked rows.
          if (
            !wait &&
            (await this.mintMore(
              batch,
              batch.rounds.findIndex((round) => round.id === roundId),
              requests[pending[0].index].at,
            )) > 0
          ) {
            alone.push(...pending.map((item) => item.index))
            pending = []
            break
          }
        }
        for (const item of pending) {
          const request = requests[item.index]
          const soldOut = decideClaim({
            batch,
            roundId: request.roundId,
            at: request.at,
            userClaimsInRound: 0,
            userClaimsInBatch: 0,
            resident: { countyCode: null },
            remainingInRound: 0,
          })
          if (soldOut.ok) throw new Error('decideClaim granted a claim with no stock left')
          results[item.index] = { ...rejectedAnswer(soldOut), soldOutRoundId: roundId }
          rejected.push({ userId: request.userId, key: request.key, ...rejectedAnswer(soldOut) })
        }
      }
      await finishIdempotentMany(this.db, 'claim', rejected)
    }
    for (const index of alone) {
      const result = await this.decideAndTake(requests[index])
      if (result.status !== 201)
        await finishIdempotent(this.db, {
          scope: 'claim',
          userId: requests[index].userId,
          key: requests[index].key,
          status: result.status,
          body: result.body,
        })
      results[index] = result
    }
    return results as ClaimResult[]
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
      const row = {
        voucher,
        batchSeq: counts.inBatch + 1,
        roundSeq: claimInput.userClaimsInRound + 1,
        claimKey: key,
        answerBody: answer.body,
      }
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
      const [claimed, returned, slots] = await Promise.all([
        claimedByRound(this.db, batch.id),
        returnedByRound(this.db, batch.id),
        slotStats(this.db, batch.id),
      ])
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
