/**
 * 用哪张最划算: among a resident's vouchers, the one that takes the most off this bill at this
 * merchant; on equal savings the one that expires first (use it before it is lost), then the
 * lowest id so the answer never flickers. Every other voucher comes back with its reason: it
 * applies but saves less / expires later, or the code of the rule it fails — with how much more
 * to spend when the bill is below its threshold. One voucher per transaction (common national rule), so this
 * picks one, never a combination.
 */
import { assertFen, type Fen } from '../money'
import { checkVoucherApplies, type VoucherRejection } from './applicability'
import { formatYuan, parseIsoInstant } from './instants'
import type { Merchant, VoucherBatch, WalletVoucher } from './schema'

export interface WalletEntry {
  voucher: WalletVoucher
  batch: VoucherBatch
}

export interface VoucherChoice extends WalletEntry {
  savingFen: Fen
  payFen: Fen
}

export type OtherVoucher =
  | (VoucherChoice & {
      applicable: true
      code: 'SAVES_LESS' | 'EXPIRES_LATER' | 'EQUIVALENT'
      message: string
    })
  | (WalletEntry & { applicable: false; rejection: VoucherRejection })

export interface BestVoucherResult {
  best: VoucherChoice | null
  /** Every other voucher, applicable ones first (most saving first), each with why it was not picked. */
  others: OtherVoucher[]
  /** False when no merchant was given: shop rules were not checked. */
  merchantChecked: boolean
  message: string
}

function byPreference(a: VoucherChoice & { validToMs: number }, b: VoucherChoice & { validToMs: number }): number {
  return b.savingFen - a.savingFen || a.validToMs - b.validToMs || (a.voucher.id < b.voucher.id ? -1 : a.voucher.id > b.voucher.id ? 1 : 0)
}

export function bestVoucher(billFen: Fen, vouchers: readonly WalletEntry[], merchant: Merchant | null, at: number): BestVoucherResult {
  assertFen(billFen, 'billFen')
  const applicable: (VoucherChoice & { validToMs: number })[] = []
  const rejected: OtherVoucher[] = []
  for (const entry of vouchers) {
    const check = checkVoucherApplies({ ...entry, merchant, billFen, at })
    if (check.ok) {
      applicable.push({ ...entry, savingFen: check.savingFen, payFen: check.payFen, validToMs: parseIsoInstant(entry.voucher.validTo) })
    } else {
      rejected.push({ ...entry, applicable: false, rejection: check })
    }
  }
  applicable.sort(byPreference)
  const [first, ...rest] = applicable
  const merchantChecked = merchant !== null
  const unchecked = merchantChecked ? '' : '（未选择商户，使用前请确认该店可用）'
  if (!first) {
    return { best: null, others: rejected, merchantChecked, message: `没有可用于这笔消费的券${unchecked}` }
  }
  const best: VoucherChoice = { voucher: first.voucher, batch: first.batch, savingFen: first.savingFen, payFen: first.payFen }
  const others: OtherVoucher[] = rest.map(({ validToMs, ...choice }) => {
    if (choice.savingFen < first.savingFen) {
      return { ...choice, applicable: true, code: 'SAVES_LESS', message: `可用，但只省 ${formatYuan(choice.savingFen)}` }
    }
    if (validToMs > first.validToMs) {
      return { ...choice, applicable: true, code: 'EXPIRES_LATER', message: '省得一样多，但过期更晚，先用推荐的这张' }
    }
    return { ...choice, applicable: true, code: 'EQUIVALENT', message: '和推荐的这张一样划算，任选一张即可' }
  })
  return {
    best,
    others: [...others, ...rejected],
    merchantChecked,
    message: `用这张省 ${formatYuan(best.savingFen)}，实付 ${formatYuan(best.payFen)}${unchecked}`,
  }
}
