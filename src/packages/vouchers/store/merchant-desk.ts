/**
 * The merchant desk (商户核销): redeem a resident's code for an order, list today's redemptions,
 * refund one. Both writes are exactly-once: a redemption carries the order id (unique per shop on
 * the server) and an Idempotency-Key, a refund an Idempotency-Key; when no answer comes back the
 * attempt is kept and "重新提交" sends the same key and body, so a shaky shop Wi-Fi never takes a
 * voucher twice or refunds twice.
 */
import { create } from 'zustand'
import { formatShanghai, todayInShanghai } from '@/domain/time'
import type { Redemption } from '@/domain/vouchers/schema'
import { ApiError, userMessage } from '@/services/api/errors'
import { newIdempotencyKey, voucherApi, type RedeemAnswer, type RefundOutcome } from '@/services/api/vouchers'
import { invalidate, useResource, type UseResource } from '@/store/resource'
import { redeemRefusal, refundOutcomeText } from '../merchant-messages'

/** Today's redemptions at this shop: a key of the resource cache, which a redeem or refund invalidates. */
const REDEMPTIONS_PREFIX = 'vouchers:redemptions:'

export interface RedeemAttempt {
  key: string
  code: string
  orderAmountFen: number
  orderId: string
}

export type RedeemResult =
  | { kind: 'ok'; answer: RedeemAnswer; orderAmountFen: number }
  | { kind: 'refused'; code: string; headline: string; detail: string }
  | { kind: 'interrupted'; detail: string }

export type RefundResult = { kind: 'ok' | 'refused' | 'interrupted'; code: string; text: string }

interface RefundAttempt {
  key: string
  full: boolean
}

interface MerchantDeskState {
  /** The order id the next redemption uses; a new one after each answered redemption. */
  orderId: string
  attempt: RedeemAttempt | null
  redeeming: boolean
  result: RedeemResult | null
  refundAttempts: Record<string, RefundAttempt>
  refunding: Record<string, boolean>
  refundResults: Record<string, RefundResult>
  setOrderId: (orderId: string) => void
  redeem: (code: string, orderAmountFen: number) => Promise<void>
  refund: (redemptionId: string, full: boolean) => Promise<void>
}

/** 'QHT20250503103015-4F7K': the Shanghai time of the sale and four random characters. */
export function newOrderId(now: number = Date.now()): string {
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .toUpperCase()
    .padStart(4, '0')
  return `QHT${formatShanghai(now, 'YYYYMMDDHHmmss')}-${random}`
}

function isUnanswered(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.code === 'CLAIM_IN_FLIGHT'
}

export const useMerchantDeskStore = create<MerchantDeskState>()((set, get) => ({
  orderId: newOrderId(),
  attempt: null,
  redeeming: false,
  result: null,
  refundAttempts: {},
  refunding: {},
  refundResults: {},

  setOrderId: (orderId) => set({ orderId }),

  async redeem(code, orderAmountFen) {
    if (get().redeeming) return
    const orderId = get().orderId.trim()
    const previous = get().attempt
    const same = previous && previous.code === code && previous.orderAmountFen === orderAmountFen && previous.orderId === orderId
    const attempt: RedeemAttempt = same ? previous : { key: newIdempotencyKey('redeem'), code, orderAmountFen, orderId }
    set({ attempt, redeeming: true, result: null })
    try {
      const { data } = await voucherApi.redeemVoucher({ code: attempt.code, orderAmountFen: attempt.orderAmountFen, orderId: attempt.orderId }, attempt.key)
      set({ attempt: null, redeeming: false, result: { kind: 'ok', answer: data, orderAmountFen: attempt.orderAmountFen }, orderId: newOrderId() })
      void invalidate(REDEMPTIONS_PREFIX)
    } catch (error) {
      if (isUnanswered(error)) {
        set({ redeeming: false, result: { kind: 'interrupted', detail: `${userMessage(error)}。没有收到核销结果，点“重新提交”查看，不会重复核销` } })
        return
      }
      const apiError = error as ApiError
      set({ attempt: null, redeeming: false, result: { kind: 'refused', code: apiError.code, ...redeemRefusal(apiError) } })
    }
  },

  async refund(redemptionId, full) {
    if (get().refunding[redemptionId]) return
    const previous = get().refundAttempts[redemptionId]
    const attempt = previous && previous.full === full ? previous : { key: newIdempotencyKey('refund'), full }
    const done = (result: RefundResult, keepAttempt: boolean) =>
      set((state) => {
        const refundAttempts = { ...state.refundAttempts }
        if (!keepAttempt) delete refundAttempts[redemptionId]
        return {
          refundAttempts,
          refunding: { ...state.refunding, [redemptionId]: false },
          refundResults: { ...state.refundResults, [redemptionId]: result },
        }
      })
    set((state) => ({
      refundAttempts: { ...state.refundAttempts, [redemptionId]: attempt },
      refunding: { ...state.refunding, [redemptionId]: true },
    }))
    try {
      const { data } = await voucherApi.refundRedemption({ redemptionId, full }, attempt.key)
      done({ kind: 'ok', code: data.outcome, text: refundOutcomeText(data.outcome as RefundOutcome) }, false)
      void invalidate(REDEMPTIONS_PREFIX)
    } catch (error) {
      if (isUnanswered(error)) {
        done({ kind: 'interrupted', code: 'NETWORK_ERROR', text: `${userMessage(error)}。没有收到退款结果，再点一次会查看结果，不会重复退款` }, true)
        return
      }
      const apiError = error as ApiError
      done({ kind: 'refused', code: apiError.code, text: refundOutcomeText(apiError.code, apiError.message) }, false)
      if (apiError.code === 'ALREADY_REFUNDED') void invalidate(REDEMPTIONS_PREFIX)
    }
  },
}))

const fetchRedemptions = (date: string) => async () => {
  const result = await voucherApi.getRedemptions(date)
  return { ...result, data: [...result.data].sort((a, b) => (a.redeemedAt < b.redeemedAt ? 1 : a.redeemedAt > b.redeemedAt ? -1 : 0)) }
}

/** Today's redemptions, newest first; read only for a signed-in merchant (`enabled`). */
export function useTodayRedemptions(enabled: boolean): UseResource<Redemption[]> {
  const date = todayInShanghai()
  return useResource(enabled ? REDEMPTIONS_PREFIX + date : null, fetchRedemptions(date))
}
