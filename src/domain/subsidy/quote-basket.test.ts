import {
  applySubsidyOverrides,
  BUNDLED_SUBSIDY_RULE_SETS,
  quoteBasket,
  SubsidyInputError,
  SUBSIDY_OVERRIDE_FORMAT,
  type SubsidyInput,
} from '.'
import { appliance, carReplace, carScrap, digital, ebike, furniture } from './test-inputs'

const DAY = '2025-05-01'
const airConditioner = appliance({ priceYuan: 5000 })
const fridge = appliance({ category: 'refrigerator', priceYuan: 5000 })
const phone = digital()
const tablet = digital({ category: 'tablet' })
const scrap = (ids: { oldCarId?: string; newCarId?: string } = {}, purchaseDate = DAY): SubsidyInput =>
  carScrap({ oldCarRegisteredOn: '2010-01-01', oldCarOwnedSince: '2010-01-01', purchaseDate, ...ids })
const replace = (ids: { oldCarId?: string; newCarId?: string } = {}, purchaseDate = DAY): SubsidyInput =>
  carReplace({ purchaseDate, ...ids })

const amounts = (inputs: SubsidyInput[]) => quoteBasket(inputs).items.map((item) => item.amountFen)

describe('per-person limits', () => {
  test.each<[string, SubsidyInput[], number[]]>([
    [
      'three air conditioners are allowed, the fourth is not',
      [airConditioner, airConditioner, airConditioner, airConditioner],
      [1_000_00, 1_000_00, 1_000_00, 0],
    ],
    ['one refrigerator per person', [fridge, fridge], [1_000_00, 0]],
    [
      'different categories do not limit each other',
      [fridge, airConditioner, { ...fridge, category: 'washing-machine' }],
      [1_000_00, 1_000_00, 1_000_00],
    ],
    ['one phone per person', [phone, phone], [450_00, 0]],
    ['a phone and a tablet', [phone, tablet], [450_00, 450_00]],
    ['an ineligible item does not use up the category', [{ ...fridge, grade: 3 }, fridge], [0, 1_000_00]],
    [
      'limits count within one rule set: a 2025 and a 2026 refrigerator',
      [fridge, { ...fridge, purchaseDate: '2026-02-01' }],
      [1_000_00, 750_00],
    ],
    ['one 置换 per year', [replace({ oldCarId: 'A', newCarId: 'X' }), replace({ oldCarId: 'B', newCarId: 'Y' })], [15_000_00, 0]],
    ['置换 in 2025 and in 2026', [replace({ oldCarId: 'A' }), replace({ oldCarId: 'B' }, '2026-03-01')], [15_000_00, 12_464_00]],
    ['报废 then 置换 with no ids: taken as the same car', [scrap(), replace()], [20_000_00, 0]],
    ['置换 then 报废 with no ids: the earlier item keeps its subsidy', [replace(), scrap()], [15_000_00, 0]],
    [
      '报废 and 置换 of the same old car',
      [scrap({ oldCarId: '浙H12345', newCarId: 'V1' }), replace({ oldCarId: '浙h 12345', newCarId: 'V2' })],
      [20_000_00, 0],
    ],
    [
      '报废 and 置换 for the same new car',
      [scrap({ oldCarId: 'A', newCarId: 'VIN1' }), replace({ oldCarId: 'B', newCarId: 'vin1' })],
      [20_000_00, 0],
    ],
    [
      'two different cars: 报废 one, 置换 the other',
      [scrap({ oldCarId: 'A', newCarId: 'V1' }), replace({ oldCarId: 'B', newCarId: 'V2' })],
      [20_000_00, 15_000_00],
    ],
    [
      'the same old car cannot be scrapped twice',
      [scrap({ oldCarId: 'A', newCarId: 'V1' }), scrap({ oldCarId: 'A', newCarId: 'V2' })],
      [20_000_00, 0],
    ],
  ])('%s', (_name, inputs, expected) => {
    expect(amounts(inputs)).toEqual(expected)
  })

  test('the item over a limit is ineligible, says why, and points at the earlier items', () => {
    const basket = quoteBasket([airConditioner, airConditioner, airConditioner, airConditioner])
    const fourth = basket.items[3]
    expect(fourth.eligible).toBe(false)
    expect(fourth.working).toBeNull()
    expect(fourth.conflictsWith).toEqual([0, 1, 2])
    expect(fourth.reasons[0]).toContain('家电（空调）每人限 3 件')
    expect(fourth.reasons[0]).toContain('第 1 项、第 2 项、第 3 项')
    expect(fourth.reasons[0]).toContain('单独计算本可补贴 ¥1,000.00')
    expect(basket.items.slice(0, 3).every((item) => item.eligible && item.conflictsWith.length === 0)).toBe(true)
    expect(basket.totalFen).toBe(3_000_00)
  })

  test('报废 vs 置换 names the rule and how to tell two cars apart', () => {
    const [, second] = quoteBasket([scrap(), replace()]).items
    expect(second.reasons[0]).toContain('同一辆车不能同时享受报废更新和置换更新补贴')
    expect(second.reasons[0]).toContain('车牌号或车架号')
    expect(second.figures.map((figure) => figure.label)).toContain('同一辆车不得同时享受报废更新和置换更新')
    expect(second.sources.map((source) => source.clause)).toContain('商办消费函〔2025〕8号')
  })

  test('the total is the sum of what each item gets', () => {
    const basket = quoteBasket([fridge, phone, fridge, scrap()])
    expect(basket.totalFen).toBe(1_000_00 + 450_00 + 0 + 20_000_00)
  })

  test('an empty basket', () => {
    expect(quoteBasket([])).toEqual({ items: [], totalFen: 0 })
  })

  test('a malformed item throws with its position in the field', () => {
    let caught: unknown
    try {
      quoteBasket([fridge, { ...fridge, priceYuan: 'abc' }])
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SubsidyInputError)
    expect((caught as SubsidyInputError).field).toBe('inputs[1].priceYuan')
  })
})

