/**
 * The Redis gate's reconciler: proves Redis ≡ PostgreSQL for a batch and rebuilds Redis from the
 * record when they differ (Redis restarted empty or was flushed, a key deleted). One rebuild at a
 * time across processes (the batch's pause key, taken with SET NX); before it counts PostgreSQL it
 * writes every claim not yet there — this process's orphaned 201s (the claim journal), then stale
 * pending and unread stream entries, after the other writers' in-hand entries are acknowledged.
 * How it reports a loss: server/README.md, "Redis durability".
 */
import { randomUUID } from 'node:crypto'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import { MS_PER_DAY } from '../../../src/domain/time'
import type { Db } from '../store/db'
import { claimedByRound, ownerRoundCounts, recentClaimKeys, returnedByRound } from '../store/vouchers'
import type { ClaimJournal } from './claim-journal'
import { UNPAUSE_SCRIPT } from './redis-scripts'
import { GROUP, sleep, type RedisShared } from './redis-shared'
import type { StreamWriter } from './redis-writer'
import { roundStocks } from './stock'

export interface RoundComparison {
  roundId: string
  redisTotal: number | null
  redisTaken: number | null
  pgClaimed: number
}

export interface ReconcileReport {
  batchId: string
  /** Entries found pending or unread and written to PostgreSQL by this run. */
  redriven: number
  /** Whether Redis already agreed with PostgreSQL before any rewrite. */
  agreed: boolean
  rewritten: boolean
  /** Pending entries still held by other consumers (then nothing is rewritten). */
  pendingElsewhere: number
  /** Another process was already rebuilding the batch: this run waited for it and changed nothing. */
  heldElsewhere?: boolean
  rounds: RoundComparison[]
}

export interface VerifyReport {
  ok: boolean
  rounds: RoundComparison[]
  residents: number
  residentMismatches: number
  pending: number
  streamLength: number
}

export interface ReconcilerOptions {
  /** Pending entries idle this long are taken over from their (presumably dead) consumer. */
  staleMs: number
  /** After Redis lost a batch's state, how long the rebuild waits for the other processes' journals. */
  lossGraceMs: number
  log?: { warn(obj: unknown, msg?: string): void }
}

export class Reconciler {
  private readonly staleMs: number
  private readonly lossGraceMs: number

  constructor(
    private readonly shared: RedisShared,
    private readonly db: Db,
    private readonly writer: StreamWriter,
    private readonly journal: ClaimJournal,
    private readonly options: ReconcilerOptions,
  ) {
    this.staleMs = options.staleMs
    this.lossGraceMs = options.lossGraceMs
  }

  /** Until the batch's gate is no longer paused (a rebuild anywhere), at most `limitMs`. */
  async waitUnpaused(batchId: string, limitMs: number): Promise<void> {
    const paused = this.shared.keys(batchId).paused
    const until = performance.now() + limitMs
    while (performance.now() < until && (await this.shared.redis.exists(paused)) === 1) await sleep(25)
  }

  /** Writes everything not yet in PostgreSQL: stale pending entries, then unread ones. */
  private async drain(batch: VoucherBatch, staleMs: number): Promise<number> {
    let redriven = await this.writer.redriveStale(batch, staleMs)
    const reader = `reconciler-${this.shared.consumer}`
    for (let pass = 0; pass < 10_000; pass += 1) {
      const groups = await this.writer.readNew(reader, 2000, null, { batchIds: [batch.id] })
      const count = groups.reduce((sum, group) => sum + group.entries.length, 0)
      for (const group of groups) redriven += await this.writer.writeEntries(group.batch, group.entries)
      if (count === 0) break
    }
    await this.shared.redis.xgroup('DELCONSUMER', this.shared.keys(batch.id).stream, GROUP, reader).catch(() => undefined)
    return redriven
  }

