/**
 * What one resident has already claimed of each batch, counted from their wallet, and whether the
 * batch's per-person limits (batch data, clause 十五: limits.perRound, limits.perBatch) still let
 * them claim. Every voucher they claimed counts, whatever became of it since (used, expired,
 * refunded): the server counts claims the same way (decideClaim's userClaimsInBatch/InRound).
 */
import type { VoucherBatch, WalletVoucher } from './schema'

export interface ClaimCounts {
  inBatch: number
  byRound: Record<string, number>
}

export type ClaimCountsByBatch = Record<string, ClaimCounts>

export function claimCountsByBatch(vouchers: readonly Pick<WalletVoucher, 'batchId' | 'roundId'>[]): ClaimCountsByBatch {
  const counts: ClaimCountsByBatch = {}
  for (const voucher of vouchers) addClaim(counts, voucher)
  return counts
}

/** The counts with one more claim (a claim just answered CLAIMED), as a new object. */
export function withClaim(counts: ClaimCountsByBatch, voucher: Pick<WalletVoucher, 'batchId' | 'roundId'>): ClaimCountsByBatch {
  const next = { ...counts, [voucher.batchId]: { ...(counts[voucher.batchId] ?? { inBatch: 0, byRound: {} }) } }
  next[voucher.batchId].byRound = { ...next[voucher.batchId].byRound }
  addClaim(next, voucher)
  return next
}

function addClaim(counts: ClaimCountsByBatch, { batchId, roundId }: Pick<WalletVoucher, 'batchId' | 'roundId'>): void {
  const entry = (counts[batchId] ??= { inBatch: 0, byRound: {} })
  entry.inBatch += 1
  entry.byRound[roundId] = (entry.byRound[roundId] ?? 0) + 1
}

export interface ClaimAllowance {
  /** Vouchers of this batch the resident holds (all rounds). */
  claimed: number
  /** Which per-person limit is used up, or null when they may claim (in `roundId`). */
  limitReached: 'batch' | 'round' | null
}

/** Whether the resident may still claim from `batch` in round `roundId` (null: no round open). */
export function claimAllowance(
  batch: Pick<VoucherBatch, 'limits'>,
  roundId: string | null,
  counts: ClaimCounts | undefined,
): ClaimAllowance {
  const claimed = counts?.inBatch ?? 0
  if (claimed >= batch.limits.perBatch) return { claimed, limitReached: 'batch' }
  const inRound = roundId === null ? 0 : (counts?.byRound[roundId] ?? 0)
  return { claimed, limitReached: inRound >= batch.limits.perRound ? 'round' : null }
}
