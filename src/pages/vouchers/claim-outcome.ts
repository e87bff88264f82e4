/**
 * A claim's answer in plain words, one sentence per code of docs/api-vouchers.md, with what the
 * person can do next (the next round's time, where the voucher went). The tone is said in words
 * and a mark (✓ ✗ ⚠), never by colour alone.
 */
import { CLAIM_MESSAGES } from '@/domain/vouchers/claim'
import { formatWhen } from '@/domain/time/shanghai'
import { countyNames } from '@/domain/vouchers/places'
import { roundViews } from '@/domain/vouchers/rounds'
import type { VoucherBatch } from '@/domain/vouchers/schema'
import type { ClaimStatus } from '@/store/voucher-claims'

export type OutcomeTone = 'ok' | 'refused' | 'warning'

export interface ClaimOutcomeText {
  tone: OutcomeTone
  text: string
}

function nextRoundNote(batch: VoucherBatch, at: number): string {
  const next = roundViews(batch, at).find((view) => view.phase === 'upcoming')
  return next ? `下一轮 ${formatWhen(next.opensAtMs)} 开抢` : '本批次没有后面的轮次了'
}

/** The words under the claim button, or null when there is nothing to say. */
export function claimOutcomeText(status: ClaimStatus | null, batch: VoucherBatch, at: number): ClaimOutcomeText | null {
  if (!status) return null
  const refused = (text: string): ClaimOutcomeText => ({ tone: 'refused', text: `✗ ${text}` })
  const warning = (text: string): ClaimOutcomeText => ({ tone: 'warning', text: `⚠ ${text}` })
  switch (status.phase) {
    case 'signing-in':
    case 'claiming':
      return null
    case 'sign-in-failed':
      return refused(`没有登录成功：${status.message ?? '请稍后再试'}`)
    case 'interrupted':
      if (status.code === 'CLAIM_IN_FLIGHT') return warning('上一次领取还在处理中，请稍等几秒点“重试领取”查看结果，不会重复领券')
      if (status.code === 'UNANSWERED') return warning('上次领取没有收到结果，点“重试领取”查看，不会重复领券')
      return warning('网络不稳定，没有收到领取结果。点“重试领取”查看结果，不会重复领券')
    case 'rate-limited':
      return warning('现在领券的人很多，请按按钮上的时间稍后再试')
    case 'answered':
      break
  }
  switch (status.code) {
    case 'CLAIMED':
      return { tone: 'ok', text: `✓ ${CLAIM_MESSAGES.CLAIMED}，可在“我的券包”查看和使用` }
    case 'SOLD_OUT':
      return refused(`${CLAIM_MESSAGES.SOLD_OUT}，${nextRoundNote(batch, at)}`)
    case 'LIMIT_REACHED':
      return refused(`${CLAIM_MESSAGES.LIMIT_REACHED}（每人每轮 ${batch.limits.perRound} 张，本券共 ${batch.limits.perBatch} 张），已领的券在“我的券包”`)
    case 'NOT_OPEN':
      return refused(`${CLAIM_MESSAGES.NOT_OPEN}，${nextRoundNote(batch, at)}`)
    case 'CLOSED':
      return refused(`本轮${CLAIM_MESSAGES.CLOSED}，${nextRoundNote(batch, at)}`)
    case 'NOT_ELIGIBLE':
      return refused(batch.residentCounties ? `本券只限${countyNames(batch.residentCounties)}居民领取` : CLAIM_MESSAGES.NOT_ELIGIBLE)
    case 'NOT_FOUND':
      return refused('这批消费券已下架，请刷新页面')
    default:
      return refused(status.message ?? '领取没有成功，请稍后再试')
  }
}