describe('limits an operator sets through data', () => {
  const source = { source: '衢州市商务局 2025-06-01 公告（测试数据）', status: 'provisional' }
  const result = applySubsidyOverrides(
    BUNDLED_SUBSIDY_RULE_SETS,
    {
      format: SUBSIDY_OVERRIDE_FORMAT,
      ruleSets: [
        {
          id: 'quzhou-2025',
          patch: {
            measures: {
              furniture: { perPersonTotalCapFen: { value: 3_000_00, ...source } },
              ebike: { perPersonLimit: { value: 1, ...source } },
            },
          },
        },
      ],
    },
    'limits.json',
  )
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  const ruleSets = result.ruleSets
  const bed = furniture({ priceYuan: 20000, grade: 1 })
  const bike = ebike()

  test('a cumulative furniture cap cuts the item that crosses it, then stops further items', () => {
    const basket = quoteBasket([bed, bed, bed], { ruleSets })
    expect(basket.items.map((item) => item.amountFen)).toEqual([2_000_00, 1_000_00, 0])
    expect(basket.items[1].eligible).toBe(true)
    expect(basket.items[1].reasons[0]).toContain('本项按剩余 ¥1,000 补贴')
    expect(basket.items[1].working?.amountFen).toBe(1_000_00)
    expect(basket.items[2].eligible).toBe(false)
    expect(basket.items[2].provisional).toBe(true)
    expect(basket.totalFen).toBe(3_000_00)
  })

  test('an e-bike limit of one per person', () => {
    expect(quoteBasket([bike, bike], { ruleSets }).items.map((item) => item.amountFen)).toEqual([500_00, 0])
  })

  test('the bundled data sets neither limit', () => {
    expect(amounts([bed, bed, bed])).toEqual([2_000_00, 2_000_00, 2_000_00])
    expect(amounts([bike, bike])).toEqual([500_00, 500_00])
  })
})
