import fc from 'fast-check'
import {
  APPLIANCE_CATEGORIES,
  DIGITAL_CATEGORIES,
  EBIKE_BATTERY_TYPES,
  NEW_CAR_ENERGIES,
  OLD_CAR_FUELS,
  quoteSubsidy,
  RENOVATION_KINDS,
  type SubsidyInput,
} from '.'
import { addDays } from '../time'

/** Dates from a month before 2025 to a month after 2026, so every rule-set edge is crossed. */
const purchaseDate = fc.integer({ min: 0, max: 800 }).map((offset) => addDays('2024-12-01', offset))
const grade = fc.constantFrom(1, 2, 3, 4, 5, null) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | null>
const oldDate = fc.integer({ min: 0, max: 6000 }).map((offset) => addDays('2008-01-01', offset))

/** Every measure's input with the price left open. */
const template: fc.Arbitrary<Omit<SubsidyInput, 'priceYuan'>> = fc.oneof(
  fc.record({ measure: fc.constant('appliance' as const), category: fc.constantFrom(...APPLIANCE_CATEGORIES), grade, purchaseDate }),
  fc.record({ measure: fc.constant('furniture' as const), grade, purchaseDate }),
  fc.record({ measure: fc.constant('digital' as const), category: fc.constantFrom(...DIGITAL_CATEGORIES), purchaseDate }),
  fc
    .record({
      measure: fc.constant('car-scrap' as const),
      newCarEnergy: fc.constantFrom(...NEW_CAR_ENERGIES),
      newCarDisplacementL: fc.constantFrom(1.0, 1.5, 2.0, 2.5, 3.0),
      oldCarFuel: fc.constantFrom(...OLD_CAR_FUELS),
      oldCarRegisteredOn: oldDate,
      ownedAfterDays: fc.integer({ min: 0, max: 3000 }),
      purchaseDate,
    })
    .map(({ ownedAfterDays, ...input }) => ({ ...input, oldCarOwnedSince: addDays(input.oldCarRegisteredOn, ownedAfterDays) })),
  fc.record({
    measure: fc.constant('car-replace' as const),
    newCarEnergy: fc.constantFrom(...NEW_CAR_ENERGIES),
    oldCarOwnedSince: oldDate,
    purchaseDate,
  }),
  fc.record({
    measure: fc.constant('ebike' as const),
    oldBatteryType: fc.constantFrom(...EBIKE_BATTERY_TYPES),
    newBatteryType: fc.constantFrom(...EBIKE_BATTERY_TYPES),
    oldEbikeHandedToRecycler: fc.boolean(),
    newEbikeCompliant: fc.boolean(),
    purchaseDate,
  }),
  fc.record({ measure: fc.constant('renovation' as const), kind: fc.constantFrom(...RENOVATION_KINDS), grade, purchaseDate }),
)

/** Up to ¥400,000 in fen: above every cap and tier, below the parser's ceiling. */
const priceFen = fc.integer({ min: 0, max: 400_000_00 })
const asYuan = (fen: number) => (fen / 100).toFixed(2)
/** A clock after every generated date: these properties are about the rules, not about "today". */
const LATE_TODAY = '2040-12-31'
const quoteAt = (input: Omit<SubsidyInput, 'priceYuan'>, fen: number) =>
  quoteSubsidy({ ...input, priceYuan: asYuan(fen) } as SubsidyInput, { today: LATE_TODAY })

describe('subsidy properties over every measure, date and price', () => {
  test('the amount is integer fen, never negative, never above the price or the cap', () => {
    fc.assert(
      fc.property(template, priceFen, (input, fen) => {
        const quote = quoteAt(input, fen)
        expect(Number.isSafeInteger(quote.amountFen)).toBe(true)
        expect(quote.amountFen).toBeGreaterThanOrEqual(0)
        expect(quote.amountFen).toBeLessThanOrEqual(fen)
        if (quote.capFen !== undefined) expect(quote.amountFen).toBeLessThanOrEqual(quote.capFen)
        if (!quote.eligible) expect(quote.amountFen).toBe(0)
        expect(quote.reasons.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })

  test('the amount never falls as the price rises, while the item stays eligible', () => {
    fc.assert(
      fc.property(template, priceFen, priceFen, (input, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const lower = quoteAt(input, low)
        const higher = quoteAt(input, high)
        if (lower.eligible && higher.eligible) expect(higher.amountFen).toBeGreaterThanOrEqual(lower.amountFen)
        // Only the digital price limit (and a zero price) make eligibility depend on the price.
        if (input.measure !== 'digital' && low > 0) expect(higher.eligible).toBe(lower.eligible)
      }),
      { numRuns: 2000 },
    )
  })

  test('above capBindsAboveFen the amount no longer grows', () => {
    fc.assert(
      fc.property(template, priceFen, fc.integer({ min: 1, max: 100_000_00 }), (input, fen, extra) => {
        const quote = quoteAt(input, fen)
        if (!quote.eligible || quote.capBindsAboveFen === null) return
        const justAbove = quote.capBindsAboveFen + 1
        if (quote.priceLimitFen !== undefined && justAbove + extra > quote.priceLimitFen) return
        const atTheTop = quoteAt(input, justAbove)
        const further = quoteAt(input, justAbove + extra)
        expect(further.amountFen).toBe(atTheTop.amountFen)
        expect(quote.amountFen).toBeLessThanOrEqual(atTheTop.amountFen)
      }),
      { numRuns: 1000 },
    )
  })

  test('the working adds up: the amount is the raw figure cut by the cap and the price', () => {
    fc.assert(
      fc.property(template, priceFen, (input, fen) => {
        const { working, amountFen } = quoteAt(input, fen)
        if (!working) return
        const afterCap = working.capFen !== undefined ? Math.min(working.rawFen, working.capFen) : working.rawFen
        expect(amountFen).toBe(Math.min(afterCap, working.priceFen))
        expect(working.capped).toBe(working.capFen !== undefined && working.rawFen > working.capFen)
        expect(working.text).not.toMatch(/NaN|undefined|Infinity/)
      }),
      { numRuns: 1000 },
    )
  })
})

test('a purchase date after today is refused, whatever the measure, with the field named', () => {
  fc.assert(
    fc.property(template, priceFen, fc.integer({ min: 1, max: 400 }), (input, fen, daysAhead) => {
      const today = addDays(input.purchaseDate, -daysAhead)
      expect(() => quoteSubsidy({ ...input, priceYuan: asYuan(fen) } as SubsidyInput, { today })).toThrow(
        expect.objectContaining({ code: 'SUBSIDY_FUTURE_DATE', field: 'purchaseDate' }),
      )
    }),
  )
})
