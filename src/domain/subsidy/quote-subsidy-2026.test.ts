/**
 * The 2026 rules (rule set national-2026), table-driven from facts.md "After 2025": 发改环资〔2025〕
 * 1745号 as reported by 新华社 / 第一财经 on 2025-12-30, provisional. Today is 2026-12-06 in these
 * tests, as on the residents' phones the issue was found on.
 */
import { ESTIMATE_NOTE, quoteSubsidy, tryQuoteSubsidy } from './quote-subsidy'
import type { CarReplaceInput, CarScrapInput, SubsidyInput } from './subsidy-input'
import { carReplace, carScrap } from './test-inputs'
import { APPLIANCE_CATEGORIES, DIGITAL_CATEGORIES, type ApplianceCategory, type DigitalCategory } from '../policy/subsidy-vocabulary'

const TODAY = '2026-12-06'
const quote = (input: SubsidyInput) => quoteSubsidy(input, { today: TODAY })
const NEVER_NO = /没有.*补贴|不能补贴|不符合|不在补贴范围/

describe('digital and smart products 2026: 手机, 平板, 智能手表手环, 智能眼镜; ≤ ¥6,000 inclusive, 15%, cap ¥500', () => {
  const rows: Array<[DigitalCategory, string, number]> = [
    ['phone', '3000', 450_00],
    ['phone', '6000', 500_00],
    ['phone', '3333.33', 500_00],
    ['phone', '3333.29', 499_99],
    ['phone', '6000.01', 0],
    ['tablet', '2000', 300_00],
    ['smartwatch', '1000', 150_00],
    ['smart-glasses', '2999', 449_85],
    ['smart-glasses', '6000', 500_00],
    ['smart-glasses', '6500', 0],
  ]
  test.each(rows)('%s at ¥%s → %i fen', (category, priceYuan, amountFen) => {
    const result = quote({ measure: 'digital', category, priceYuan, purchaseDate: '2026-12-01' })
    expect(result.amountFen).toBe(amountFen)
    expect(result.eligible).toBe(amountFen > 0)
    expect(result.ruleSetId).toBe('national-2026')
    expect(result.provisional).toBe(true)
    expect(result.statusLabel).toBe('待官方确认')
    expect(result.sources[0].title).toContain('发改环资〔2025〕1745号')
  })

  test('every 2026 kind is a category, and no old item is asked for (购新)', () => {
    expect(DIGITAL_CATEGORIES).toContain('smart-glasses')
    const result = quote({ measure: 'digital', category: 'smart-glasses', priceYuan: 3000, purchaseDate: '2026-01-01' })
    expect(result.reasons[0]).toBe('智能眼镜：单件售价 ¥6,000 以下按 15% 补贴，每件最高 ¥500（发改环资〔2025〕1745号（据报道））')
    expect(result.figures.find((figure) => figure.label === '数码产品每人每类限购件数')).toBeUndefined()
  })

  test('smart glasses bought in 2025 are not subsidised, and the reason says they joined in 2026', () => {
    const result = quote({ measure: 'digital', category: 'smart-glasses', priceYuan: 3000, purchaseDate: '2025-06-01' })
    expect(result.eligible).toBe(false)
    expect(result.amountFen).toBe(0)
    expect(result.reasons[0]).toContain('智能眼镜自 2026-01-01 起才纳入数码产品补贴')
    expect(result.reasons[0]).toContain('2025-06-01 购买的智能眼镜不在补贴范围内')
  })
})

describe('appliances 2026: six kinds, grade 1 energy OR water efficiency, 15%, cap ¥1,500', () => {
  const SIX: ApplianceCategory[] = ['refrigerator', 'washing-machine', 'television', 'air-conditioner', 'computer', 'water-heater']
  test.each(APPLIANCE_CATEGORIES.map((category) => [category, SIX.includes(category)] as const))(
    '%s eligible: %s',
    (category, eligible) => {
      const result = quote({ measure: 'appliance', category, grade: 1, priceYuan: 5000, purchaseDate: '2026-06-01' })
      expect(result.eligible).toBe(eligible)
      expect(result.amountFen).toBe(eligible ? 750_00 : 0)
    },
  )
  test.each([
    [1, '10000', 1_500_00],
    [1, '9999.99', 1_500_00],
    [1, '9999.93', 1_499_99],
    [2, '5000', 0],
    [null, '5000', 0],
  ] as const)('grade %s at ¥%s → %i fen', (grade, priceYuan, amountFen) => {
    expect(quote({ measure: 'appliance', category: 'television', grade, priceYuan, purchaseDate: '2026-06-01' }).amountFen).toBe(amountFen)
  })
  test('one per kind per person: no air-conditioner exception in 2026', () => {
    const result = quote({ measure: 'appliance', category: 'air-conditioner', grade: 1, priceYuan: 5000, purchaseDate: '2026-06-01' })
    expect(result.figures.find((figure) => figure.label === '家电每件补贴上限')).toMatchObject({
      display: '¥1,500/件',
      status: 'provisional',
    })
  })
})

