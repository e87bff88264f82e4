import { View } from '@tarojs/components'
import { ChoiceList } from '@/components/choice-list'
import { DateField } from '@/components/date-field'
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'
import { quickPurchaseDates, ruleSetTimeline } from '@/domain/subsidy/rule-set-periods'

export interface PurchaseDateFieldProps {
  /** 'YYYY-MM-DD' (Shanghai). */
  value: string
  onChange: (date: string) => void
  /** Today in Shanghai, the default. */
  today: string
  label?: string
  /** The rule sets in use (useRuleSets): their periods give the one-tap dates. */
  ruleSets: readonly SubsidyRuleSet[]
}

/** Earliest purchase date offered: the first rule set starts in 2025; earlier dates have no rule. */
const EARLIEST_PURCHASE = '2024-01-01'

/**
 * The purchase date picks the rule set (quoteSubsidy), so besides the date picker it offers one-tap
 * dates: today, and the last day of each ended rule set ("2025 年内") for purchases made then.
 */
export function PurchaseDateField({ value, onChange, today, label = '购买日期', ruleSets }: PurchaseDateFieldProps) {
  const quickDates = quickPurchaseDates(today, ruleSets)
  const { ended } = ruleSetTimeline(today, ruleSets)
  return (
    <View className='subsidy-field'>
      <DateField
        label={label}
        value={value}
        onChange={onChange}
        start={EARLIEST_PURCHASE}
        end={today}
        hint={value === today ? '今天' : undefined}
      />
      {quickDates.length > 1 ? (
        <ChoiceList
          label='快速选择购买时间'
          options={quickDates.map((quick) => ({ value: quick.date, title: quick.label }))}
          value={quickDates.some((quick) => quick.date === value) ? value : null}
          variant='segmented'
          onChange={onChange}
        />
      ) : null}
      {ended.length > 0 ? (
        <View className='caption'>
          {ended.map((ruleSet) => `${ruleSet.title}已于 ${ruleSet.effective.to} 结束`).join('；')}。补贴按购买日期适用当时的规则。
        </View>
      ) : null}
    </View>
  )
}
