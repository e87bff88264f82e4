import { DomainError } from '../errors'
import { parseSubsidyInput, quoteSubsidy, SubsidyInputError, tryQuoteSubsidy, type SubsidyInputErrorCode } from '.'

const valid = {
  appliance: { measure: 'appliance', category: 'television', priceYuan: '3999', grade: 1, purchaseDate: '2025-05-01' },
  carScrap: {
    measure: 'car-scrap',
    newCarEnergy: 'fuel',
    newCarDisplacementL: 1.5,
    oldCarFuel: 'petrol',
    oldCarRegisteredOn: '2010-01-01',
    oldCarOwnedSince: '2012-01-01',
    priceYuan: 120000,
    purchaseDate: '2025-05-01',
  },
  ebike: {
    measure: 'ebike',
    oldBatteryType: 'lithium',
    newBatteryType: 'lead-acid',
    oldEbikeHandedToRecycler: true,
    newEbikeCompliant: true,
    priceYuan: 2999,
    purchaseDate: '2025-05-01',
  },
  renovation: { measure: 'renovation', kind: 'smart-home', grade: null, priceYuan: 800, purchaseDate: '2025-05-01' },
}

const without = (input: Record<string, unknown>, field: string) => {
  const copy = { ...input }
  delete copy[field]
  return copy
}

