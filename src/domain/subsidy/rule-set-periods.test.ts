import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import { quickPurchaseDates, ruleSetTimeline } from './rule-set-periods'
import { quoteSubsidy } from './quote-subsidy'

describe('ruleSetTimeline', () => {
  test.each([
    ['2024-12-31', null, []],
    ['2025-12-31', 'quzhou-2025', []],
    ['2026-01-01', 'national-2026', ['quzhou-2025']],
    ['2027-01-01', null, ['national-2026', 'quzhou-2025']],
  ])('on %s', (date, current, ended) => {
    const timeline = ruleSetTimeline(date)
    expect(timeline.current?.id ?? null).toBe(current)
    expect(timeline.ended.map((ruleSet) => ruleSet.id)).toEqual(ended)
  })
})

describe('quickPurchaseDates', () => {
  test('in 2026: today under the 2026 rules, and the last day of 2025 under the 2025 rules', () => {
    expect(quickPurchaseDates('2026-11-28')).toEqual([
      { date: '2026-11-28', label: '今天', ruleSetId: 'national-2026' },
      { date: '2025-12-31', label: '2025 年内', ruleSetId: 'quzhou-2025' },
    ])
  })

  test('in 2025 only today is offered', () => {
    expect(quickPurchaseDates('2025-06-01')).toEqual([{ date: '2025-06-01', label: '今天', ruleSetId: 'quzhou-2025' }])
  })

  test('every offered date is quoted under the rule set it names', () => {
    for (const quick of quickPurchaseDates('2027-03-01', BUNDLED_SUBSIDY_RULE_SETS)) {
      const quote = quoteSubsidy(
        { measure: 'appliance', category: 'refrigerator', priceYuan: '3000', grade: 1, purchaseDate: quick.date },
        { today: '2027-03-01' },
      )
      expect(quote.ruleSetId).toBe(quick.ruleSetId ?? 'none')
    }
  })
})
