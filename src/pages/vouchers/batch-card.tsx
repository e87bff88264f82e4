import { View } from '@tarojs/components'
import { memo } from 'react'
import { Countdown } from '@/components/countdown'
import { Pressable } from '@/components/pressable'
import { RemindMe } from '@/components/remind-me'
import { StatusBadge } from '@/components/status-badge'
import { describeVoucherRule } from '@/domain/vouchers/applicability'
import { formatWhen } from '@/domain/time/shanghai'
import { describeBatchRules } from '@/domain/vouchers/rules-text'
import { roundState, roundViews, type RoundView } from '@/domain/vouchers/rounds'
import { formatShanghai } from '@/domain/time'
import type { BatchView } from '@/services/api/vouchers'
import { navigate } from '@/services/navigation'
import { ClaimButton } from './claim-button'

export interface BatchCardProps {
  batch: BatchView
  /** Server clock when the page last crossed a round boundary. */
  at: number
  offsetMs: number
  /** Whether the live remaining counts are fresh (not the offline copy). */
  live: boolean
  /** Offer the batch's own page (the one a forwarded batch opens); off on that page itself. */
  linkToBatchPage?: boolean
}

/** Only the mini-program forwards a page (转发); the H5 build has no share card. */
const CAN_FORWARD = process.env.TARO_ENV === 'weapp'

const RULE_LABELS = ['有效期', '适用商户', '限领', '领取资格']

function roundWindow(view: RoundView): string {
  const sameDay = formatShanghai(view.opensAtMs, 'YYYY-MM-DD') === formatShanghai(view.closesAtMs - 1, 'YYYY-MM-DD')
  return `${formatWhen(view.opensAtMs)}–${sameDay ? formatShanghai(view.closesAtMs, 'HH:mm') : formatWhen(view.closesAtMs)}`
}

function roundPhaseWords(view: RoundView): string {
  switch (view.phase) {
    case 'upcoming':
      return '○ 未开始'
    case 'open':
      return view.remaining === null ? '● 进行中' : `● 进行中，剩 ${view.remaining} 张`
    case 'sold-out':
      return '✗ 已抢完'
    case 'closed':
      return '— 已结束'
  }
}

/**
 * One batch on the 消费券 tab: its rule (满 X 减 Y), where the rounds stand — counting down to the
 * next one in Shanghai time — validity and where it can be used, and the claim button.
 */
export const BatchCard = memo(function BatchCard({ batch, at, offsetMs, live, linkToBatchPage = true }: BatchCardProps) {
  const remaining = live ? (batch.live?.remainingByRound ?? {}) : {}
  const state = roundState(batch, at, remaining)
  const rounds = roundViews(batch, at, remaining)
  const rules = describeBatchRules(batch).filter((line) => RULE_LABELS.includes(line.label) && !(line.label === '领取资格' && line.value === '不限'))

  return (
    <View className='card batch' role='region' aria-label={batch.title}>
      <View className='batch__head'>
        <View className='title batch__title'>{batch.title}</View>
        <StatusBadge status={batch.provenance.status} />
      </View>
      <View className='amount batch__rule'>{describeVoucherRule(batch)}</View>
      <View className='caption'>
        {batch.campaign} · {batch.sponsor}
      </View>

      <View className={`batch__state batch__state--${state.phase}`}>
        {state.phase === 'upcoming' ? (
          <>
            第 {state.next.index + 1} 轮 {formatWhen(state.next.opensAtMs)} 开抢（北京时间），还有{' '}
            <Countdown className='batch__countdown' until={state.next.opensAtMs} offsetMs={offsetMs} />
          </>
        ) : (
          state.message
        )}
      </View>

      <View className='batch__rounds' role='list' aria-label='各轮时间'>
        {rounds.map((view) => (
          <View key={view.round.id} className={`batch__round batch__round--${view.phase}`} role='listitem'>
            <View>
              第 {view.index + 1} 轮 {roundWindow(view)}
            </View>
            <View className='batch__round-phase'>{roundPhaseWords(view)}</View>
            {view.phase === 'upcoming' ? (
              <RemindMe
                kind='round-opening'
                subjectId={`${batch.id}:${view.round.id}`}
                subjectTitle={rounds.length > 1 ? `${batch.title}（第 ${view.index + 1} 轮）` : batch.title}
                targetMs={view.opensAtMs}
                compact
              />
            ) : null}
          </View>
        ))}
      </View>

      <View className='batch__rules'>
        {rules.map((line) => (
          <View key={line.label} className='batch__rule-line'>
            <View className='batch__rule-label'>{line.label}</View>
            <View className='batch__rule-value'>{line.value}</View>
          </View>
        ))}
      </View>

      <ClaimButton batch={batch} state={state} at={at} />

      <Pressable className='link batch__merchants' role='link' label={`${batch.title} 的适用商户`} onPress={() => navigate('vouchers-merchants', { batchId: batch.id })}>
        查看适用商户
      </Pressable>
      {linkToBatchPage ? (
        <Pressable
          className='link batch__merchants'
          role='link'
          label={`单独查看${batch.title}${CAN_FORWARD ? '，可转发给亲友' : ''}`}
          onPress={() => navigate('vouchers-batch', { id: batch.id })}
        >
          单独查看这批券{CAN_FORWARD ? '（可转发）' : ''}
        </Pressable>
      ) : null}
    </View>
  )
})
