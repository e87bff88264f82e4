import { Text, View } from '@tarojs/components'
import { formatFen } from '@/domain/money'
import { findRuleSetForDate } from '@/domain/policy/subsidy-rule-sets'
import type { SubsidyRuleSet } from '@/domain/policy/subsidy-rules'
import type { SubsidyQuote } from '@/domain/subsidy/quote-subsidy'
import { QuoteAmount } from './quote-result'

export interface CarComparisonProps {
  scrap: SubsidyQuote
  replace: SubsidyQuote
  /** The rule sets the two quotes were made with. */
  ruleSets: readonly SubsidyRuleSet[]
}

const OPTION_CAPTION = {
  scrap: '旧车交给报废回收企业，注销后买新车',
  replace: '旧车卖掉或过户给别人，再买新车',
} as const

/**
 * 报废更新 vs 置换更新 for the same purchase, side by side. When both apply the larger one is
 * marked in words, and the person is told the two cannot both be claimed for one car when the
 * rule set in force says so (exclusiveWithReplace).
 */
export function CarComparison({ scrap, replace, ruleSets }: CarComparisonProps) {
  const both = scrap.eligible && replace.eligible
  const best = both ? (scrap.amountFen >= replace.amountFen ? 'scrap' : 'replace') : null
  const exclusive = findRuleSetForDate(scrap.purchaseDate, ruleSets)?.measures['car-scrap']?.exclusiveWithReplace.value ?? false
  const columns = [
    { key: 'scrap', title: '报废更新', quote: scrap },
    { key: 'replace', title: '置换更新', quote: replace },
  ] as const
  return (
    <View className='card' aria-live='polite'>
      <View className='title'>报废和置换比一比</View>
      {both ? (
        <View className='subsidy-intro'>
          两种都符合条件{exclusive ? '，但同一辆车只能选一种' : ''}：{best === 'scrap' ? '报废更新' : '置换更新'}多补{' '}
          {formatFen(Math.abs(scrap.amountFen - replace.amountFen))}。
        </View>
      ) : scrap.eligible || replace.eligible ? (
        <View className='subsidy-intro'>只有{scrap.eligible ? '报废更新' : '置换更新'}符合条件，另一种的原因写在下面。</View>
      ) : (
        <View className='subsidy-intro'>两种都不符合条件，原因写在下面。</View>
      )}
      <View className='subsidy-compare'>
        {columns.map((column) => (
          <View
            key={column.key}
            className={`subsidy-compare__column ${best === column.key ? 'subsidy-compare__column--best' : ''}`}
            role='group'
            aria-label={column.title}
          >
            <View className='title'>{column.title}</View>
            <View className='caption'>{OPTION_CAPTION[column.key]}</View>
            {best === column.key ? <View className='subsidy-compare__best'>★ 补得更多</View> : null}
            <QuoteAmount quote={column.quote} />
            {column.quote.working ? <Text className='subsidy-result__working'>{column.quote.working.text}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  )
}
