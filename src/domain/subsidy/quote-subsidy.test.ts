import { getClause } from '../policy/clauses'
import { NO_RULE_SET_ID, quoteSubsidy, type SubsidyInput } from '.'
import { appliance, carReplace, carScrap, digital, ebike, furniture, renovation } from './test-inputs'

type Row = [name: string, input: SubsidyInput, amountFen: number, ruleSetId?: string]

function expectQuote([, input, amountFen, ruleSetId]: Row) {
  const quote = quoteSubsidy(input)
  expect(quote.amountFen).toBe(amountFen)
  expect(quote.eligible).toBe(amountFen > 0)
  if (ruleSetId) expect(quote.ruleSetId).toBe(ruleSetId)
  expect(quote.reasons.length).toBeGreaterThan(0)
  expect(quote.reasons.join('')).toMatch(/[\u4e00-\u9fa5]/)
  return quote
}

describe('家电 (appliances): grade 1 20%, grade 2 15%, ¥2,000 per item in 2025', () => {
  const rows: Row[] = [
    ['issue example: 空调 ¥5,000 一级 → ¥1,000', appliance(), 1_000_00, 'quzhou-2025'],
    ['冰箱 ¥5,000 二级 → ¥750', appliance({ category: 'refrigerator', grade: 2 }), 750_00],
    ['grade 3 is not subsidised', appliance({ grade: 3 }), 0],
    ['no energy label is not subsidised', appliance({ grade: null }), 0],
    ['¥9,999.99 一级: ¥1,999.998 rounds half up to ¥2,000.00', appliance({ priceYuan: '9999.99' }), 2_000_00],
    ['¥9,999.97 一级: ¥1,999.994 rounds down', appliance({ priceYuan: '9999.97' }), 1_999_99],
    ['¥10,000 一级: exactly the cap', appliance({ priceYuan: '10000' }), 2_000_00],
    ['¥10,000.01 一级: capped', appliance({ priceYuan: '10000.01' }), 2_000_00],
    ['¥12,000 一级: capped at ¥2,000', appliance({ priceYuan: '¥12,000' }), 2_000_00],
    ['¥13,333.33 二级: ¥1,999.9995 rounds to the cap', appliance({ grade: 2, priceYuan: '13333.33' }), 2_000_00],
    ['¥1.10 二级: 16.5 fen rounds half up to 17', appliance({ grade: 2, priceYuan: '1.10' }), 17],
    ['微波炉 is one of the 12 categories in 2025', appliance({ category: 'microwave', priceYuan: 1000 }), 200_00],
    ['2025-12-31 still quzhou-2025', appliance({ purchaseDate: '2025-12-31' }), 1_000_00, 'quzhou-2025'],
    ['2026-01-01 national-2026: grade 1 15%', appliance({ purchaseDate: '2026-01-01' }), 750_00, 'national-2026'],
    ['2026 cap ¥1,500', appliance({ purchaseDate: '2026-01-01', priceYuan: 12000 }), 1_500_00, 'national-2026'],
    ['2026 grade 2 has no rule', appliance({ purchaseDate: '2026-01-01', grade: 2 }), 0, 'national-2026'],
    [
      '2026 微波炉 is not among the 6 categories',
      appliance({ purchaseDate: '2026-03-01', category: 'microwave', priceYuan: 1000 }),
      0,
      'national-2026',
    ],
    ['2024-12-31: before any rule set', appliance({ purchaseDate: '2024-12-31' }), 0, NO_RULE_SET_ID],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('the working, the cap price and the clause for the issue example', () => {
    const quote = quoteSubsidy(appliance())
    expect(quote.ratePercent).toBe(20)
    expect(quote.capFen).toBe(2_000_00)
    expect(quote.working).toMatchObject({ priceFen: 5_000_00, ratePercent: 20, rawFen: 1_000_00, capFen: 2_000_00, capped: false })
    expect(quote.working?.text).toBe('¥5,000.00 × 20% = ¥1,000.00；封顶 ¥2,000.00')
    expect(quote.capBindsAboveFen).toBe(10_000_00)
    expect(quote.capNote).toBe('售价超过 ¥10,000 补贴不再增加（封顶 ¥2,000）')
    expect(quote.deadline).toBe('2025-12-31')
    expect(quote.provisional).toBe(false)
    expect(quote.sources).toContainEqual(expect.objectContaining({ clause: '十四', text: getClause('十四').text, verbatim: true }))
    expect(quote.reasons[0]).toContain('衢政发〔2025〕4号（十四）')
  })

  test('the cap binds above the price it names and not below', () => {
    // ¥10,000.02 × 20% = ¥2,000.004 → ¥2,000.00: the cap changes nothing yet.
    const roundsToCap = quoteSubsidy(appliance({ priceYuan: '10000.02' }))
    expect(roundsToCap.working).toMatchObject({ rawFen: 2_000_00, capped: false, amountFen: 2_000_00 })
    // ¥10,000.03 × 20% = ¥2,000.006 → ¥2,000.01, cut to ¥2,000.00 by the cap.
    const capped = quoteSubsidy(appliance({ priceYuan: '10000.03' }))
    expect(capped.working).toMatchObject({ rawFen: 2_000_01, capped: true, amountFen: 2_000_00 })
    expect(capped.reasons.join('')).toContain('超过上限')
    const atCap = quoteSubsidy(appliance({ priceYuan: '10000' }))
    expect(atCap.working?.capped).toBe(false)
    expect(quoteSubsidy(appliance({ priceYuan: '9999.97' })).amountFen).toBeLessThan(2_000_00)
    const above = quoteSubsidy(appliance({ priceYuan: 12000 }))
    expect(above.working?.text).toBe('¥12,000.00 × 20% = ¥2,400.00；封顶 ¥2,000.00，按 ¥2,000.00 补贴')
    expect(quoteSubsidy(appliance({ grade: 2 })).capBindsAboveFen).toBe(13_333_33)
  })

  test('grade 2 vs grade 3: the reason names the qualifying grades', () => {
    expect(quoteSubsidy(appliance({ grade: 2 })).eligible).toBe(true)
    const grade3 = quoteSubsidy(appliance({ grade: 3 }))
    expect(grade3.eligible).toBe(false)
    expect(grade3.working).toBeNull()
    expect(grade3.reasons[0]).toContain('一级能效、二级能效')
    expect(grade3.reasons[0]).toContain('三级能效不能补贴')
  })

  test('2026 quotes are provisional and say which version applied', () => {
    const quote = quoteSubsidy(appliance({ purchaseDate: '2026-01-01' }))
    expect(quote.provisional).toBe(true)
    expect(quote.statusLabel).toBe('待官方确认')
    expect(quote.reasons.join('')).toContain('适用规则：2026 年消费品以旧换新（国家统一标准，待官方确认）')
    expect(quote.reasons.join('')).not.toContain('national-2026')
    const microwave = quoteSubsidy(appliance({ purchaseDate: '2026-03-01', category: 'microwave' }))
    expect(microwave.reasons[0]).toContain('微波炉不在其中')
  })

  test('no rule set on the date: the reason says so and lists the known periods', () => {
    const quote = quoteSubsidy(appliance({ purchaseDate: '2024-12-31' }))
    expect(quote.reasons[0]).toContain('不在本应用收录的任何一套补贴规则的有效期内')
    expect(quote.reasons[0]).toContain('衢州 2025 年消费品以旧换新（衢政发〔2025〕4号 第十四条） 2025-01-01 至 2025-12-31')
    expect(quote.ruleSetId).toBe(NO_RULE_SET_ID)
    expect(quote.deadline).toBeNull()
  })
})

describe('家居 (furniture): 15%, 20% for grade 1, ¥2,000 per item', () => {
  const rows: Row[] = [
    ['bed ¥3,000 without label → 15%', furniture(), 450_00],
    ['grade 1 → 20%', furniture({ grade: 1 }), 600_00],
    ['grade 3 still 15%', furniture({ grade: 3 }), 450_00],
    ['¥20,000 grade 1 → capped', furniture({ grade: 1, priceYuan: 20000 }), 2_000_00],
    ['2026: the furniture rule is not published yet', furniture({ purchaseDate: '2026-01-01' }), 0, 'national-2026'],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('2026 says the furniture rule is not published yet (待官方确认), never that there is none', () => {
    const quote = quoteSubsidy(furniture({ purchaseDate: '2026-01-01' }))
    expect(quote.reasons[0]).toContain('2026 年家居换新补贴的规则尚未公布')
    expect(quote.unpublished?.text).toBe(quote.reasons[0])
    expect(quote.statusLabel).toBe('待官方确认')
    expect(quote.reasons.join('')).not.toMatch(/没有.*补贴|不能补贴|不符合/)
  })
})

describe('数码产品 (digital): ≤ ¥6,000 inclusive, 15%, ¥500 per item, from 2025-01-20', () => {
  const rows: Row[] = [
    ['phone ¥3,000 → ¥450', digital(), 450_00],
    ['phone ¥6,000 qualifies ("6000元以下" includes 6,000), capped at ¥500', digital({ priceYuan: '6000' }), 500_00],
    ['phone ¥6,000.01 does not qualify', digital({ priceYuan: '6000.01' }), 0],
    ['smartwatch ¥1,000 → ¥150', digital({ category: 'smartwatch', priceYuan: 1000 }), 150_00],
    ['tablet ¥3,333.33 → ¥499.9995 rounds to ¥500', digital({ category: 'tablet', priceYuan: '3333.33' }), 500_00],
    ['2025-01-19: digital not yet in force', digital({ purchaseDate: '2025-01-19' }), 0, 'quzhou-2025'],
    ['2025-01-20: first day', digital({ purchaseDate: '2025-01-20' }), 450_00, 'quzhou-2025'],
    ['2025-12-31: last day', digital({ purchaseDate: '2025-12-31' }), 450_00],
    ['2026-01-01: 15% under the 2026 national standard', digital({ purchaseDate: '2026-01-01' }), 450_00, 'national-2026'],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('the price limit is named in the quote and in the reason', () => {
    const over = quoteSubsidy(digital({ priceYuan: '6000.01' }))
    expect(over.priceLimitFen).toBe(6_000_00)
    expect(over.reasons[0]).toContain('超过 ¥6,000')
    expect(quoteSubsidy(digital()).capBindsAboveFen).toBe(3_333_33)
  })

  test('2025-01-19 says when digital subsidies start', () => {
    expect(quoteSubsidy(digital({ purchaseDate: '2025-01-19' })).reasons[0]).toContain('自 2025-01-20 起实施')
  })
})

describe('汽车报废更新 (car scrap)', () => {
  const rows: Row[] = [
    ['NEV: ¥20,000 fixed', carScrap(), 20_000_00, 'quzhou-2025'],
    ['fuel car 1.5 L: ¥15,000 fixed', carScrap({ newCarEnergy: 'fuel', newCarDisplacementL: 1.5 }), 15_000_00],
    ['fuel car exactly 2.0 L qualifies', carScrap({ newCarEnergy: 'fuel', newCarDisplacementL: 2.0 }), 15_000_00],
    ['fuel car 2.01 L does not', carScrap({ newCarEnergy: 'fuel', newCarDisplacementL: 2.01 }), 0],
    ['petrol registered 2012-06-30 qualifies', carScrap({ oldCarRegisteredOn: '2012-06-30' }), 20_000_00],
    ['petrol registered 2012-07-01 does not', carScrap({ oldCarRegisteredOn: '2012-07-01' }), 0],
    ['diesel registered 2014-06-30 qualifies', carScrap({ oldCarFuel: 'diesel', oldCarRegisteredOn: '2014-06-30' }), 20_000_00],
    ['diesel registered 2014-07-01 does not', carScrap({ oldCarFuel: 'diesel', oldCarRegisteredOn: '2014-07-01' }), 0],
    ['other fuel registered 2014-06-30 qualifies', carScrap({ oldCarFuel: 'other', oldCarRegisteredOn: '2014-06-30' }), 20_000_00],
    [
      'old NEV registered 2018-12-31 qualifies',
      carScrap({ oldCarFuel: 'nev', oldCarRegisteredOn: '2018-12-31', oldCarOwnedSince: '2019-01-01' }),
      20_000_00,
    ],
    [
      'old NEV registered 2019-01-01 does not',
      carScrap({ oldCarFuel: 'nev', oldCarRegisteredOn: '2019-01-01', oldCarOwnedSince: '2019-01-01' }),
      0,
    ],
    ['owned since 2025-01-08 qualifies', carScrap({ oldCarOwnedSince: '2025-01-08' }), 20_000_00],
    ['owned since 2025-01-09 is too recent', carScrap({ oldCarOwnedSince: '2025-01-09' }), 0],
    ['a ¥12,000 NEV gets no more than its price', carScrap({ priceYuan: 12000 }), 12_000_00],
    ['2025-12-31 NEV ¥100,000: ¥20,000', carScrap({ priceYuan: 100000, purchaseDate: '2025-12-31' }), 20_000_00, 'quzhou-2025'],
    ['2026-01-01 NEV ¥100,000: 12% = ¥12,000', carScrap({ priceYuan: 100000, purchaseDate: '2026-01-01' }), 12_000_00, 'national-2026'],
    ['2026 NEV ¥200,000: capped at ¥20,000', carScrap({ priceYuan: 200000, purchaseDate: '2026-06-01' }), 20_000_00, 'national-2026'],
    [
      '2026 fuel ¥100,000: 10% = ¥10,000',
      carScrap({ newCarEnergy: 'fuel', newCarDisplacementL: 1.5, priceYuan: 100000, purchaseDate: '2026-06-01' }),
      10_000_00,
    ],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('every failed condition is a reason, each naming its rule', () => {
    const quote = quoteSubsidy(
      carScrap({ newCarEnergy: 'fuel', newCarDisplacementL: 2.5, oldCarRegisteredOn: '2012-07-01', oldCarOwnedSince: '2025-01-09' }),
    )
    expect(quote.eligible).toBe(false)
    expect(quote.reasons[0]).toContain('2012-06-30（含）前注册登记')
    expect(quote.reasons[1]).toContain('2025-01-08（含）前登记在本人名下')
    expect(quote.reasons[2]).toContain('2.0 升及以下')
    expect(quote.reasons.slice(0, 3).every((reason) => reason.includes('商办消费函〔2025〕8号'))).toBe(true)
  })

  test('2025 scrap is confirmed; the working states the fixed amount', () => {
    const quote = quoteSubsidy(carScrap())
    expect(quote.provisional).toBe(false)
    expect(quote.working?.text).toBe('定额 ¥20,000.00')
    expect(quote.sources.map((source) => source.clause)).toContain('商办消费函〔2025〕8号')
  })
})

describe('汽车置换更新 (car replacement)', () => {
  const rows: Row[] = [
    ['the one known example: a ¥155,800 NEV gets the full ¥15,000', carReplace(), 15_000_00],
    ['fuel ¥155,800: the full ¥13,000', carReplace({ newCarEnergy: 'fuel' }), 13_000_00],
    ['NEV ¥99,999.99: lowest tier', carReplace({ priceYuan: '99999.99' }), 8_000_00],
    ['NEV ¥100,000: middle tier', carReplace({ priceYuan: 100000 }), 12_000_00],
    ['NEV ¥149,999.99: middle tier', carReplace({ priceYuan: '149999.99' }), 12_000_00],
    ['NEV ¥150,000: top tier', carReplace({ priceYuan: 150000 }), 15_000_00],
    ['owned since 2025-01-08 qualifies', carReplace({ oldCarOwnedSince: '2025-01-08' }), 15_000_00],
    ['owned since 2025-01-09 is too recent', carReplace({ oldCarOwnedSince: '2025-01-09' }), 0],
    ['2026 NEV ¥100,000: 8%', carReplace({ priceYuan: 100000, purchaseDate: '2026-01-01' }), 8_000_00, 'national-2026'],
    ['2026 NEV ¥200,000: capped at ¥15,000', carReplace({ priceYuan: 200000, purchaseDate: '2026-01-01' }), 15_000_00],
    ['2026 fuel ¥100,000: 6%', carReplace({ newCarEnergy: 'fuel', priceYuan: 100000, purchaseDate: '2026-01-01' }), 6_000_00],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('the tier table is provisional and marked as such', () => {
    const quote = quoteSubsidy(carReplace())
    expect(quote.provisional).toBe(true)
    expect(quote.provisionalFigures.map((figure) => figure.label)).toEqual(['置换更新新能源车按新车价分档补贴'])
    expect(quote.provisionalFigures[0].statusLabel).toBe('待官方确认')
    expect(quote.reasons.join('')).toContain('待官方确认')
    expect(quote.capNote).toBe('新车价达到 ¥150,000 及以上，补贴为 ¥15,000，不再增加')
    expect(quote.capBindsAboveFen).toBe(150_000_00 - 1)
  })
})

describe('电动自行车 (e-bikes): provisional ¥500 base + ¥100 lithium → lead-acid', () => {
  const rows: Row[] = [
    ['lead-acid → lead-acid: base', ebike(), 500_00],
    ['lithium → lead-acid: base + extra', ebike({ oldBatteryType: 'lithium' }), 600_00],
    ['lead-acid → lithium: base only', ebike({ newBatteryType: 'lithium' }), 500_00],
    ['old e-bike not handed to a recycler', ebike({ oldEbikeHandedToRecycler: false }), 0],
    ['new e-bike not CCC / GB 17761-2024', ebike({ newEbikeCompliant: false }), 0],
    ['a ¥400 e-bike gets no more than its price', ebike({ priceYuan: 400 }), 400_00],
    ['2026: no e-bike rule', ebike({ purchaseDate: '2026-01-01' }), 0, 'national-2026'],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('amounts are provisional; the reasons say why a bike does not qualify', () => {
    expect(quoteSubsidy(ebike()).provisional).toBe(true)
    expect(quoteSubsidy(ebike({ oldEbikeHandedToRecycler: false })).reasons[0]).toContain('合格回收企业')
    expect(quoteSubsidy(ebike({ newEbikeCompliant: false })).reasons[0]).toContain('GB 17761-2024')
    expect(quoteSubsidy(ebike({ oldBatteryType: 'lithium' })).working?.text).toBe(
      '基础补贴 ¥500.00 + 锂电池车换铅酸电池车 ¥100.00 = ¥600.00',
    )
  })
})

describe('家装 (renovation): national ceilings 15% / 20% grade 1 / 30% 适老化, provisional ¥2,000 per item', () => {
  const rows: Row[] = [
    ['装修材料 ¥10,000 no label: 15%', renovation(), 1_500_00],
    ['装修材料 ¥10,000 grade 1: 20% reaches the cap exactly', renovation({ grade: 1 }), 2_000_00],
    ['卫生洁具 ¥20,000 grade 1: capped', renovation({ kind: 'sanitary-ware', grade: 1, priceYuan: 20000 }), 2_000_00],
    ['智能家居 ¥1,000 grade 2: 15%', renovation({ kind: 'smart-home', grade: 2, priceYuan: 1000 }), 150_00],
    ['适老化 ¥5,000: 30%', renovation({ kind: 'elderly-adaptation', priceYuan: 5000 }), 1_500_00],
    ['适老化 grade 1 is still 30%', renovation({ kind: 'elderly-adaptation', grade: 1, priceYuan: 5000 }), 1_500_00],
    ['2026: no renovation rule', renovation({ purchaseDate: '2026-01-01' }), 0, 'national-2026'],
  ]
  test.each(rows)('%s', (...row) => {
    expectQuote(row)
  })

  test('renovation quotes mark the rate and the cap as provisional', () => {
    const quote = quoteSubsidy(renovation())
    expect(quote.provisional).toBe(true)
    expect(quote.provisionalFigures.map((figure) => figure.status).sort()).toEqual(['provisional', 'unknown'])
  })
})
