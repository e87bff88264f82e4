import { View } from '@tarojs/components'
import { DateField } from '@/components/date-field'
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'
import type { SubsidyMeasure } from '@/domain/policy/subsidy-vocabulary'
import { purchaseDatePicks, ruleSetTimeline } from '@/domain/subsidy/rule-set-periods'

export interface PurchaseDateFieldProps {
  /** 'YYYY-MM-DD' (Shanghai). */
  value: string
  onChange: (date: string) => void
  /** Today in Shanghai, the default. */
  today: string
  label?: string
  /** The rule sets in use (useRuleSets): their periods give the one-tap dates. */
  ruleSets: readonly SubsidyRuleSet[]
  /** The measures the calculator quotes (both car measures on the car page): rule sets about them give dates. */
  measures: readonly SubsidyMeasure[]
}

/** Earliest purchase date offered: the first rule set starts in 2025; earlier dates have no rule. */
const EARLIEST_PURCHASE = '2024-01-01'

/**
 * The purchase date picks the rule set (quoteSubsidy). It is the shared date field (a native date
 * input on H5, WeChat's picker in the mini-program: keyboard and screen-reader usable, elder
 * sized) with the one-tap dates that fit the measure: 今天, 上个月 and the rule sets' first and
 * last days (purchaseDatePicks says why those).
 */
export function PurchaseDateField({ value, onChange, today, label = '购买日期', ruleSets, measures }: PurchaseDateFieldProps) {
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
        quickPicks={purchaseDatePicks(today, ruleSets, measures)}
      />
      {ended.length > 0 ? (
        <View className='caption'>
          {ended.map((ruleSet) => `${ruleSet.title}已于 ${ruleSet.effective.to} 结束`).join('；')}。补贴按购买日期适用当时的规则。
        </View>
      ) : null}
    </View>
  )
}
