/**
 * Claims on the store alone (PGlite or PostgreSQL). No single hot row: each round's quota is
 * pre-minted as slot rows, and a claim takes any free one with FOR UPDATE SKIP LOCKED, so
 * concurrent claims lock different rows instead of queueing on a counter. Per-resident limits
 * are unique constraints (seq numbers), and the answer is recorded on the idempotency key in the
 * same statement as the voucher, so a crash can never leave a voucher without its answer.
 *
 * Claims that arrive together are one group (batcher.ts), two statements for all of them: one
 * reads their keys' records and the residents' counts, one writes the granted vouchers with their
 * slots and answers (and one more records refusals, when there are any). A key is written once,
 * with its answer; "still running" is this process's memory (CLAIM_IN_FLIGHT), and a request with
 * the same key in another process at the same moment fails on the key's primary key and is
 * answered with the first answer.
 */
import { randomUUID } from 'node:crypto'
import { decideClaim, newWalletVoucher } from '../../../src/domain/vouchers/claim'
import { openRound } from '../../../src/domain/vouchers/rounds'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { ApiError } from '../http/errors'
import type { Db } from '../store/db'
import {
  claimedByRound,
  claimSlots,
  claimState,
  dropStaleClaimKey,
  mintSlots,
  recordClaimAnswers,
  returnedByRound,
  slotStats,
  usedClaimKeys,
  type ClaimAnswerRecord,
  type ClaimKeyRecord,
  type CountByRound,
  type NewVoucherRow,
  type UserClaimCounts,
} from '../store/vouchers'
import { claimedAnswer, inFlightAnswer, keyReusedAnswer, rejectedAnswer } from './answers'
import { Batcher } from './batcher'
import type { ClaimEngine, ClaimRequest, ClaimResult } from './engine'
import { roundNeedsStock, roundStocks } from './stock'

export interface StoreEngineOptions {
  /** Slots minted at a time; the rest of a round's quota is minted as free slots run low. */
  mintChunk?: number
  /** Stock rounds that open within this much time. */
  stockHorizonMs?: number
}

const MAX_ATTEMPTS = 12

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

type GrantedRow = NewVoucherRow & { fingerprint: string; answerBody: string }

export class StoreClaimEngine implements ClaimEngine {
  readonly kind = 'store' as const
  readonly countsLimits = false
  private readonly mintChunk: number
  private readonly horizonMs: number
  private readonly minting = new Map<string, Promise<number>>()
  /** Rounds whose stock is minted up to what they may offer now; upkeep forgets them (quota can grow). */
  private readonly fullyMinted = new Set<string>()
  /** user + key of the claims this process is working on: a retry meanwhile hears CLAIM_IN_FLIGHT. */
  private readonly running = new Set<string>()
  private readonly takes: Batcher<ClaimRequest, ClaimResult>
  /** Keys the gate asks about (answered()), looked up together. */
  private readonly usedKeys: Batcher<ClaimRequest, ClaimKeyRecord | null>

  constructor(
    private readonly db: Db,
    options: StoreEngineOptions = {},
  ) {
    this.mintChunk = options.mintChunk ?? 2000
    this.horizonMs = options.stockHorizonMs ?? 30 * 60_000
    // PGlite runs one statement at a time. PostgreSQL: two groups at once keep both cores busy
    // (one group's statements in flight while the next is decided); more made smaller groups and
    // cost more CPU per claim.
    this.takes = new Batcher((requests) => this.takeGroup(requests), { maxBatch: 500, maxInFlight: db.engine === 'pglite' ? 1 : 2 })
    this.usedKeys = new Batcher(
      async (requests) => {
        const used = await usedClaimKeys(this.db, requests)
        return requests.map((request) => used.get(`${request.userId}\n${request.key}`) ?? null)
      },
      { maxBatch: 500, maxInFlight: db.engine === 'pglite' ? 1 : 2 },
    )
  }

