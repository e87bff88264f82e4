/**
 * What a cashier reads after a scan or a refund: a short headline per code of docs/api-vouchers.md
 * (the checks of checkRedemption, the code checks of offline-code.ts, the refund outcomes of
 * refund.ts) and the detail — the server's sentence, which carries the numbers (还差 ¥3.50).
 */
import { OFFLINE_CODE_MESSAGES, type OfflineCodeErrorCode } from '@/domain/vouchers/offline-code'
import type { Redemption, RefundPolicy } from '@/domain/vouchers/schema'
import type { ApiError } from '@/services/api/errors'
import type { RefundOutcome } from '@/services/api/vouchers'

const REDEEM_HEADLINES: Record<string, string> = {
  TOKEN_MALFORMED: '这不是有效的消费券码',
  TOKEN_FORGED: '券码校验没有通过',
  TOKEN_EXPIRED: '券码已过期',
  TOKEN_NOT_YET_VALID: '券码时间不对',
  NOT_OWNER: '券码和券的主人对不上',
  NOT_MERCHANT_STAFF: '当前账号不能为这家店核销',
  ALREADY_USED: '这张券已经用过了',
  EXPIRED: '这张券已过期',
  NOT_YET_VALID: '这张券还没到使用时间',
  WRONG_MERCHANT: '本店不在这张券的适用商户名单里',
  WRONG_CATEGORY: '本店的类别不能用这张券',
  WRONG_COUNTY: '本店所在区县不能用这张券',
  BELOW_THRESHOLD: '订单金额没有达到使用门槛',
  ONE_PER_TRANSACTION: '这笔订单已经用过一张券',
  DAILY_CAP: '本店今天的核销已到上限',
  BUDGET_EXHAUSTED: '这批消费券的资金已经用完',
  ORDER_ID_REUSED: '这个订单号已经用过',
  CODE_REUSED: '这个券码已经用过了',
  NOT_FOUND: '没有找到这张券',
  RATE_LIMITED: '操作太频繁',
}

function isCodeProblem(code: string): code is OfflineCodeErrorCode {
  return code in OFFLINE_CODE_MESSAGES
}

export function redeemRefusal(error: ApiError): { headline: string; detail: string } {
  const headline = REDEEM_HEADLINES[error.code] ?? '没有核销成功'
  // Residents' phones show the 30 s code derived on the phone (offline-code.ts): say what to do about it.
  const detail = isCodeProblem(error.code) ? OFFLINE_CODE_MESSAGES[error.code] : error.message
  return { headline, detail }
}

const REFUND_TEXT: Record<RefundOutcome | 'ALREADY_REFUNDED' | 'NOT_FOUND', string> = {
  RESTORED: '✓ 已全额退款，消费券已退回顾客的券包，有效期不变',
  KEPT_USED_PARTIAL: '✓ 已部分退款。部分退款时消费券不退回，顾客的券仍算已使用',
  KEPT_USED_EXPIRED: '✓ 已全额退款。这张券已过有效期，所以不退回',
  KEPT_USED_NO_RETURN: '✓ 已全额退款。这批消费券的规则是用过后不退回',
  ALREADY_REFUNDED: '✗ 这笔核销已经退过款了，不会重复处理',
  NOT_FOUND: '✗ 没有找到这笔核销，它可能不是本店的',
}

export function refundOutcomeText(code: string, serverMessage?: string): string {
  return REFUND_TEXT[code as keyof typeof REFUND_TEXT] ?? `✗ 退款没有成功：${serverMessage ?? '请稍后再试'}`
}

/**
 * What the cashier tells the customer before confirming a refund, from the batch's refund rule
 * (batch data, facts.md: returned only on a full refund inside the validity). Null policy: the
 * batch is not known yet, so the prompt promises nothing and the result will say.
 */
export function refundPromptText(full: boolean, policy: RefundPolicy | null): string {
  if (!full) return '部分退款时券不退回，顾客的券仍算已使用。'
  if (policy === 'never-restore') return '这批消费券的规则是用过后退款也不退回，券不会回到顾客券包。'
  if (policy === 'restore-on-full-refund-within-validity') return '券在有效期内会退回顾客券包，有效期不变；已过有效期则不退回。'
  return '券是否退回顾客券包要看这批券的退款规则，退款后会显示结果。'
}

/** The state of one of today's redemptions, in the words of the batch's refund rule. */
export function redemptionStateText(redemption: Redemption, policy: RefundPolicy | null): string {
  const refund = redemption.refund
  if (!refund) return '已核销'
  if (!refund.full) return '已部分退款，券不退回'
  if (refund.restored) return '已全额退款，券已退回顾客'
  if (policy === 'never-restore') return '已全额退款，本批券规则不退回'
  if (policy === 'restore-on-full-refund-within-validity') return '已全额退款，券已过有效期不退回'
  return '已全额退款，券不退回'
}