const scrap = (overrides: Partial<CarScrapInput> = {}): CarScrapInput =>
  carScrap({
    oldCarRegisteredOn: '2016-03-01',
    oldCarOwnedSince: '2025-06-01',
    priceYuan: 100000,
    purchaseDate: '2026-06-01',
    ...overrides,
  })
const replace = (overrides: Partial<CarReplaceInput> = {}): CarReplaceInput =>
  carReplace({ oldCarOwnedSince: '2025-06-01', priceYuan: 100000, purchaseDate: '2026-06-01', ...overrides })

describe('cars 2026: 报废 12% cap 20,000 / 10% cap 15,000; 置换 8% cap 15,000 / 6% cap 13,000', () => {
  test.each([
    ['报废 NEV ¥100,000 → 12%', scrap(), 12_000_00],
    ['报废 NEV ¥200,000 → cap', scrap({ priceYuan: 200000 }), 20_000_00],
    ['报废 NEV ¥166,666.67 → 20,000.0004 rounds to cap', scrap({ priceYuan: '166666.67' }), 20_000_00],
    ['报废 fuel 1.5 L ¥100,000 → 10%', scrap({ newCarEnergy: 'fuel', newCarDisplacementL: 1.5 }), 10_000_00],
    ['报废 fuel ¥200,000 → cap', scrap({ newCarEnergy: 'fuel', newCarDisplacementL: 2.0, priceYuan: 200000 }), 15_000_00],
    ['报废 fuel 2.5 L → over 2.0 L', scrap({ newCarEnergy: 'fuel', newCarDisplacementL: 2.5 }), 0],
    ['置换 NEV ¥100,000 → 8%', replace(), 8_000_00],
    ['置换 NEV ¥200,000 → cap', replace({ priceYuan: 200000 }), 15_000_00],
    ['置换 fuel ¥100,000 → 6%', replace({ newCarEnergy: 'fuel' }), 6_000_00],
    ['置换 fuel ¥250,000 → cap', replace({ newCarEnergy: 'fuel', priceYuan: 250000 }), 13_000_00],
  ] as const)('%s', (_name, input, amountFen) => {
    expect(quote(input).amountFen).toBe(amountFen)
  })

  test('the 2025 registration and ownership cut-offs are points to check in 2026, not grounds for rejection', () => {
    const result = quote(scrap({ oldCarRegisteredOn: '2020-01-01', oldCarOwnedSince: '2026-02-01' }))
    expect(result.eligible).toBe(true)
    const text = result.reasons.join('\n')
    expect(text).toContain('请核对（待官方确认）：报废旧车的注册登记日期')
    expect(text).toContain('请核对（待官方确认）：旧车登记在本人名下的时间')
    expect(text).not.toMatch(/不符合/)
    const checks = result.provisionalFigures.filter((figure) => figure.label === '旧车登记在本人名下的时间')
    expect(checks).toHaveLength(1)
    expect(checks[0].source).toContain('商办消费函〔2025〕8号')
    expect(quote(replace({ oldCarOwnedSince: '2026-02-01' })).eligible).toBe(true)
  })

  test('the new NEV must be on the purchase-tax exemption catalogue: asked, with three answers', () => {
    expect(quote(scrap({ newCarOnTaxExemptionCatalogue: true })).amountFen).toBe(12_000_00)
    const no = quote(scrap({ newCarOnTaxExemptionCatalogue: false }))
    expect(no.eligible).toBe(false)
    expect(no.reasons[0]).toContain('《减免车辆购置税的新能源汽车车型目录》')
    const unsure = quote(replace())
    expect(unsure.eligible).toBe(true)
    expect(unsure.reasons.join('')).toContain('请核对：新能源新车须列入《减免车辆购置税的新能源汽车车型目录》')
    expect(quote(replace({ newCarOnTaxExemptionCatalogue: false, newCarEnergy: 'fuel' })).eligible).toBe(true)
  })

  test('2025 cars keep their 2025 conditions', () => {
    const result = quote(scrap({ purchaseDate: '2025-06-01' }))
    expect(result.eligible).toBe(false)
    expect(result.reasons.join('')).toContain('2012-06-30（含）前注册登记')
  })
})

