/**
 * Whether one voucher can take money off one bill at one merchant — the part of a redemption the
 * app can know too, so 用哪张最划算 and the cashier's scan agree. Checked in the order a person
 * would want to hear it: a used or expired voucher first, then the wrong shop, then the amount.
 *
 * Saving: 满 X 减 Y takes Y off a bill of at least X; a voucher never pays more than the bill
 * (only possible for 无门槛 vouchers, X = 0), and a bill of 0 has nothing to take off.
 */
import { assertFen, type Fen } from '../money'
import { countyName } from '../events/places'
import { countyNames, MERCHANT_CATEGORY_NAME } from './places'
import { VoucherError } from './errors'
import { formatYuan } from '../money'
import type { Merchant, VoucherBatch, WalletVoucher } from './schema'
import { voucherTimeState } from './validity'

export type VoucherRejection =
  | { ok: false; code: 'ALREADY_USED'; message: string }
  | { ok: false; code: 'EXPIRED'; message: string }
  | { ok: false; code: 'NOT_YET_VALID'; message: string }
  | { ok: false; code: 'WRONG_MERCHANT'; message: string }
  | { ok: false; code: 'WRONG_CATEGORY'; message: string }
  | { ok: false; code: 'WRONG_COUNTY'; message: string }
  | { ok: false; code: 'BELOW_THRESHOLD'; message: string; thresholdFen: Fen; shortfallFen: Fen }

export type VoucherRejectionCode = VoucherRejection['code']

/** The smallest bill the voucher applies to: its threshold, and at least 1 fen. */
export function minimumBillFen(batch: VoucherBatch): Fen {
  return Math.max(batch.thresholdFen, 1)
}

export function savingFor(batch: VoucherBatch, billFen: Fen): Fen {
  return billFen >= minimumBillFen(batch) ? Math.min(batch.faceValueFen, billFen) : 0
}

/** '满20减5', or '无门槛减5'. */
export function describeVoucherRule(batch: Pick<VoucherBatch, 'faceValueFen' | 'thresholdFen'>): string {
  const face = formatYuan(batch.faceValueFen).replace('¥', '')
  return batch.thresholdFen > 0 ? `满${formatYuan(batch.thresholdFen).replace('¥', '')}减${face}` : `无门槛减${face}`
}

export function checkMerchant(batch: VoucherBatch, merchant: Merchant): VoucherRejection | null {
  const rule = batch.merchants
  if (rule.kind === 'merchants' && !rule.merchantIds.includes(merchant.id)) {
    return { ok: false, code: 'WRONG_MERCHANT', message: `${merchant.name} 不在本券的适用商户名单中` }
  }
  if (rule.kind === 'categories' && !rule.categories.includes(merchant.category)) {
    const allowed = rule.categories.map((code) => MERCHANT_CATEGORY_NAME[code]).join('、')
    return {
      ok: false,
      code: 'WRONG_CATEGORY',
      message: `本券限${allowed}类商户使用，${merchant.name} 属于${MERCHANT_CATEGORY_NAME[merchant.category]}`,
    }
  }
  if (!batch.counties.includes(merchant.county)) {
    return {
      ok: false,
      code: 'WRONG_COUNTY',
      message: `本券限${countyNames(batch.counties)}商户使用，${merchant.name} 位于${countyName(merchant.county)}`,
    }
  }
  return null
}

export function checkThreshold(batch: VoucherBatch, billFen: Fen): VoucherRejection | null {
  const minimum = minimumBillFen(batch)
  if (billFen >= minimum) return null
  const shortfallFen = minimum - billFen
  return {
    ok: false,
    code: 'BELOW_THRESHOLD',
    message: batch.thresholdFen > 0 ? `${describeVoucherRule(batch)}，还差 ${formatYuan(shortfallFen)}` : '消费金额为 0，无需用券',
    thresholdFen: batch.thresholdFen,
    shortfallFen,
  }
}

export function assertSameBatch(voucher: WalletVoucher, batch: VoucherBatch): void {
  if (voucher.batchId !== batch.id) {
    throw new VoucherError('BATCH_MISMATCH', `券 ${voucher.id} 属于批次 ${voucher.batchId}，不是 ${batch.id}`, 'batch')
  }
}

export function checkVoucherState(voucher: WalletVoucher, at: number): VoucherRejection | null {
  if (voucher.status === 'used') return { ok: false, code: 'ALREADY_USED', message: '这张券已经用过了' }
  const time = voucherTimeState(voucher, at)
  if (voucher.status === 'expired' || time === 'expired') {
    return { ok: false, code: 'EXPIRED', message: '这张券已过期' }
  }
  if (time === 'not-yet-valid') return { ok: false, code: 'NOT_YET_VALID', message: '这张券还没到可使用的时间' }
  return null
}

export interface VoucherApplies {
  ok: true
  savingFen: Fen
  payFen: Fen
}

/**
 * Everything about one voucher on one bill that does not need the server's counters. With
 * `merchant` null (the resident has not picked a shop) the shop checks are skipped.
 */
export function checkVoucherApplies(input: {
  voucher: WalletVoucher
  batch: VoucherBatch
  merchant: Merchant | null
  billFen: Fen
  at: number
}): VoucherApplies | VoucherRejection {
  const { voucher, batch, merchant, at } = input
  assertSameBatch(voucher, batch)
  const billFen = assertFen(input.billFen, 'billFen')
  const rejection = checkVoucherState(voucher, at) ?? (merchant ? checkMerchant(batch, merchant) : null) ?? checkThreshold(batch, billFen)
  if (rejection) return rejection
  const savingFen = savingFor(batch, billFen)
  return { ok: true, savingFen, payFen: billFen - savingFen }
}
