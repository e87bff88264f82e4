/**
 * A batch's rules in plain Chinese, for the voucher detail page and the batch card, written from
 * the same data the decisions use so the words can never promise something the server refuses.
 * Every batch so far is provisional (Quzhou's mechanics are unpublished), and the last
 * line says so with 待官方确认.
 */
import { formatShanghai } from '../time'
import { STATUS_LABEL } from '../policy/types'
import { describeVoucherRule } from './applicability'
import { formatYuan, parseIsoInstant } from './instants'
import { countyNames, MERCHANT_CATEGORY_NAME } from './places'
import type { VoucherBatch } from './schema'
import { voucherValidity } from './validity'

export interface RuleLine {
  label: string
  value: string
}

function validityText(batch: VoucherBatch): string {
  const rule = batch.validity
  if (rule.kind === 'fixed') return `${rule.from} 至 ${rule.to}（每天 24 点前均可使用）`
  const exampleClaim = parseIsoInstant(batch.rounds[0].opensAt)
  const example = voucherValidity(batch, exampleClaim)
  const cap = rule.notAfter ? `，最晚 ${rule.notAfter} 23:59` : ''
  return `领取后 ${rule.days} 天有效（例：${formatShanghai(exampleClaim, 'M月D日')}领取，可用至 ${formatShanghai(example.validToMs, 'M月D日')} 23:59）${cap}`
}

function merchantsText(batch: VoucherBatch): string {
  const where = countyNames(batch.counties)
  if (batch.merchants.kind === 'merchants') return `${where}指定的 ${batch.merchants.merchantIds.length} 家商户`
  return `${where}的${batch.merchants.categories.map((code) => MERCHANT_CATEGORY_NAME[code]).join('、')}类商户`
}

function dailyCapText(batch: VoucherBatch): string | null {
  const { count, amountFen } = batch.merchantDailyCap
  const parts = [count !== null ? `最多 ${count} 张` : null, amountFen !== null ? `优惠合计不超过 ${formatYuan(amountFen)}` : null]
  const text = parts.filter(Boolean).join('、')
  return text ? `每家商户每天${text}，满额后当天不能再用` : null
}

function quotaReturnText(batch: VoucherBatch): string | null {
  const parts = [
    batch.quotaReturn.unclaimed ? '未领完的名额转入下一轮' : null,
    batch.quotaReturn.expired ? '过期未用的券名额回到之后的轮次' : null,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('；') : null
}

export function describeBatchRules(batch: VoucherBatch): RuleLine[] {
  const dailyCap = dailyCapText(batch)
  const quotaReturn = quotaReturnText(batch)
  const lines: (RuleLine | null)[] = [
    { label: '优惠', value: describeVoucherRule(batch) },
    { label: '限领', value: `每人每轮限领 ${batch.limits.perRound} 张，本券每人共限领 ${batch.limits.perBatch} 张` },
    {
      label: '领取资格',
      value: batch.residentCounties === null ? '不限' : `限${countyNames(batch.residentCounties)}居民`,
    },
    { label: '有效期', value: validityText(batch) },
    { label: '适用商户', value: merchantsText(batch) },
    {
      label: '使用规则',
      value: batch.oneVoucherPerTransaction ? '每笔订单限用一张，不与其他消费券叠加' : '可与其他消费券在同一笔订单中使用',
    },
    dailyCap ? { label: '商户每日上限', value: dailyCap } : null,
    {
      label: '退款',
      value:
        batch.refund === 'restore-on-full-refund-within-validity'
          ? '全额退款且券仍在有效期内，券退回券包、有效期不变；部分退款或过期后退款，券不退回'
          : '使用后退款，券不退回',
    },
    quotaReturn ? { label: '名额', value: quotaReturn } : null,
    {
      label: '规则来源',
      value: `${batch.provenance.source}（${STATUS_LABEL[batch.provenance.status]}）`,
    },
  ]
  return lines.filter((line): line is RuleLine => line !== null)
}
