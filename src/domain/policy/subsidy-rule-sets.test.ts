import { getClause } from './clauses'
import { checkRuleSetConsistency, subsidyRuleSetSchema } from './subsidy-rule-schema'
import { BUNDLED_SUBSIDY_RULE_SETS, findRuleSetForDate } from './subsidy-rule-sets'
import { formatDataPath, listUnconfirmedFigures } from './subsidy-rules'
import { QUZHOU_2025 } from './subsidy-quzhou-2025'

describe('the bundled rule sets', () => {
  test.each(BUNDLED_SUBSIDY_RULE_SETS.map((ruleSet) => [ruleSet.id, ruleSet] as const))(
    '%s passes the override schema and consistency checks',
    (_id, ruleSet) => {
      const parsed = subsidyRuleSetSchema.safeParse(ruleSet)
      expect(parsed.success ? [] : parsed.error.issues).toEqual([])
      expect(checkRuleSetConsistency(ruleSet)).toEqual([])
    },
  )

  test.each([
    ['2024-12-31', undefined],
    ['2025-01-01', 'quzhou-2025'],
    ['2025-12-31', 'quzhou-2025'],
    ['2026-01-01', 'national-2026'],
    ['2026-12-31', 'national-2026'],
    ['2027-01-01', undefined],
  ])('%s → %s', (date, id) => {
    expect(findRuleSetForDate(date)?.id).toBe(id)
  })

  test('the bundled data cannot be edited in place', () => {
    expect(() => {
      ;(QUZHOU_2025.measures.appliance!.capFen as { value: number }).value = 1
    }).toThrow(TypeError)
  })

  test('every figure not confirmed, by path — the list an operator works through', () => {
    const unconfirmed = Object.fromEntries(
      BUNDLED_SUBSIDY_RULE_SETS.map((ruleSet) => [
        ruleSet.id,
        listUnconfirmedFigures(ruleSet).map(({ path, figure }) => `${formatDataPath(path)} ${figure.status}`),
      ]),
    )
    expect(unconfirmed['quzhou-2025']).toEqual([
      'measures.furniture.perPersonTotalCapFen unknown',
      'measures.car-replace.amounts.nev.tiers unknown',
      'measures.car-replace.amounts.fuel.tiers unknown',
      'measures.ebike.baseAmountFen provisional',
      'measures.ebike.extras[0] provisional',
      'measures.ebike.perPersonLimit unknown',
      'measures.renovation.kinds.decoration-material.rates.byGrade.1 provisional',
      'measures.renovation.kinds.decoration-material.rates.otherGrades provisional',
      'measures.renovation.kinds.decoration-material.capFen unknown',
      'measures.renovation.kinds.sanitary-ware.rates.byGrade.1 provisional',
      'measures.renovation.kinds.sanitary-ware.rates.otherGrades provisional',
      'measures.renovation.kinds.sanitary-ware.capFen unknown',
      'measures.renovation.kinds.furniture-lighting.rates.byGrade.1 provisional',
      'measures.renovation.kinds.furniture-lighting.rates.otherGrades provisional',
      'measures.renovation.kinds.furniture-lighting.capFen unknown',
      'measures.renovation.kinds.smart-home.rates.byGrade.1 provisional',
      'measures.renovation.kinds.smart-home.rates.otherGrades provisional',
      'measures.renovation.kinds.smart-home.capFen unknown',
      'measures.renovation.kinds.elderly-adaptation.rates.otherGrades provisional',
      'measures.renovation.kinds.elderly-adaptation.capFen unknown',
      'measures.renovation.perPersonTotalCapFen unknown',
    ])
    expect(unconfirmed['national-2026']).toHaveLength(listUnconfirmedFigures(BUNDLED_SUBSIDY_RULE_SETS[1]).length)
    expect(BUNDLED_SUBSIDY_RULE_SETS[1].status).toBe('provisional')
  })

  test('confirmed city figures are the ones the clause text states', () => {
    const text = getClause('十四').text
    const appliance = QUZHOU_2025.measures.appliance!
    const furniture = QUZHOU_2025.measures.furniture!
    const digital = QUZHOU_2025.measures.digital!
    const replace = QUZHOU_2025.measures['car-replace']!
    const stated: Array<[number, string]> = [
      [appliance.rates.byGrade['1']!.value, '按20%'],
      [appliance.rates.byGrade['2']!.value, '15%补贴'],
      [appliance.capFen.value / 100, '最高补贴2000元/件'],
      [furniture.rates.otherGrades!.value, '按售价15%'],
      [furniture.rates.byGrade['1']!.value, '或20%'],
      [digital.priceLimitFen.value / 100, '单品售价6000元以下'],
      [digital.ratePercent.value, '按照15%补贴'],
      [digital.capFen.value / 100, '最高补贴500元'],
      [replace.amounts.nev.basis === 'tiers' ? replace.amounts.nev.capFen.value / 10_000_00 : NaN, '新能源汽车最高补贴1.5万元/辆'],
      [replace.amounts.fuel.basis === 'tiers' ? replace.amounts.fuel.capFen.value / 10_000_00 : NaN, '燃油车最高补贴1.3万元/辆'],
    ]
    for (const [value, phrase] of stated) {
      expect(text).toContain(phrase)
      expect(phrase.replace('按20%', '按20').replace('或20%', '或20')).toContain(String(value))
    }
  })
})