  /**
   * A key's recorded answer (its 201 or refusal; 422 for a key bound to another request), or null:
   * a key not used, or still in flight, hears the gate's refusal. Never a new claim: the gate
   * refuses for reasons the engine does not know (an operator's pause).
   */
  async answered(request: ClaimRequest): Promise<ClaimResult | null> {
    const recorded = await this.usedKeys.load(request)
    if (!recorded) return null
    if (recorded.fingerprint !== request.fingerprint) return keyReusedAnswer()
    return recorded.state === 'done' ? { status: recorded.status!, body: recorded.body! } : null
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}

  claimedByRound(batch: VoucherBatch): Promise<CountByRound> {
    return claimedByRound(this.db, batch.id)
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const id = `${request.userId}\n${request.key}`
    if (this.running.has(id)) return inFlightAnswer()
    this.running.add(id)
    try {
      return await this.takes.load(request)
    } finally {
      this.running.delete(id)
    }
  }

  /** The answer a recorded key gives this request; null for a key left in flight by a process that died (lease over). */
  private recordedAnswer(recorded: ClaimKeyRecord, request: ClaimRequest): ClaimResult | null {
    if (recorded.fingerprint !== request.fingerprint) return keyReusedAnswer()
    if (recorded.state === 'done') return { status: recorded.status!, body: recorded.body! }
    if (recorded.leasedUntil && recorded.leasedUntil.getTime() > request.at) return inFlightAnswer()
    return null
  }

  private decide(request: ClaimRequest, mine: UserClaimCounts, remainingInRound?: number) {
    const targetRound = request.roundId ?? openRound(request.batch, request.at)?.round.id
    const inRound = targetRound ? (mine.byRound[targetRound] ?? 0) : 0
    const decision = decideClaim({
      batch: request.batch,
      roundId: request.roundId,
      at: request.at,
      userClaimsInRound: inRound,
      userClaimsInBatch: mine.inBatch,
      resident: { countyCode: request.residentCounty !== undefined ? request.residentCounty : mine.residentCounty },
      remainingInRound: remainingInRound ?? Math.max(1, request.remainingHint ?? 1),
    })
    return { decision, inRound }
  }

  private grant(request: ClaimRequest, roundId: string, mine: UserClaimCounts, inRound: number): { row: GrantedRow; answer: ClaimResult } {
    const voucher = newWalletVoucher({ id: randomUUID(), batch: request.batch, roundId, ownerId: request.userId, claimedAt: request.at })
    const answer = claimedAnswer(voucher, request.batch)
    const row = {
      voucher,
      batchSeq: mine.inBatch + 1,
      roundSeq: inRound + 1,
      claimKey: request.key,
      fingerprint: request.fingerprint,
      answerBody: answer.body,
    }
    return { row, answer }
  }

  private soldOut(request: ClaimRequest, roundId: string): ClaimResult {
    const soldOut = decideClaim({
      batch: request.batch,
      roundId: request.roundId,
      at: request.at,
      userClaimsInRound: 0,
      userClaimsInBatch: 0,
      resident: { countyCode: null },
      remainingInRound: 0,
    })
    if (soldOut.ok) throw new Error('decideClaim granted a claim with no stock left')
    return { ...rejectedAnswer(soldOut), soldOutRoundId: roundId }
  }

  private refusal(request: ClaimRequest, answer: ClaimResult): ClaimAnswerRecord {
    return { userId: request.userId, key: request.key, fingerprint: request.fingerprint, status: answer.status, body: answer.body }
  }

