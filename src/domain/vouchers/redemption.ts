/**
 * A cashier redeeming a resident's voucher (核销). The server calls checkRedemption with its own
 * counters inside the transaction that writes the redemption, so every rule below holds exactly
 * once. Checks, in order:
 *   NOT_OWNER (the signed code names someone else) → NOT_MERCHANT_STAFF (the account scanning
 *   is not this shop's) → ALREADY_USED / EXPIRED / NOT_YET_VALID → WRONG_MERCHANT /
 *   WRONG_CATEGORY / WRONG_COUNTY → BELOW_THRESHOLD → ONE_PER_TRANSACTION → DAILY_CAP →
 *   BUDGET_EXHAUSTED.
 * "One voucher per transaction" and the rest are batch data (common national rules).
 */
import { assertFen, type Fen } from '../money'
import { shanghaiDateOf, type DateString } from '../time'
import { assertSameBatch, checkMerchant, checkThreshold, checkVoucherState, savingFor, type VoucherRejection } from './applicability'
import { assertCount, assertInstant, VoucherError } from './errors'
import { formatYuan, toIsoShanghaiMs } from './instants'
import type { Merchant, Redemption, VoucherBatch, WalletVoucher } from './schema'

export interface MerchantRedemptionsToday {
  /** Redemptions of this batch at this merchant on the Shanghai day of `at` (redemptionDay). */
  count: number
  /** Sum of their discounts. */
  discountFen: Fen
}

export interface OrderVouchers {
  /** Vouchers already taken off this order (same orderId at this merchant). */
  count: number
  /** Whether any of them came from a one-voucher-per-transaction batch. */
  exclusive: boolean
}

export interface RedemptionInput {
  voucher: WalletVoucher
  batch: VoucherBatch
  merchant: Merchant
  orderAmountFen: Fen
  /** Server clock, epoch ms. */
  at: number
  merchantRedemptionsToday: MerchantRedemptionsToday
  /** The owner named in the verified redemption token. */
  ownerId: string
  /** The merchant id of the signed-in merchant account that scanned the code. */
  scannedBy: string
  /** Omitted → nothing on this order yet. */
  alreadyOnOrder?: OrderVouchers
  /** Discount this batch has paid out so far, net of vouchers restored by refunds. */
  batchRedeemedFen: Fen
}

export type RedemptionRejection =
  | VoucherRejection
  | { ok: false; code: 'NOT_OWNER'; message: string }
  | { ok: false; code: 'NOT_MERCHANT_STAFF'; message: string }
  | { ok: false; code: 'ONE_PER_TRANSACTION'; message: string }
  | { ok: false; code: 'DAILY_CAP'; message: string; cap: 'count' | 'amount' }
  | { ok: false; code: 'BUDGET_EXHAUSTED'; message: string }

export interface RedemptionAccepted {
  ok: true
  code: 'OK'
  message: string
  discountFen: Fen
  /** What the resident still pays. */
  payFen: Fen
  /** The Shanghai day the daily cap counts this redemption under. */
  day: DateString
}

export type RedemptionCode = RedemptionAccepted['code'] | RedemptionRejection['code']

/** The Shanghai calendar day a redemption at `at` counts towards for the daily cap. */
export function redemptionDay(at: number): DateString {
  return shanghaiDateOf(assertInstant(at))
}

export function checkRedemption(input: RedemptionInput): RedemptionAccepted | RedemptionRejection {
  const { voucher, batch, merchant, at } = input
  assertSameBatch(voucher, batch)
  assertInstant(at)
  const orderAmountFen = assertFen(input.orderAmountFen, 'orderAmountFen')
  const todayCount = assertCount(input.merchantRedemptionsToday.count, 'merchantRedemptionsToday.count')
  const todayFen = assertFen(input.merchantRedemptionsToday.discountFen, 'merchantRedemptionsToday.discountFen')
  const batchRedeemedFen = assertFen(input.batchRedeemedFen, 'batchRedeemedFen')
  const onOrder = input.alreadyOnOrder ?? { count: 0, exclusive: false }
  assertCount(onOrder.count, 'alreadyOnOrder.count')

  if (input.ownerId !== voucher.ownerId) {
    return { ok: false, code: 'NOT_OWNER', message: '券码与券的持有人不符，请让顾客刷新券码后重新出示' }
  }
  if (input.scannedBy !== merchant.id) {
    return { ok: false, code: 'NOT_MERCHANT_STAFF', message: '当前账号不属于该商户，不能核销' }
  }
  const rejection = checkVoucherState(voucher, at) ?? checkMerchant(batch, merchant) ?? checkThreshold(batch, orderAmountFen)
  if (rejection) return rejection

  if (onOrder.count > 0 && (batch.oneVoucherPerTransaction || onOrder.exclusive)) {
    return { ok: false, code: 'ONE_PER_TRANSACTION', message: '每笔订单只能使用一张消费券' }
  }
  const discountFen = savingFor(batch, orderAmountFen)
  const cap = batch.merchantDailyCap
  if (cap.count !== null && todayCount + 1 > cap.count) {
    return {
      ok: false,
      code: 'DAILY_CAP',
      cap: 'count',
      message: `本店今日已核销 ${todayCount} 张，达到每日 ${cap.count} 张上限，请明天再用`,
    }
  }
  if (cap.amountFen !== null && todayFen + discountFen > cap.amountFen) {
    return {
      ok: false,
      code: 'DAILY_CAP',
      cap: 'amount',
      message: `本店今日核销金额将超过每日 ${formatYuan(cap.amountFen)} 上限，请明天再用`,
    }
  }
  if (batchRedeemedFen + discountFen > batch.budgetFen) {
    return { ok: false, code: 'BUDGET_EXHAUSTED', message: '本批次消费券资金已用完，暂不能核销' }
  }
  return {
    ok: true,
    code: 'OK',
    message: `核销成功，优惠 ${formatYuan(discountFen)}，顾客实付 ${formatYuan(orderAmountFen - discountFen)}`,
    discountFen,
    payFen: orderAmountFen - discountFen,
    day: redemptionDay(at),
  }
}

/**
 * The state change after an accepted redemption: the voucher becomes used, pointing at the new
 * redemption row. Throws when the voucher is not usable — the store's conditional UPDATE should
 * have made that impossible.
 */
export function applyRedemption(input: {
  redemptionId: string
  orderId: string
  voucher: WalletVoucher
  merchant: Merchant
  orderAmountFen: Fen
  discountFen: Fen
  at: number
}): { voucher: WalletVoucher; redemption: Redemption } {
  const { voucher, at } = input
  if (voucher.status !== 'usable') {
    throw new VoucherError('VOUCHER_NOT_USABLE', `券 ${voucher.id} 当前状态为 ${voucher.status}，不能核销`, 'voucher')
  }
  const redeemedAt = toIsoShanghaiMs(assertInstant(at))
  return {
    voucher: { ...voucher, status: 'used', usedAt: redeemedAt, redemptionId: input.redemptionId },
    redemption: {
      id: input.redemptionId,
      voucherId: voucher.id,
      batchId: voucher.batchId,
      merchantId: input.merchant.id,
      orderId: input.orderId,
      orderAmountFen: assertFen(input.orderAmountFen, 'orderAmountFen'),
      discountFen: assertFen(input.discountFen, 'discountFen'),
      redeemedAt,
      refund: null,
    },
  }
}
