import { View } from '@tarojs/components'
import { Pressable } from '@/components/pressable'
import { StatusBadge } from '@/components/status-badge'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import { measureSummary } from '@/domain/subsidy/measure-summaries'
import { quickPurchaseDates } from '@/domain/subsidy/rule-set-periods'
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'

export interface MeasureRuleLineProps {
  measure: SubsidyMeasure
  /** The purchase date chosen. */
  date: string
  today: string
  onDateChange: (date: string) => void
  ruleSets: readonly SubsidyRuleSet[]
}

/**
 * The rule a calculator applies on the chosen purchase date, in one line with its status; when the
 * rule is not published (e-bikes in 2026) it says so — 尚未公布, never "no" — and one tap moves the
 * date into a rule set that had one.
 */
export function MeasureRuleLine({ measure, date, today, onDateChange, ruleSets }: MeasureRuleLineProps) {
  const summary = measureSummary(measure, date, { ruleSets })
  const alternatives = summary.available
    ? []
    : quickPurchaseDates(today, ruleSets).filter(
        (quick) => quick.date !== date && measureSummary(measure, quick.date, { ruleSets }).available,
      )
  return (
    <View className='subsidy-intro' aria-live='polite'>
      {summary.headline ? (
        <View>
          <View className='subsidy-field__label'>
            {date} 购买适用的规则 <StatusBadge status={summary.status} />
          </View>
          <View>{summary.headline}</View>
          {summary.details.map((detail) => (
            <View key={detail} className='caption'>
              {detail}
            </View>
          ))}
        </View>
      ) : summary.unpublished ? (
        <View>
          <View className='subsidy-field__label'>
            {date} 购买：规则尚未公布 <StatusBadge status='unknown' />
          </View>
          <View className='caption'>{summary.unpublished.text}</View>
          {alternatives.map((quick) => (
            <Pressable key={quick.date} className='button button--secondary' onPress={() => onDateChange(quick.date)}>
              {`改按${quick.label}购买计算（${quick.date}）`}
            </Pressable>
          ))}
        </View>
      ) : (
        <View>
          <View className='subsidy-field__label'>{date} 购买没有适用的规则</View>
          <View className='caption'>{summary.unavailableReason}</View>
          {alternatives.map((quick) => (
            <Pressable key={quick.date} className='button button--secondary' onPress={() => onDateChange(quick.date)}>
              {`改按${quick.label}购买计算（${quick.date}）`}
            </Pressable>
          ))}
        </View>
      )}
    </View>
  )
}
