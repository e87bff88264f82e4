/**
 * How much stock each round has, from the domain's quota rule (quotaForRound) and the engine's
 * counts. One server-side policy on top: quota carried over from round k−1 is only stocked once
 * round k−1 has closed, because until then its leftover is not known — stocking it earlier could
 * only over-promise. Expired quota handed back (roundForReturnedQuota) is stocked at once.
 */
import { quotaForRound } from '../../../src/domain/vouchers/rounds'
import { parseIsoInstant } from '../../../src/domain/time/shanghai'
import type { VoucherBatch } from '../../../src/domain/vouchers/schema'
import type { CountByRound } from '../store/vouchers'

export interface RoundStock {
  roundId: string
  index: number
  /** quotaForRound(...).total: the round's quota with what the batch returns to it. */
  total: number
  /** What may be stocked now (total, less a carry-over not yet final). */
  stockable: number
  claimed: number
  remaining: number
}

export function roundStocks(batch: VoucherBatch, at: number, claimed: CountByRound, returned: CountByRound): RoundStock[] {
  const claimedList = batch.rounds.map((round) => claimed[round.id] ?? 0)
  const returnedList = batch.rounds.map((round) => returned[round.id] ?? 0)
  return batch.rounds.map((round, index) => {
    const quota = quotaForRound(batch, index, claimedList, returnedList)
    const previousClosed = index === 0 || at >= parseIsoInstant(batch.rounds[index - 1].closesAt)
    const stockable = previousClosed ? quota.total : quota.base + quota.returnedExpired
    return {
      roundId: round.id,
      index,
      total: quota.total,
      stockable,
      claimed: claimedList[index],
      remaining: Math.max(0, quota.total - claimedList[index]),
    }
  })
}

/** Whether a round can still take claims soon enough to be worth stocking now. */
export function roundNeedsStock(batch: VoucherBatch, index: number, at: number, horizonMs: number): boolean {
  const round = batch.rounds[index]
  return at < parseIsoInstant(round.closesAt) && parseIsoInstant(round.opensAt) - at <= horizonMs
}