describe('malformed input throws SubsidyInputError with a code, a field and a Chinese message', () => {
  test.each<[string, unknown, SubsidyInputErrorCode, string | undefined]>([
    ['negative price', { ...valid.appliance, priceYuan: '-5' }, 'SUBSIDY_PRICE_NEGATIVE', 'priceYuan'],
    ['negative number price', { ...valid.appliance, priceYuan: -1 }, 'SUBSIDY_PRICE_NEGATIVE', 'priceYuan'],
    ['non-numeric price', { ...valid.appliance, priceYuan: '五千' }, 'SUBSIDY_PRICE_NOT_A_NUMBER', 'priceYuan'],
    ['NaN price', { ...valid.appliance, priceYuan: Number.NaN }, 'SUBSIDY_PRICE_NOT_A_NUMBER', 'priceYuan'],
    ['price as an object', { ...valid.appliance, priceYuan: { yuan: 5 } }, 'SUBSIDY_PRICE_NOT_A_NUMBER', 'priceYuan'],
    ['empty price', { ...valid.appliance, priceYuan: '  ' }, 'SUBSIDY_PRICE_EMPTY', 'priceYuan'],
    ['missing price', without(valid.appliance, 'priceYuan'), 'SUBSIDY_PRICE_EMPTY', 'priceYuan'],
    ['three decimals', { ...valid.appliance, priceYuan: '1.005' }, 'SUBSIDY_PRICE_TOO_PRECISE', 'priceYuan'],
    ['absurd price', { ...valid.appliance, priceYuan: '99999999999' }, 'SUBSIDY_PRICE_TOO_LARGE', 'priceYuan'],
    ['unknown measure', { ...valid.appliance, measure: 'yacht' }, 'SUBSIDY_UNKNOWN_MEASURE', 'measure'],
    ['missing measure', without(valid.appliance, 'measure'), 'SUBSIDY_MISSING_FIELD', 'measure'],
    ['unknown appliance category', { ...valid.appliance, category: 'toaster' }, 'SUBSIDY_UNKNOWN_CATEGORY', 'category'],
    ['missing appliance category', without(valid.appliance, 'category'), 'SUBSIDY_MISSING_FIELD', 'category'],
    [
      'unknown digital category',
      { measure: 'digital', category: 'laptop', priceYuan: 1, purchaseDate: '2025-05-01' },
      'SUBSIDY_UNKNOWN_CATEGORY',
      'category',
    ],
    ['unknown renovation kind', { ...valid.renovation, kind: 'swimming-pool' }, 'SUBSIDY_UNKNOWN_CATEGORY', 'kind'],
    ['impossible date', { ...valid.appliance, purchaseDate: '2025-02-30' }, 'SUBSIDY_INVALID_DATE', 'purchaseDate'],
    ['wrong date format', { ...valid.appliance, purchaseDate: '2025/05/01' }, 'SUBSIDY_INVALID_DATE', 'purchaseDate'],
    ['missing date', without(valid.appliance, 'purchaseDate'), 'SUBSIDY_MISSING_FIELD', 'purchaseDate'],
    ['missing grade', without(valid.appliance, 'grade'), 'SUBSIDY_MISSING_FIELD', 'grade'],
    ['grade 6', { ...valid.appliance, grade: 6 }, 'SUBSIDY_INVALID_FIELD', 'grade'],
    ['grade as text', { ...valid.appliance, grade: '一级' }, 'SUBSIDY_INVALID_FIELD', 'grade'],
    ['fuel car without displacement', without(valid.carScrap, 'newCarDisplacementL'), 'SUBSIDY_MISSING_FIELD', 'newCarDisplacementL'],
    ['displacement in millilitres', { ...valid.carScrap, newCarDisplacementL: 1498 }, 'SUBSIDY_INVALID_FIELD', 'newCarDisplacementL'],
    ['unknown old-car fuel', { ...valid.carScrap, oldCarFuel: 'hydrogen' }, 'SUBSIDY_INVALID_FIELD', 'oldCarFuel'],
    ['impossible registration date', { ...valid.carScrap, oldCarRegisteredOn: '2010-13-01' }, 'SUBSIDY_INVALID_DATE', 'oldCarRegisteredOn'],
    [
      'owned before it was registered',
      { ...valid.carScrap, oldCarOwnedSince: '2009-12-31' },
      'SUBSIDY_INCONSISTENT_DATES',
      'oldCarOwnedSince',
    ],
    [
      'car-replace without ownership date',
      { measure: 'car-replace', newCarEnergy: 'nev', priceYuan: 1, purchaseDate: '2025-05-01' },
      'SUBSIDY_MISSING_FIELD',
      'oldCarOwnedSince',
    ],
    [
      'e-bike without the recycling answer',
      without(valid.ebike, 'oldEbikeHandedToRecycler'),
      'SUBSIDY_MISSING_FIELD',
      'oldEbikeHandedToRecycler',
    ],
    ['e-bike compliance as text', { ...valid.ebike, newEbikeCompliant: 'yes' }, 'SUBSIDY_INVALID_FIELD', 'newEbikeCompliant'],
    ['not an object', null, 'SUBSIDY_MISSING_FIELD', undefined],
  ])('%s', (_name, input, code, field) => {
    let caught: unknown
    try {
      quoteSubsidy(input as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SubsidyInputError)
    expect(caught).toBeInstanceOf(DomainError)
    const error = caught as SubsidyInputError
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(error.message).not.toMatch(/NaN|undefined/)
  })
})

describe('accepted input', () => {
  test.each([
    ['a price typed with symbol and separators', { ...valid.appliance, priceYuan: '￥3,999.00' }],
    ['full-width digits', { ...valid.appliance, priceYuan: '３９９９' }],
    ['a numeric price', { ...valid.appliance, priceYuan: 3999 }],
  ])('%s', (_name, input) => {
    expect(parseSubsidyInput(input).priceFen).toBe(3_999_00)
  })

  test('car ids are compared without spaces or case', () => {
    const parsed = parseSubsidyInput({ ...valid.carScrap, oldCarId: ' 浙h 12345 ' })
    expect(parsed.measure === 'car-scrap' && parsed.oldCarId).toBe('浙H12345')
  })

  test('displacement may be typed with its unit', () => {
    const parsed = parseSubsidyInput({ ...valid.carScrap, newCarDisplacementL: '1.5L' })
    expect(parsed.measure === 'car-scrap' && parsed.newCarDisplacementL).toBe(1.5)
  })

  test('a zero price is valid but earns nothing', () => {
    const quote = quoteSubsidy({ ...valid.appliance, priceYuan: 0 } as never)
    expect(quote.eligible).toBe(false)
    expect(quote.amountFen).toBe(0)
    expect(quote.reasons[0]).toContain('售价为 0 元')
  })

  test('tryQuoteSubsidy reports instead of throwing', () => {
    const bad = tryQuoteSubsidy({ ...valid.appliance, priceYuan: 'abc' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.field).toBe('priceYuan')
    const good = tryQuoteSubsidy(valid.appliance)
    expect(good.ok && good.quote.amountFen).toBe(799_80)
  })
})
