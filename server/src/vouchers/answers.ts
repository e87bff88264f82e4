/**
 * What the voucher endpoints answer, built once as the exact bytes sent, so an idempotent replay
 * returns the first answer byte for byte (docs/api-vouchers.md). Views add to the domain types
 * only what the contract names: displayStatus (walletStatus) and a batch summary.
 */
import { walletBatchSummary, type WalletVoucherView } from '../../../src/domain/contract/vouchers'
import type { ClaimRejection } from '../../../src/domain/vouchers/claim'
import type { VoucherBatch, WalletVoucher } from '../../../src/domain/vouchers/schema'
import { walletStatus } from '../../../src/domain/vouchers/validity'
import { parseIsoInstant } from '../../../src/domain/time/shanghai'

export type { WalletVoucherView }

export function presentVoucher(voucher: WalletVoucher, batch: VoucherBatch, at: number): WalletVoucherView {
  return { ...voucher, displayStatus: walletStatus(voucher, at), batch: walletBatchSummary(batch) }
}

/** The batch summary of every 201 of a batch, as JSON, made once per batch object (batches are replaced, not edited, on import). */
const summaryJson = new WeakMap<VoucherBatch, string>()

/** JSON.stringify(presentVoucher(voucher, batch, at)), byte for byte, with the batch part made once per batch. */
function presentVoucherJson(voucher: WalletVoucher, batch: VoucherBatch, at: number): string {
  let summary = summaryJson.get(batch)
  if (summary === undefined) {
    summary = JSON.stringify(walletBatchSummary(batch))
    summaryJson.set(batch, summary)
  }
  const head = JSON.stringify({ ...voucher, displayStatus: walletStatus(voucher, at) })
  return `${head.slice(0, -1)},"batch":${summary}}`
}

/** A finished answer: the status and the exact JSON body. */
export interface Answer {
  status: number
  body: string
}

export function errorAnswer(status: number, code: string, message: string): Answer {
  return { status, body: JSON.stringify({ error: { code, message } }) }
}

/** The claim's 201, shown as of the claim instant so a replay is the same bytes. */
export function claimedAnswer(voucher: WalletVoucher, batch: VoucherBatch): Answer {
  const view = presentVoucherJson(voucher, batch, parseIsoInstant(voucher.claimedAt))
  return { status: 201, body: `{"data":{"outcome":"CLAIMED","voucher":${view}}}` }
}

/** NOT_ELIGIBLE is about who asks (403); the rest are about the batch's state now (409). */
export function rejectedAnswer(rejection: ClaimRejection): Answer {
  return errorAnswer(rejection.code === 'NOT_ELIGIBLE' ? 403 : 409, rejection.code, rejection.message)
}

export const inFlightAnswer = (): Answer => errorAnswer(409, 'CLAIM_IN_FLIGHT', '上一次领取还在处理中，请稍候再看结果')
export const keyReusedAnswer = (): Answer => errorAnswer(422, 'IDEMPOTENCY_KEY_REUSED', '这个请求编号已用于另一个请求，请重新点击领取')
