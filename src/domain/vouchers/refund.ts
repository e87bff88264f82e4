/**
 * A refund of an order a voucher was redeemed on. The common national rule is batch
 * data: with refund 'restore-on-full-refund-within-validity', a full refund while the voucher is
 * still inside its validity gives it back — usable again, same validTo, marked 退款已退回; a
 * partial refund, a refund after validTo, or a batch that never restores leaves it used. Each
 * redemption is refunded at most once; a second request is ALREADY_REFUNDED and changes nothing.
 * When a voucher is restored its discount goes back to the batch budget.
 */
import type { Fen } from '../money'
import { assertInstant, VoucherError } from './errors'
import { parseIsoInstant, toIsoShanghaiMs } from './instants'
import type { Redemption, VoucherBatch, WalletVoucher } from './schema'

export type RefundCode = 'RESTORED' | 'KEPT_USED_PARTIAL' | 'KEPT_USED_EXPIRED' | 'KEPT_USED_NO_RETURN' | 'ALREADY_REFUNDED'

export interface RefundDecision {
  code: RefundCode
  /** True only for RESTORED. */
  restored: boolean
  message: string
  /** The voucher after the refund (unchanged unless restored). */
  voucher: WalletVoucher
  /** The redemption with its refund recorded (unchanged for ALREADY_REFUNDED). */
  redemption: Redemption
  /** Discount handed back to the batch budget. */
  budgetReleasedFen: Fen
}

export interface RefundInput {
  batch: VoucherBatch
  redemption: Redemption
  voucher: WalletVoucher
  /** Whether the whole order amount is refunded. */
  full: boolean
  /** Server clock, epoch ms. */
  at: number
}

export function decideRefund(input: RefundInput): RefundDecision {
  const { batch, redemption, voucher, full, at } = input
  assertInstant(at)
  if (redemption.voucherId !== voucher.id || redemption.batchId !== batch.id || voucher.batchId !== batch.id) {
    throw new VoucherError('REDEMPTION_MISMATCH', `核销 ${redemption.id} 与券 ${voucher.id} 或批次 ${batch.id} 不对应`, 'redemption')
  }
  if (redemption.refund !== null) {
    return {
      code: 'ALREADY_REFUNDED',
      restored: false,
      message: '这笔核销已经退过款了，不会重复处理',
      voucher,
      redemption,
      budgetReleasedFen: 0,
    }
  }
  if (voucher.status !== 'used' || voucher.redemptionId !== redemption.id) {
    throw new VoucherError('REDEMPTION_MISMATCH', `券 ${voucher.id} 当前不是由核销 ${redemption.id} 使用的`, 'voucher')
  }
  if (at < parseIsoInstant(redemption.redeemedAt, 'redeemedAt')) {
    throw new VoucherError('INSTANT_INVALID', '退款时间不能早于核销时间', 'at')
  }
  const refundedAt = toIsoShanghaiMs(at)
  const keptUsed = (code: RefundCode, message: string): RefundDecision => ({
    code,
    restored: false,
    message,
    voucher,
    redemption: { ...redemption, refund: { at: refundedAt, full, restored: false } },
    budgetReleasedFen: 0,
  })
  if (!full) return keptUsed('KEPT_USED_PARTIAL', '部分退款，消费券不退回')
  if (batch.refund === 'never-restore') return keptUsed('KEPT_USED_NO_RETURN', '本批次消费券退款后不退回')
  if (at > parseIsoInstant(voucher.validTo, 'validTo')) return keptUsed('KEPT_USED_EXPIRED', '消费券已过有效期，退款后不退回')
  return {
    code: 'RESTORED',
    restored: true,
    message: '全额退款，消费券已退回券包，有效期不变',
    voucher: { ...voucher, status: 'usable', usedAt: null, redemptionId: null, restoredAfterRefundAt: refundedAt },
    redemption: { ...redemption, refund: { at: refundedAt, full, restored: true } },
    budgetReleasedFen: redemption.discountFen,
  }
}
