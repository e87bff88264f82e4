import { Text, View } from '@tarojs/components'
import { ClauseLink } from '@/components/clause-link'
import { TollPeriodReminder } from '@/packages/etc/components/toll-period-reminder'
import { StatusBadge } from '@/components/status-badge'
import type { TollOutcome, TollWaiverVerdict } from '@/domain/etc/waiver'
import { ConditionList, ReasonList } from './condition-list'
import './etc-components.scss'

export interface TripVerdictProps {
  verdict: TollWaiverVerdict
}

const TONE: Record<TollOutcome, 'yes' | 'no' | 'unknown'> = { free: 'yes', charged: 'no', 'period-unknown': 'unknown' }
const AMOUNT_LABEL: Record<TollOutcome, string> = { free: '预计省下', charged: '预计通行费', 'period-unknown': '若收费，预计通行费' }

/**
 * Is this trip free under clause (二十六): 免费 / 收费 / 待官方确认 (a date after the last known
 * period) in words and icon, every reason and check, the estimated toll (always 约 … 估算), the
 * data's status and source, and the clause itself; after the period, the 公布时提醒 offer.
 */
export function TripVerdict({ verdict }: TripVerdictProps) {
  const { outcome, source } = verdict
  return (
    <View className={`card etc-verdict etc-verdict--${TONE[outcome]}`} role='status' aria-live='polite'>
      <View className='etc-verdict__headline'>{verdict.headline}</View>
      <View>
        {verdict.entry.name} → {verdict.exit.name}，{verdict.date}
      </View>
      {verdict.estimatedTollText ? (
        <View className='etc-verdict__amount'>
          <Text>{AMOUNT_LABEL[outcome]}</Text>
          <Text className='amount'>{verdict.estimatedTollText}</Text>
          <Text className='caption'>（估算）</Text>
        </View>
      ) : null}
      <ReasonList reasons={verdict.reasons} />
      <View className='etc-verdict__section'>逐项核对</View>
      <ConditionList checks={verdict.checks} />
      <TollPeriodReminder period={verdict.period} />
      {verdict.notes.map((note) => (
        <View key={note} className='caption etc-verdict__note'>
          {note}
        </View>
      ))}
      <View className='etc-verdict__status'>
        <Text>数据状态</Text>
        <StatusBadge status={verdict.provisional ? 'provisional' : 'confirmed'} />
        <Text className='caption'>数据版本 {source.dataVersion}</Text>
      </View>
      <View className='caption etc-verdict__note'>
        依据：{source.document}
        {source.clauseLabel}
      </View>
      <ClauseLink clauseId={source.clause} clauseLabel={source.clauseLabel} className='etc-verdict__clause' />
    </View>
  )
}
