/**
 * When a voucher can be spent. Two shapes, both batch data (Hangzhou's packs were valid
 * about 9 days; Quzhou's are unpublished):
 * - fixed: from the start of Shanghai day `from` to the end of Shanghai day `to`;
 * - days-after-claim: claimed on Shanghai day D → from the claim instant to the end of Shanghai
 *   day D + days, and never past the end of `notAfter` when the batch sets one.
 * Both ends are inclusive to the millisecond, so "valid until 23:59:59.999" needs no rounding.
 */
import { MS_PER_DAY, type DateString } from '../time'
import { assertInstant } from './errors'
import { endOfShanghaiDayMs, parseIsoInstant, shanghaiDayStartMs, startOfShanghaiDayMs, toIsoShanghaiMs } from './instants'
import type { VoucherBatch, WalletVoucher } from './schema'

export interface VoucherValidity {
  validFrom: string
  validTo: string
  validFromMs: number
  validToMs: number
  /** The last Shanghai day it can be used, for '有效期至 5月10日'. */
  lastDay: DateString
}

export function voucherValidity(batch: VoucherBatch, claimedAt: number): VoucherValidity {
  assertInstant(claimedAt, 'claimedAt')
  const rule = batch.validity
  let validFromMs: number
  let lastDay: DateString
  if (rule.kind === 'fixed') {
    validFromMs = startOfShanghaiDayMs(rule.from)
    lastDay = rule.to
  } else {
    validFromMs = claimedAt
    // Shanghai days are all 24 h long (fixed +08:00), so D + days is plain arithmetic; this runs
    // on every claim, where dayjs's parse-add-format cost ~8% of the server's CPU.
    const lastDayStartMs = shanghaiDayStartMs(claimedAt) + rule.days * MS_PER_DAY
    const validToMs = lastDayStartMs + MS_PER_DAY - 1
    const validTo = toIsoShanghaiMs(validToMs)
    lastDay = validTo.slice(0, 10)
    if (rule.notAfter === null || rule.notAfter >= lastDay) {
      return { validFrom: toIsoShanghaiMs(validFromMs), validTo, validFromMs, validToMs, lastDay }
    }
    lastDay = rule.notAfter
  }
  const validToMs = endOfShanghaiDayMs(lastDay)
  return { validFrom: toIsoShanghaiMs(validFromMs), validTo: toIsoShanghaiMs(validToMs), validFromMs, validToMs, lastDay }
}

export type VoucherTimeState = 'not-yet-valid' | 'valid' | 'expired'

export function voucherTimeState(voucher: Pick<WalletVoucher, 'validFrom' | 'validTo'>, at: number): VoucherTimeState {
  assertInstant(at)
  if (at < parseIsoInstant(voucher.validFrom, 'validFrom')) return 'not-yet-valid'
  if (at > parseIsoInstant(voucher.validTo, 'validTo')) return 'expired'
  return 'valid'
}

/** The four wallet filters of issue 6: 可使用, 已使用, 已过期, 退款已退回. */
export type WalletStatus = 'usable' | 'used' | 'expired' | 'returned-after-refund'

export const WALLET_STATUS_LABEL: Record<WalletStatus, string> = {
  usable: '可使用',
  used: '已使用',
  expired: '已过期',
  'returned-after-refund': '退款已退回',
}

/**
 * What the wallet shows at `at`. A stored 'usable' past its validTo is expired even before the
 * expiry job has run; a voucher given back by a full refund stays marked until it is used again
 * or expires. (A fixed-validity voucher before its first day is still 'usable': it is in the
 * wallet and will be spendable; voucherTimeState says 'not-yet-valid'.)
 */
export function walletStatus(voucher: WalletVoucher, at: number): WalletStatus {
  if (voucher.status === 'used') return 'used'
  if (voucher.status === 'expired' || voucherTimeState(voucher, at) === 'expired') return 'expired'
  return voucher.restoredAfterRefundAt !== null ? 'returned-after-refund' : 'usable'
}

/**
 * The expiry job's predicate: move to 'expired' exactly the usable vouchers whose last valid
 * millisecond has passed — in SQL `status = 'usable' AND valid_to < $at`, run as one UPDATE so a
 * voucher expires once.
 */
export function shouldExpire(voucher: WalletVoucher, at: number): boolean {
  return voucher.status === 'usable' && voucherTimeState(voucher, at) === 'expired'
}
