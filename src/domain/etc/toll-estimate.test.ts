import fc from 'fast-check'
import { BUNDLED_TOLL_RATES, type TollRates } from '../policy/toll-rates'
import { findStation, stations } from './stations'
import { ESTIMATE_LABEL, estimateClass1TollFen, formatEstimatedFen } from './toll-estimate'

describe('estimateClass1TollFen (worked examples, bundled provisional rates)', () => {
  it.each([
    // 36.9156 km straight × 1.25 = 46.1445 km × 40 fen = 1845.78 → 1846; + 500 = 2346; 5% = 117.3 → 117; 2229
    ['衢州东', '江山', 36.92, 2346, 117, 2229],
    // 0 km: the per-trip fee only, 500 − 25
    ['衢州东', '衢州东', 0, 500, 25, 475],
  ])('%s → %s', (entry, exit, straightKm, grossFen, discountFen, tollFen) => {
    const estimate = estimateClass1TollFen(findStation(entry), findStation(exit), BUNDLED_TOLL_RATES)
    expect(estimate.straightLineKm).toBeCloseTo(straightKm, 2)
    expect(estimate.roadKm).toBeCloseTo(estimate.straightLineKm * 1.25, 9)
    expect(estimate).toMatchObject({ grossFen, etcDiscountFen: discountFen, tollFen, estimate: true, provisional: true })
  })

  it('follows the rate figures, which are data', () => {
    const rates: TollRates = {
      class1RatePerKmFen: { ...BUNDLED_TOLL_RATES.class1RatePerKmFen, value: 50 },
      perTripFen: { ...BUNDLED_TOLL_RATES.perTripFen, value: 0 },
      etcDiscountPercent: { ...BUNDLED_TOLL_RATES.etcDiscountPercent, value: 0 },
      roadFactor: { ...BUNDLED_TOLL_RATES.roadFactor, value: 1, status: 'confirmed' },
    }
    const estimate = estimateClass1TollFen(findStation('衢州东'), findStation('江山'), rates)
    expect(estimate.tollFen).toBe(Math.round(36.9156279 * 50))
    expect(estimate.provisional).toBe(true)
    const confirmed = Object.fromEntries(
      Object.entries(rates).map(([key, figure]) => [key, { ...figure, status: 'confirmed' }]),
    ) as unknown as TollRates
    expect(estimateClass1TollFen(findStation('衢州东'), findStation('江山'), confirmed).provisional).toBe(false)
  })

  it('labels every estimate with 约', () => {
    expect(ESTIMATE_LABEL).toBe('约')
    expect(formatEstimatedFen(2229)).toBe('约 ¥22.29')
  })
})

describe('estimateClass1TollFen properties', () => {
  const station = fc.constantFrom(...stations)

  it('is a non-negative integer number of fen, symmetric in entry and exit', () => {
    fc.assert(
      fc.property(station, station, (entry, exit) => {
        const there = estimateClass1TollFen(entry, exit, BUNDLED_TOLL_RATES)
        const back = estimateClass1TollFen(exit, entry, BUNDLED_TOLL_RATES)
        expect(Number.isSafeInteger(there.tollFen)).toBe(true)
        expect(there.tollFen).toBeGreaterThanOrEqual(0)
        expect(there.tollFen).toBe(back.tollFen)
        expect(there.grossFen - there.etcDiscountFen).toBe(there.tollFen)
      }),
    )
  })

  it('never charges less for a longer trip from the same entry', () => {
    fc.assert(
      fc.property(station, station, station, (entry, a, b) => {
        const toA = estimateClass1TollFen(entry, a, BUNDLED_TOLL_RATES)
        const toB = estimateClass1TollFen(entry, b, BUNDLED_TOLL_RATES)
        if (toA.straightLineKm <= toB.straightLineKm) expect(toA.tollFen).toBeLessThanOrEqual(toB.tollFen)
      }),
    )
  })
})