  private async compareRounds(batch: VoucherBatch): Promise<RoundComparison[]> {
    const k = this.shared.keys(batch.id)
    const values = await this.shared.redis.mget(...batch.rounds.flatMap((round) => [k.total(round.id), k.taken(round.id)]))
    const recorded = await claimedByRound(this.db, batch.id)
    return batch.rounds.map((round, index) => ({
      roundId: round.id,
      redisTotal: values[2 * index] === null ? null : Number(values[2 * index]),
      redisTaken: values[2 * index + 1] === null ? null : Number(values[2 * index + 1]),
      pgClaimed: recorded[round.id] ?? 0,
    }))
  }

  /**
   * Pauses the batch's gate (one rebuild at a time across processes), writes every claim not yet in
   * PostgreSQL — this process's orphaned 201s from the journal, then stale pending and unread
   * stream entries, after waiting for the other writers' in-hand entries — compares the counters
   * with the record and, when they differ (or a key is missing), rebuilds the batch's keys from
   * PostgreSQL: taken, totals, each resident's counts and the recent claim records. When the
   * stream's epoch was lost with claims possibly made, it first waits lossGraceMs for the other
   * processes' journals to write their orphans. `suspectLoss` (Redis lost its script cache, so it
   * may be behind its answers) replaces the epoch first, so every journal's unsettled entry counts.
   */
  async reconcile(
    batch: VoucherBatch,
    at: number,
    options: { staleMs?: number; force?: boolean; suspectLoss?: boolean } = {},
  ): Promise<ReconcileReport> {
    this.shared.known.set(batch.id, batch)
    const k = this.shared.keys(batch.id)
    const epochLost =
      (options.suspectLoss || (await this.shared.redis.exists(k.epoch)) === 0) &&
      (this.shared.epochsSeen.has(batch.id) || Object.values(await claimedByRound(this.db, batch.id)).some((n) => n > 0))
    // The stream and its group may be gone with the rest of Redis: create them again if so.
    this.shared.groupsReady.delete(batch.id)
    await this.shared.ensureGroup(batch.id)
    const token = `${this.shared.consumer}:${randomUUID()}`
    if ((await this.shared.redis.set(k.paused, token, 'PX', 60_000, 'NX')) === null) {
      await this.waitUnpaused(batch.id, 10_000)
      return { batchId: batch.id, redriven: 0, agreed: false, rewritten: false, pendingElsewhere: 0, heldElsewhere: true, rounds: [] }
    }
    try {
      // Redis may have come back behind its answers (the tail of its stream gone, the epoch kept):
      // a new epoch makes every process's unsettled journal entries orphans, written by voucher id.
      if (options.suspectLoss) await this.shared.redis.set(k.epoch, randomUUID())
      await this.journal.settle(batch.id)
      if (epochLost && this.lossGraceMs > 0) await sleep(this.lossGraceMs)
      const redriven = await this.drain(batch, options.staleMs ?? this.staleMs)
      // Other writers finish the entries in hand (the gate is paused, so no new ones come).
      let pending = (await this.shared.redis.xpending(k.stream, GROUP)) as [number, ...unknown[]]
      for (let waited = 0; pending[0] > 0 && waited < 3000; waited += 50) {
        await sleep(50)
        pending = (await this.shared.redis.xpending(k.stream, GROUP)) as [number, ...unknown[]]
      }
      const before = await this.compareRounds(batch)
      const agreed = before.every((round) => round.redisTaken === round.pgClaimed && round.redisTotal !== null)
      if (pending[0] > 0) return { batchId: batch.id, redriven, agreed, rewritten: false, pendingElsewhere: pending[0], rounds: before }
      if (agreed && !options.force) return { batchId: batch.id, redriven, agreed, rewritten: false, pendingElsewhere: 0, rounds: before }
      await this.rebuild(batch, at)
      const report = { batchId: batch.id, redriven, agreed, rewritten: true, pendingElsewhere: 0, rounds: await this.compareRounds(batch) }
      // The operator's trace of a loss: what Redis said against the record before the rebuild.
      if (!agreed)
        this.options.log?.warn({ ...report, before, epochLost }, 'voucher gate rebuilt from PostgreSQL (Redis disagreed or lost state)')
      return report
    } finally {
      await this.shared.runScript(UNPAUSE_SCRIPT, [k.paused], [token])
    }
  }

