/**
 * The pause switch and early closure as the claim gate sees them: an in-process copy of
 * voucher_round_controls and voucher_batch_closures, read again every CONTROL_REFRESH_MS (so every
 * server process honours an operator's pause within a second, on PGlite, PostgreSQL and Redis
 * alike), and set at once in the process that took the operator's request. The gate asks it with
 * two map look-ups and no I/O, so a claim pays nothing for it.
 */
import { shanghaiDayBounds } from '../../../src/domain/time'
import { BATCH_CLOSED_MESSAGE, ROUND_PAUSED_CODE, ROUND_PAUSED_MESSAGE, type BatchControls } from '../../../src/domain/vouchers/controls'
import { openRound } from '../../../src/domain/vouchers/rounds'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import type { Queryable } from '../store/db'
import { errorAnswer, type Answer } from './answers'

export const CONTROL_REFRESH_MS = 400

export class RoundControls {
  private paused = new Map<string, Set<string>>()
  private closed = new Map<string, number>()

  async refresh(q: Queryable): Promise<void> {
    const rows = await q.query<{ batch_id: string; round_id: string | null; closed_at: Date | null }>(
      `select batch_id, round_id, null::timestamptz as closed_at from voucher_round_controls where paused
       union all select batch_id, null, closed_at from voucher_batch_closures`,
    )
    const paused = new Map<string, Set<string>>()
    const closed = new Map<string, number>()
    for (const row of rows) {
      if (row.closed_at) closed.set(row.batch_id, row.closed_at.getTime())
      else if (row.round_id !== null) {
        const set = paused.get(row.batch_id) ?? new Set<string>()
        set.add(row.round_id)
        paused.set(row.batch_id, set)
      }
    }
    this.paused = paused
    this.closed = closed
  }

  setPaused(batchId: string, roundId: string, paused: boolean): void {
    const set = this.paused.get(batchId) ?? new Set<string>()
    if (paused) set.add(roundId)
    else set.delete(roundId)
    this.paused.set(batchId, set)
  }

  setClosed(batchId: string, atMs: number): void {
    this.closed.set(batchId, atMs)
  }

  of(batchId: string): BatchControls {
    return { pausedRounds: this.paused.get(batchId) ?? new Set(), closedAtMs: this.closed.get(batchId) ?? null }
  }

  /** The refusal for a claim on `batch` (the named round, else the one open at `at`), or null. */
  refusal(batch: VoucherBatch, roundId: string | undefined, at: number): Answer | null {
    if (this.closed.size > 0 && this.closed.has(batch.id)) return errorAnswer(409, 'CLOSED', BATCH_CLOSED_MESSAGE)
    const paused = this.paused.get(batch.id)
    if (!paused || paused.size === 0) return null
    const target = roundId ?? openRound(batch, at)?.round.id
    return target !== undefined && paused.has(target) ? errorAnswer(409, ROUND_PAUSED_CODE, ROUND_PAUSED_MESSAGE) : null
  }
}

/**
 * Refusals of today (Shanghai) by code, counted in this process for the console's 今日 page: the
 * gate answers most of a rush's refusals from memory and writes nothing, so the store cannot count
 * them. A refusal costs one map update.
 */
export class RefusalCounter {
  private counts = new Map<string, number>()
  private dayEndsAt = -Infinity

  count(code: string, at: number): void {
    if (at >= this.dayEndsAt) {
      this.counts = new Map()
      this.dayEndsAt = shanghaiDayBounds(at).endMs
    }
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1)
  }

  /** Counts the code of an error answer's body (`{"error":{"code":"…"`). */
  countAnswer(body: string, at: number): void {
    const match = /^\{"error":\{"code":"([A-Z_]+)"/.exec(body)
    if (match) this.count(match[1], at)
  }

  today(at: number): { code: string; count: number }[] {
    if (at >= this.dayEndsAt) return []
    return [...this.counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count)
  }
}