describe('furniture, e-bikes, renovation and smart home in 2026: unknown, not "no"', () => {
  const inputs: SubsidyInput[] = [
    { measure: 'furniture', priceYuan: 3000, grade: null, purchaseDate: '2026-12-01' },
    {
      measure: 'ebike',
      oldBatteryType: 'lead-acid',
      newBatteryType: 'lithium',
      oldEbikeHandedToRecycler: true,
      newEbikeCompliant: true,
      priceYuan: 3000,
      purchaseDate: '2026-12-01',
    },
    { measure: 'renovation', kind: 'decoration-material', priceYuan: 10000, grade: 1, purchaseDate: '2026-12-01' },
    { measure: 'renovation', kind: 'smart-home', priceYuan: 2000, grade: null, purchaseDate: '2026-12-01' },
    { measure: 'renovation', kind: 'elderly-adaptation', priceYuan: 2000, grade: null, purchaseDate: '2026-12-01' },
  ]
  test.each(inputs.map((input) => [input.measure + ('kind' in input ? ` ${input.kind}` : ''), input] as const))('%s', (_name, input) => {
    const result = quote(input)
    expect(result.eligible).toBe(false)
    expect(result.amountFen).toBe(0)
    expect(result.unpublished?.text).toMatch(/尚未公布.*待官方确认/)
    expect(result.unpublished?.source).toContain('发改环资〔2025〕1745号')
    expect(result.statusLabel).toBe('待官方确认')
    expect(result.provisional).toBe(true)
    expect(result.reasons.join('\n')).not.toMatch(NEVER_NO)
    expect(result.ruleSetId).toBe('national-2026')
  })

  test('smart home (incl. 适老化 products) is named as subsidised at local rates not yet found', () => {
    const result = quote(inputs[3])
    expect(result.reasons[0]).toContain('智能家居产品（含适老化家居产品）')
    expect(result.reasons[0]).toContain('衢州的标准尚未公布')
  })

  test('after the last rule set (a 2027 purchase) the rule is not published either', () => {
    const result = quoteSubsidy(inputs[0], { today: '2027-02-01' })
    expect(quoteSubsidy({ ...inputs[0], purchaseDate: '2027-02-01' }, { today: '2027-02-01' }).unpublished?.text).toContain(
      '2027 年家居补贴的规则尚未公布',
    )
    expect(result.unpublished).toBeDefined()
  })
})

describe('every quote is an estimate, and a date after today is refused', () => {
  test.each([
    ['eligible', { measure: 'digital', category: 'phone', priceYuan: 3000, purchaseDate: '2026-12-06' }],
    ['not eligible', { measure: 'digital', category: 'phone', priceYuan: 7000, purchaseDate: '2026-12-06' }],
    ['unpublished', { measure: 'furniture', priceYuan: 3000, grade: null, purchaseDate: '2026-12-06' }],
    ['before every rule set', { measure: 'furniture', priceYuan: 3000, grade: null, purchaseDate: '2024-06-01' }],
  ] as const)('%s: says 以实际核销为准', (_name, input) => {
    expect(quote(input as SubsidyInput).reasons).toContain(ESTIMATE_NOTE)
    expect(ESTIMATE_NOTE).toContain('以实际核销为准')
  })

  test('tomorrow is refused with a clear Chinese message naming the field; today is fine', () => {
    const tomorrow = tryQuoteSubsidy(
      { measure: 'digital', category: 'phone', priceYuan: 3000, purchaseDate: '2026-12-07' },
      { today: TODAY },
    )
    expect(tomorrow.ok).toBe(false)
    if (!tomorrow.ok) {
      expect(tomorrow.error.code).toBe('SUBSIDY_FUTURE_DATE')
      expect(tomorrow.error.field).toBe('purchaseDate')
      expect(tomorrow.error.message).toBe(
        '购买日期 2026-12-07 还没到（今天是 2026-12-06），请填写实际购买的日期；还没买的，可以先按今天的日期估算',
      )
    }
    expect(tryQuoteSubsidy({ measure: 'digital', category: 'phone', priceYuan: 3000, purchaseDate: TODAY }, { today: TODAY }).ok).toBe(true)
  })

  test('a car registered "in the future" is refused too', () => {
    expect(() => quote(scrap({ oldCarRegisteredOn: '2027-01-01', oldCarOwnedSince: '2027-01-01' }))).toThrow(
      /旧车注册登记日期 2027-01-01 还没到/,
    )
  })

  test('no quote names a rule-set id', () => {
    for (const input of inputs2026()) expect(quote(input).reasons.join('')).not.toMatch(/national-2026|quzhou-2025/)
  })
})

function inputs2026(): SubsidyInput[] {
  return [
    scrap(),
    replace(),
    { measure: 'digital', category: 'phone', priceYuan: 3000, purchaseDate: '2026-12-01' },
    { measure: 'appliance', category: 'television', grade: 1, priceYuan: 3000, purchaseDate: '2026-12-01' },
    { measure: 'furniture', priceYuan: 3000, grade: null, purchaseDate: '2025-12-01' },
  ]
}
