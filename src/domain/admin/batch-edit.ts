/**
 * What may change in a published batch once claiming has started (issue 17: "edit only what is
 * safe"). Residents already hold vouchers made under the batch's rules, and the claim engines
 * have stock minted per round, so a change may only: reword the texts (title, sponsor, campaign,
 * provenance), raise the budget, raise the quota of a round, and change rounds that have not
 * opened yet or add rounds after the last one. Face value, threshold, limits, validity, where it
 * can be spent, who may claim, caps, refunds and quota return are the terms a resident accepted
 * when claiming (clause 十五 mechanics as published): they are frozen.
 */
import { tryParseIsoInstant } from '../time/shanghai'
import type { VoucherBatch } from '../vouchers/schema'

export interface EditProblem {
  path: string
  reason: string
}

const FROZEN: { key: keyof VoucherBatch; label: string }[] = [
  { key: 'id', label: '批次编号' },
  { key: 'eventId', label: '关联活动' },
  { key: 'faceValueFen', label: '面额' },
  { key: 'thresholdFen', label: '使用门槛' },
  { key: 'limits', label: '限领张数' },
  { key: 'validity', label: '有效期' },
  { key: 'merchants', label: '适用商户' },
  { key: 'counties', label: '适用区县' },
  { key: 'residentCounties', label: '领取人范围' },
  { key: 'oneVoucherPerTransaction', label: '每笔限用一张' },
  { key: 'merchantDailyCap', label: '商户每日上限' },
  { key: 'refund', label: '退款规则' },
  { key: 'quotaReturn', label: '名额回收规则' },
]

/** JSON with object keys sorted: the store (jsonb) does not keep the order a form sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined)
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b)

/** Empty when `after` may replace `before`; `at` is the server clock (epoch ms). */
export function editBatchProblems(before: VoucherBatch, after: VoucherBatch, claimingStarted: boolean, at: number): EditProblem[] {
  if (before.id !== after.id) return [{ path: 'id', reason: '批次编号不能修改' }]
  if (!claimingStarted) return []
  const problems: EditProblem[] = []
  for (const { key, label } of FROZEN) {
    if (!same(before[key], after[key])) problems.push({ path: key, reason: `已开始领取，不能再修改${label}（居民已按原规则领券）` })
  }
  if (after.budgetFen < before.budgetFen) problems.push({ path: 'budgetFen', reason: '已开始领取，总预算只能增加，不能减少' })
  before.rounds.forEach((round, index) => {
    const opensAt = tryParseIsoInstant(round.opensAt) ?? 0
    const started = opensAt <= at
    const next = after.rounds[index]
    if (!next) {
      problems.push({ path: `rounds[${index}]`, reason: started ? `第 ${index + 1} 轮已开抢，不能删除` : `不能删除第 ${index + 1} 轮，请把名额调为需要的数` })
      return
    }
    if (next.id !== round.id) problems.push({ path: `rounds[${index}].id`, reason: '轮次编号不能修改' })
    if (!started) return
    if (next.opensAt !== round.opensAt) problems.push({ path: `rounds[${index}].opensAt`, reason: `第 ${index + 1} 轮已开抢，不能修改开抢时间` })
    if (next.closesAt !== round.closesAt) problems.push({ path: `rounds[${index}].closesAt`, reason: `第 ${index + 1} 轮已开抢，不能修改结束时间；要停下请用“暂停”或“结束批次”` })
    if (next.quota < round.quota) problems.push({ path: `rounds[${index}].quota`, reason: `第 ${index + 1} 轮已开抢，名额只能增加` })
  })
  after.rounds.slice(before.rounds.length).forEach((round, offset) => {
    const opensAt = tryParseIsoInstant(round.opensAt) ?? 0
    if (opensAt <= at) problems.push({ path: `rounds[${before.rounds.length + offset}].opensAt`, reason: '新增的轮次须在将来开抢' })
  })
  return problems
}
