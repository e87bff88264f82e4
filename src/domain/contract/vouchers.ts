/**
 * What the voucher endpoints answer (docs/api-vouchers.md), written once: the server documents its
 * answers with these schemas and the app infers its types from them. Views add to the domain types
 * only what the contract names: live round counts, the wallet's display status, a batch summary.
 */
import { z } from 'zod'
import { redemptionSchema, voucherBatchObject, walletVoucherSchema, type VoucherBatch } from '../vouchers/schema'

export const batchLiveSchema = z.object({
  serverTime: z.string().describe('服务器时间 ISO-8601 +08:00，倒计时以它为准'),
  remainingByRound: z.record(z.string(), z.number().int()).describe('各场次剩余名额（至多约 1 秒前）'),
  claimedByRound: z.record(z.string(), z.number().int()),
})
export type BatchLive = z.infer<typeof batchLiveSchema>

/** GET /batches and /batches/:id: a batch as imported, when, and its live round counts. */
export const batchViewSchema = voucherBatchObject.extend({ updatedAt: z.string(), live: batchLiveSchema })
export type BatchView = z.infer<typeof batchViewSchema>

export const walletStatusSchema = z.enum(['usable', 'used', 'expired', 'returned-after-refund'])

export const walletBatchSummarySchema = voucherBatchObject.pick({
  id: true,
  title: true,
  faceValueFen: true,
  thresholdFen: true,
  merchants: true,
  counties: true,
  oneVoucherPerTransaction: true,
})
export type WalletBatchSummary = z.infer<typeof walletBatchSummarySchema>

/** A batch's part of a wallet voucher, the fields walletBatchSummarySchema picks in its key order
 * (the server's 201 is replayed byte for byte, so the order is part of the answer). */
export function walletBatchSummary(batch: VoucherBatch): WalletBatchSummary {
  const { id, title, faceValueFen, thresholdFen, merchants, counties, oneVoucherPerTransaction } = batch
  return { id, title, faceValueFen, thresholdFen, merchants, counties, oneVoucherPerTransaction }
}

export const walletVoucherViewSchema = walletVoucherSchema.extend({ displayStatus: walletStatusSchema, batch: walletBatchSummarySchema })
export type WalletVoucherView = z.infer<typeof walletVoucherViewSchema>

/** POST /me/vouchers/:id/code: the signed short-lived token a cashier scans. */
export const redemptionCodeSchema = z.object({ token: z.string(), expiresAt: z.string(), refreshAt: z.string() })
export type RedemptionCode = z.infer<typeof redemptionCodeSchema>

export const claimAnswerSchema = z.object({ outcome: z.literal('CLAIMED'), voucher: walletVoucherViewSchema })
export type ClaimAnswer = z.infer<typeof claimAnswerSchema>

export const redeemAnswerSchema = z.object({ redemption: redemptionSchema, voucher: walletVoucherViewSchema })
export type RedeemAnswer = z.infer<typeof redeemAnswerSchema>

export const refundOutcomeSchema = z.enum(['RESTORED', 'KEPT_USED_PARTIAL', 'KEPT_USED_EXPIRED', 'KEPT_USED_NO_RETURN'])
export type RefundOutcome = z.infer<typeof refundOutcomeSchema>

export const refundAnswerSchema = z.object({ outcome: refundOutcomeSchema, message: z.string(), voucher: walletVoucherViewSchema })
export type RefundAnswer = z.infer<typeof refundAnswerSchema>

export const residentCountySchema = z.object({ county: z.string().nullable() })