  /**
   * A group of claims: their keys and the residents' counts in one read, decideClaim for each in
   * arrival order (a resident twice in the group is counted as such), the granted ones written by
   * one statement per round, the refusals' answers by another. What finds no free slot, races
   * another process or finds a key left in flight goes on one by one (decideAndTake).
   */
  private async takeGroup(requests: ClaimRequest[]): Promise<ClaimResult[]> {
    const results: (ClaimResult | undefined)[] = new Array(requests.length)
    const alone: number[] = []
    const batchIds = [...new Set(requests.map((request) => request.batch.id))]
    for (const batchId of batchIds) {
      const indexes = requests.map((request, index) => (request.batch.id === batchId ? index : -1)).filter((index) => index >= 0)
      const batch = requests[indexes[0]].batch
      const state = await claimState(
        this.db,
        batchId,
        indexes.map((index) => ({ userId: requests[index].userId, key: requests[index].key })),
      )
      const refused: { index: number; record: ClaimAnswerRecord }[] = []
      const granted = new Map<string, { index: number; row: GrantedRow; answer: ClaimResult }[]>()
      for (const index of indexes) {
        const request = requests[index]
        const recorded = state.keys.get(`${request.userId}\n${request.key}`)
        if (recorded) {
          const answer = this.recordedAnswer(recorded, request)
          if (answer) results[index] = answer
          else alone.push(index)
          continue
        }
        const mine = state.counts.get(request.userId) ?? { byRound: {}, inBatch: 0, residentCounty: null }
        state.counts.set(request.userId, mine)
        const { decision, inRound } = this.decide(request, mine)
        if (!decision.ok) {
          results[index] = rejectedAnswer(decision)
          refused.push({ index, record: this.refusal(request, results[index]!) })
          continue
        }
        const { row, answer } = this.grant(request, decision.round.id, mine, inRound)
        mine.inBatch += 1
        mine.byRound[decision.round.id] = inRound + 1
        const group = granted.get(decision.round.id)
        if (group) group.push({ index, row, answer })
        else granted.set(decision.round.id, [{ index, row, answer }])
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
            // A resident or a key racing from another process: decide those again one by one.
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
          results[item.index] = this.soldOut(requests[item.index], roundId)
          refused.push({ index: item.index, record: this.refusal(requests[item.index], results[item.index]!) })
        }
      }
      // A key answered meanwhile by another process keeps its answer: those are read again alone.
      const recorded = await recordClaimAnswers(
        this.db,
        refused.map((item) => item.record),
      )
      for (const item of refused) if (!recorded.has(`${item.record.userId}\n${item.record.key}`)) alone.push(item.index)
    }
    for (const index of alone) results[index] = await this.decideAndTake(requests[index])
    return results as ClaimResult[]
  }

  /** One claim alone: its key's record first (answered meanwhile, left in flight), then decide, take and record. */
  private async decideAndTake(request: ClaimRequest): Promise<ClaimResult> {
    const { batch, userId, key, at } = request
    const record = async (answer: ClaimResult) =>
      (await recordClaimAnswers(this.db, [this.refusal(request, answer)])).size === 1 ? answer : null
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const state = await claimState(this.db, batch.id, [{ userId, key }])
      const recorded = state.keys.get(`${userId}\n${key}`)
      if (recorded) {
        const answer = this.recordedAnswer(recorded, request)
        if (answer) return answer
        await dropStaleClaimKey(this.db, userId, key, new Date(at))
        continue
      }
      const mine = state.counts.get(userId) ?? { byRound: {}, inBatch: 0, residentCounty: null }
      const { decision, inRound } = this.decide(request, mine)
      if (!decision.ok) {
        const answer = await record(rejectedAnswer(decision))
        if (answer) return answer
        continue
      }
      const { row, answer } = this.grant(request, decision.round.id, mine, inRound)
      try {
        if ((await claimSlots(this.db, batch.id, decision.round.id, [row])).size === 1) return answer
        if ((await this.mintMore(batch, decision.roundIndex, at)) > 0) continue
        if ((await claimSlots(this.db, batch.id, decision.round.id, [row], { wait: true })).size === 1) return answer
      } catch (error) {
        // Another claim of this resident got in first with the same seq, or this key was answered: look again.
        if (isUniqueViolation(error)) continue
        throw error
      }
      const soldOut = await record(this.soldOut(request, decision.round.id))
      if (soldOut) return { ...soldOut, soldOutRoundId: decision.round.id }
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