  private async rebuild(batch: VoucherBatch, at: number): Promise<void> {
    const k = this.shared.keys(batch.id)
    const claimed = await claimedByRound(this.db, batch.id)
    const stocks = roundStocks(batch, at, claimed, await returnedByRound(this.db, batch.id))
    for (const stock of stocks)
      await this.shared.redis.mset(k.taken(stock.roundId), String(stock.claimed), k.total(stock.roundId), String(stock.stockable))
    await this.shared.deleteMatching(k.userPattern)
    const counts = await ownerRoundCounts(this.db, batch.id)
    for (let start = 0; start < counts.length; start += 1000) {
      const pipeline = this.shared.redis.pipeline()
      for (const row of counts.slice(start, start + 1000)) {
        pipeline.hincrby(k.user(row.owner_id), 'b', row.n)
        pipeline.hset(k.user(row.owner_id), `r:${row.round_id}`, row.n)
      }
      await pipeline.exec()
    }
    const recent = await recentClaimKeys(this.db, batch.id, new Date(at - MS_PER_DAY))
    for (let start = 0; start < recent.length; start += 1000) {
      const pipeline = this.shared.redis.pipeline()
      for (const row of recent.slice(start, start + 1000)) {
        const ttl = Math.max(1000, row.claimed_at.getTime() + MS_PER_DAY - at)
        pipeline.set(k.claim(row.owner_id, row.claim_key), `${row.id}|${row.claimed_at.getTime()}|${row.round_id}`, 'PX', ttl)
      }
      await pipeline.exec()
    }
  }

  /**
   * Read-only proof that Redis and PostgreSQL agree for a batch: per round reserved = recorded,
   * per resident the gate's counts = the wallet's, nothing pending or unread. Meaningful when
   * the batch is quiet (after a rush, or after reconcile).
   */
  async verify(batch: VoucherBatch): Promise<VerifyReport> {
    const k = this.shared.keys(batch.id)
    const rounds = await this.compareRounds(batch)
    const counts = await ownerRoundCounts(this.db, batch.id)
    const expected = new Map<string, Record<string, number>>()
    for (const row of counts) {
      const entry = expected.get(row.owner_id) ?? { b: 0 }
      entry.b += row.n
      entry[`r:${row.round_id}`] = row.n
      expected.set(row.owner_id, entry)
    }
    let mismatches = 0
    const owners = [...expected.keys()]
    for (let start = 0; start < owners.length; start += 1000) {
      const slice = owners.slice(start, start + 1000)
      const pipeline = this.shared.redis.pipeline()
      for (const owner of slice) pipeline.hgetall(k.user(owner))
      const results = (await pipeline.exec()) ?? []
      slice.forEach((owner, index) => {
        const actual = (results[index]?.[1] ?? {}) as Record<string, string>
        const wanted = expected.get(owner)!
        const same =
          Object.keys(wanted).length === Object.keys(actual).length &&
          Object.entries(wanted).every(([field, n]) => Number(actual[field]) === n)
        if (!same) mismatches += 1
      })
    }
    let userKeys = 0
    let cursor = '0'
    do {
      const [next, found] = await this.shared.redis.scan(cursor, 'MATCH', k.userPattern, 'COUNT', 1000)
      userKeys += found.length
      cursor = next
    } while (cursor !== '0')
    mismatches += Math.max(0, userKeys - owners.length)
    const pending = (await this.shared.redis.xpending(k.stream, GROUP).catch(() => [0])) as [number]
    const streamLength = await this.shared.redis.xlen(k.stream)
    const roundsAgree = rounds.every((round) => (round.redisTaken === null ? round.pgClaimed === 0 : round.redisTaken === round.pgClaimed))
    return {
      ok: roundsAgree && mismatches === 0 && pending[0] === 0 && streamLength === 0,
      rounds,
      residents: owners.length,
      residentMismatches: mismatches,
      pending: pending[0],
      streamLength,
    }
  }

  /** Removes every key under the gate's prefix (tests and benchmarks). */
  async purgeAll(): Promise<number> {
    return this.shared.deleteMatching(`${this.shared.prefix}*`)
  }
}
