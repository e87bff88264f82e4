import { BUNDLED_SUBSIDY_RULE_SETS } from '../policy/subsidy-rule-sets'
import { purchaseDatePicks, quickPurchaseDates, ruleSetTimeline } from './rule-set-periods'
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

describe('purchaseDatePicks', () => {
  test('in March 2026: today, the same day last month, the 2026 rules from their first day, 2025 by its last and first day', () => {
    expect(purchaseDatePicks('2026-03-15', BUNDLED_SUBSIDY_RULE_SETS, ['appliance'])).toEqual([
      { label: '今天', date: '2026-03-15' },
      { label: '上个月', date: '2026-02-15' },
      { label: '2026 年首日', date: '2026-01-01' },
      { label: '2025 年内', date: '2025-12-31' },
      { label: '2025 年首日', date: '2025-01-01' },
    ])
  })

  test('上个月 is clamped to the shorter month; a rule set not begun yet gives no date', () => {
    expect(purchaseDatePicks('2025-03-31', BUNDLED_SUBSIDY_RULE_SETS, ['digital'])).toEqual([
      { label: '今天', date: '2025-03-31' },
      { label: '上个月', date: '2025-02-28' },
      { label: '2025 年首日', date: '2025-01-01' },
    ])
  })

  test('a rule set that says nothing about the measure gives no dates; 尚未公布 still counts', () => {
    const only2025 = BUNDLED_SUBSIDY_RULE_SETS.map((ruleSet) =>
      ruleSet.id === 'national-2026' ? { ...ruleSet, measures: {}, unpublished: {} } : ruleSet,
    )
    expect(purchaseDatePicks('2026-03-15', only2025, ['appliance']).map((pick) => pick.date)).toEqual([
      '2026-03-15',
      '2026-02-15',
      '2025-12-31',
      '2025-01-01',
    ])
    const ebike2026 = BUNDLED_SUBSIDY_RULE_SETS.find((ruleSet) => ruleSet.id === 'national-2026')
    expect(ebike2026?.unpublished?.ebike).toBeDefined()
    expect(purchaseDatePicks('2026-03-15', BUNDLED_SUBSIDY_RULE_SETS, ['ebike']).map((pick) => pick.label)).toContain('2026 年首日')
  })

  test('no offered date is after today, and each rule-set date is quoted under that rule set', () => {
    for (const today of ['2025-01-02', '2025-07-31', '2026-01-01', '2026-12-31', '2027-02-01']) {
      const picks = purchaseDatePicks(today, BUNDLED_SUBSIDY_RULE_SETS, ['appliance'])
      for (const pick of picks) expect(pick.date <= today).toBe(true)
      for (const pick of picks.slice(2)) {
        const quote = quoteSubsidy(
          { measure: 'appliance', category: 'refrigerator', priceYuan: '3000', grade: 1, purchaseDate: pick.date },
          { today },
        )
        expect(quote.ruleSetId).toBe(pick.date.startsWith('2025') ? 'quzhou-2025' : 'national-2026')
      }
    }
  })
})
