import { View } from '@tarojs/components'
import { PublishedReminderOffer } from '@/components/published-reminder-offer'
import { StatusBadge } from '@/components/status-badge'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'

export interface UnpublishedRuleProps {
  measure: SubsidyMeasure
  /** What is not known yet (the rule set's `unpublished` text). */
  text: string
  /** A public document, or 本应用暂定 with the reason. */
  source: string
}

/**
 * A purchase whose rule has not been published (2026 家居, 电动自行车, 家装 / 智能家居): the answer is
 * 待官方确认, never "没有补贴", with where that was read and the offer to be told when it is
 * published (公布时提醒, fired by the operator's import).
 */
export function UnpublishedRule({ measure, text, source }: UnpublishedRuleProps) {
  return (
    <View className='subsidy-unpublished' role='group' aria-label='规则尚未公布'>
      <View className='subsidy-section__heading'>
        规则尚未公布 <StatusBadge status='unknown' />
      </View>
      <View>{text}</View>
      <View className='caption'>依据：{source}</View>
      <PublishedReminderOffer topic={measure} />
    </View>
  )
}
