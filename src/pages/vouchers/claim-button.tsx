import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Countdown } from '@/components/countdown'
import { Pressable } from '@/components/pressable'
import { RemindMe } from '@/components/remind-me'
import { formatWhen, tryParseIsoInstant } from '@/domain/time/shanghai'
import { claimAllowance, type ClaimCounts } from '@/domain/vouchers/my-claims'
import type { BatchRoundState } from '@/domain/vouchers/rounds'
import type { VoucherBatch } from '@/domain/vouchers/schema'
import { navigate } from '@/services/navigation'
import { useMyClaimsStore } from '@/store/my-claims'
import { useSessionStore } from '@/store/session'
import { useVoucherClaimsStore, type ClaimStatus } from '@/store/voucher-claims'
import { claimOutcomeText } from './claim-outcome'
import { ResidentCountyOffer } from './resident-county-offer'

export interface ClaimButtonProps {
  batch: VoucherBatch
  state: BatchRoundState
  /** Server clock now. */
  at: number
}

const UNANSWERED: ClaimStatus = { phase: 'interrupted', code: 'UNANSWERED' }
const NONE_CLAIMED: ClaimCounts = { inBatch: 0, byRound: {} }

/**
 * The 领取 button of one batch in every state: not open yet, open, signing in, claiming, no answer
 * (retry with the same key), rate limited (a count of seconds), sold out, closed, the person's
 * limit used up — and under it the answer in words, announced politely to screen readers, and
 * for someone signed in how many they hold (已领 n 张) with the way to the wallet.
 */
export function ClaimButton({ batch, state, at }: ClaimButtonProps) {
  const liveStatus = useVoucherClaimsStore((store) => store.status[batch.id])
  const hasPending = useVoucherClaimsStore((store) => store.pending[batch.id] !== undefined)
  const claim = useVoucherClaimsStore((store) => store.claim)
  const clearRateLimit = useVoucherClaimsStore((store) => store.clearRateLimit)
  const userId = useSessionStore((store) => store.session?.userId ?? null)
  const signedIn = userId !== null
  // null until the wallet of the signed-in resident has been counted (then the card knows 已领 n 张).
  const counts = useMyClaimsStore((store) => (store.userId === userId && store.counts ? (store.counts[batch.id] ?? NONE_CLAIMED) : null))
  const status = liveStatus ?? (hasPending ? UNANSWERED : null)
  const roundId = state.phase === 'open' ? state.current.round.id : undefined
  const allowance = counts ? claimAllowance(batch, roundId ?? null, counts) : null
  const press = () => void claim(batch.id, roundId)

  let text: ReactNode
  let enabled = false
  let spoken: string
  if (status?.phase === 'signing-in') {
    text = spoken = '正在登录…'
  } else if (status?.phase === 'claiming') {
    text = spoken = '领取中…'
  } else if (status?.phase === 'rate-limited' && (status.retryAt ?? 0) > Date.now()) {
    text = (
      <>
        请 <Countdown until={status.retryAt ?? 0} format='seconds' onDone={() => clearRateLimit(batch.id)} /> 后再试
      </>
    )
    spoken = '请稍后再试'
  } else if (status?.phase === 'interrupted') {
    text = spoken = '重试领取'
    enabled = true
  } else if (allowance?.limitReached && state.phase !== 'closed') {
    text = spoken = allowance.limitReached === 'batch' ? '已领满' : '本轮已领满'
  } else if (state.phase === 'open') {
    text = spoken = '立即领取'
    enabled = true
  } else if (state.phase === 'upcoming') {
    text = spoken = `${formatWhen(state.next.opensAtMs)} 开抢`
  } else if (state.phase === 'sold-out') {
    text = spoken = '本轮已抢完'
  } else {
    text = spoken = '领取已结束'
  }

  const outcome = claimOutcomeText(status, batch, at)
  return (
    <View className='claim'>
      <Pressable
        className={`button claim__button ${enabled ? '' : 'button--disabled'}`}
        disabled={!enabled}
        label={`${spoken}：${batch.title}`}
        onPress={press}
      >
        {text}
      </Pressable>
      {enabled && !signedIn ? <View className='caption claim__hint'>领取时会先登录，只用于把券放进您的券包</View> : null}
      <View className={`claim__outcome ${outcome ? `claim__outcome--${outcome.tone}` : ''}`} role='status' aria-live='polite'>
        {outcome?.text ?? ''}
      </View>
      {status?.phase === 'answered' && status.code === 'CLAIMED' && status.voucherId ? (
        <View className='claim__remind'>
          <View className='caption'>领到了！券到期前提醒你用掉它：</View>
          <RemindMe kind='voucher-expiring' subjectId={status.voucherId} subjectTitle={batch.title} targetMs={tryParseIsoInstant(status.validTo ?? null)} action='到期前提醒我' />
        </View>
      ) : null}
      {status?.phase === 'answered' && status.code === 'NOT_ELIGIBLE' && batch.residentCounties ? (
        <ResidentCountyOffer counties={batch.residentCounties} onDeclared={press} />
      ) : null}
      {allowance && allowance.claimed > 0 ? (
        <View className='caption claim__held'>
          已领 {allowance.claimed} 张（每人每轮限 {batch.limits.perRound} 张，本券共 {batch.limits.perBatch} 张）
        </View>
      ) : null}
      {(allowance && allowance.claimed > 0) ||
      (status?.phase === 'answered' && (status.code === 'CLAIMED' || status.code === 'LIMIT_REACHED')) ? (
        <Pressable className='link claim__wallet' role='link' label='去我的券包查看' onPress={() => navigate('vouchers-wallet')}>
          去我的券包查看
        </Pressable>
      ) : null}
    </View>
  )
}
