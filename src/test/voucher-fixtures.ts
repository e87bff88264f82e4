/**
 * Batches and wallet vouchers for the app's component tests, placed relative to the moment the
 * test runs (rounds opening in an hour, open since an hour ago…), as the API would send them.
 */
import { walletBatchSummary } from '../domain/contract/vouchers'
import { makeBatch } from '../domain/vouchers/test-fixtures'
import { toIsoShanghaiMs } from '../domain/time/shanghai'
import type { VoucherBatch } from '../domain/vouchers/schema'
import type { WalletStatus } from '../domain/vouchers/validity'
import type { BatchView, WalletVoucherView } from '../services/api/vouchers'

const HOUR = 3600_000

export const fromNow = (ms: number): string => toIsoShanghaiMs(Date.now() + ms)

export function batchView(
  id: string,
  rounds: { id: string; opensInMs: number; closesInMs: number; quota?: number }[],
  remainingByRound: Record<string, number> = {},
  overrides: Partial<VoucherBatch> = {},
): BatchView {
  const batch = makeBatch({
    id,
    title: `测试券 ${id}`,
    rounds: rounds.map((round) => ({ id: round.id, opensAt: fromNow(round.opensInMs), closesAt: fromNow(round.closesInMs), quota: round.quota ?? 100 })),
    validity: { kind: 'days-after-claim', days: 9, notAfter: null },
    budgetFen: 10_000_000,
    ...overrides,
  })
  return asBatchView(batch, remainingByRound)
}

export function walletVoucherView(
  id: string,
  batch: VoucherBatch,
  displayStatus: WalletStatus,
  overrides: Partial<WalletVoucherView> = {},
): WalletVoucherView {
  const used = displayStatus === 'used'
  return {
    id,
    batchId: batch.id,
    roundId: batch.rounds[0].id,
    ownerId: 'u-resident',
    status: displayStatus === 'returned-after-refund' ? 'usable' : displayStatus,
    claimedAt: fromNow(-2 * HOUR),
    validFrom: fromNow(-2 * HOUR),
    validTo: displayStatus === 'expired' ? fromNow(-HOUR) : fromNow(48 * HOUR),
    usedAt: used ? fromNow(-HOUR) : null,
    redemptionId: used ? `r-${id}` : null,
    restoredAfterRefundAt: displayStatus === 'returned-after-refund' ? fromNow(-HOUR / 2) : null,
    displayStatus,
    batch: walletBatchSummary(batch),
    ...overrides,
  }
}

export { HOUR }

/** POST /batches/:id/claims's answer for a claim in the batch's first round (the contract's shape). */
export function claimedAnswer(id: string, batch: VoucherBatch, overrides: Partial<WalletVoucherView> = {}) {
  return { outcome: 'CLAIMED' as const, voucher: walletVoucherView(id, batch, 'usable', overrides) }
}

/** A batch as GET /batches answers it (the contract's BatchView): when imported, and live counts. */
export function asBatchView(batch: VoucherBatch, remainingByRound: Record<string, number> = {}): BatchView {
  return { ...batch, updatedAt: fromNow(-HOUR), live: { serverTime: fromNow(0), remainingByRound, claimedByRound: {} } }
}
