import fc from 'fast-check'
import { PlateError } from './plate'
import { summariseSavings, type TripLogEntry } from './savings'
import type { VehicleProfile } from './waiver'

const CAR: VehicleProfile = { plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' }
/** 衢州东 ↔ 江山: estimated ETC toll 2229 fen (see toll-estimate.test.ts). */
const SAVED = 2229

const LOG: TripLogEntry[] = [
  { id: 'jan-31', date: '2025-01-31', entry: '衢州东', exit: '江山' },
  { id: 'feb-01', date: '2025-02-01', entry: '江山', exit: '衢州东' },
  { id: 'feb-15-out-of-scheme', date: '2025-02-15', entry: '衢州东', exit: '龙游北' },
  { id: 'mar-10-u-turn', date: '2025-03-10', entry: '衢州东', exit: '衢州东' },
  { id: 'dec-31', date: '2025-12-31', entry: '衢州东站', exit: '江山收费站' },
  { id: 'jan-01-after-period', date: '2026-01-01', entry: '衢州东', exit: '江山' },
]

describe('summariseSavings', () => {
  const summary = summariseSavings(LOG, CAR)

  it('counts only free trips as saved, across month and year boundaries', () => {
    expect(summary.byMonth).toEqual([
      { period: '2025-01', savedFen: SAVED, trips: 1, freeTrips: 1, unestimatedFreeTrips: 0, unconfirmedTrips: 0 },
      { period: '2025-02', savedFen: SAVED, trips: 2, freeTrips: 1, unestimatedFreeTrips: 0, unconfirmedTrips: 0 },
      // A U-turn is not a trip between stations: not free.
      { period: '2025-03', savedFen: 0, trips: 1, freeTrips: 0, unestimatedFreeTrips: 0, unconfirmedTrips: 0 },
      { period: '2025-12', savedFen: SAVED, trips: 1, freeTrips: 1, unestimatedFreeTrips: 0, unconfirmedTrips: 0 },
      // After the last known period: not saved, not charged either — 待官方确认.
      { period: '2026-01', savedFen: 0, trips: 1, freeTrips: 0, unestimatedFreeTrips: 0, unconfirmedTrips: 1 },
    ])
    expect(summary.byYear).toEqual([
      { period: '2025', savedFen: 3 * SAVED, trips: 5, freeTrips: 3, unestimatedFreeTrips: 0, unconfirmedTrips: 0 },
      { period: '2026', savedFen: 0, trips: 1, freeTrips: 0, unestimatedFreeTrips: 0, unconfirmedTrips: 1 },
    ])
    expect(summary.totalSavedFen).toBe(3 * SAVED)
    expect(summary.totalText).toBe('约 ¥66.87')
    expect(summary.provisional).toBe(true)
    expect(summary.skipped).toEqual([])
  })

  it('keeps each trip with its verdict', () => {
    const charged = summary.trips.find((trip) => trip.id === 'feb-15-out-of-scheme')
    expect(charged).toMatchObject({ free: false, savedFen: 0, estimatedTollFen: expect.any(Number) })
    expect(charged?.reasons).toEqual(['出口 龙游北 不在“衢城畅行”免费收费站内'])
    expect(summary.trips.find((trip) => trip.id === 'jan-01-after-period')).toMatchObject({
      free: false,
      outcome: 'period-unknown',
      savedFen: 0,
    })
  })

  it('saves nothing for a car that does not qualify', () => {
    const prepaid = summariseSavings(LOG, { ...CAR, etcCard: 'prepaid' })
    expect(prepaid.totalSavedFen).toBe(0)
    expect(prepaid.byYear.map((total) => total.freeTrips)).toEqual([0, 0])
  })

  it('lists trips it cannot judge instead of failing the whole log', () => {
    const result = summariseSavings(
      [
        ...LOG,
        { id: 'unknown-station', date: '2025-05-01', entry: '衢州北', exit: '江山' },
        { id: 'bad-date', date: '2025-02-30', entry: '衢州东', exit: '江山' },
        { id: 'jan-31', date: '2025-01-31', entry: '衢州东', exit: '江山' },
      ],
      CAR,
    )
    expect(result.totalSavedFen).toBe(3 * SAVED)
    expect(result.skipped).toEqual([
      { id: 'unknown-station', reason: '没有找到收费站“衢州北”。您是不是要找：衢州东、衢州西、衢州南？' },
      { id: 'bad-date', reason: '没有这一天：2025-02-30' },
      { id: 'jan-31', reason: '这条行程记录重复了，只计算一次' },
    ])
  })

  it('returns zeros for an empty log', () => {
    expect(summariseSavings([], CAR)).toMatchObject({ totalSavedFen: 0, byMonth: [], byYear: [], trips: [], totalText: '约 ¥0.00' })
  })

  it('throws for a plate it cannot read: no trip can be judged', () => {
    expect(() => summariseSavings(LOG, { ...CAR, plate: '浙H1' })).toThrow(PlateError)
  })

  it('adds up the same whatever the order, and months sum to years to the total', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(LOG), (trips) => {
        const result = summariseSavings(trips, CAR)
        const sum = (totals: { savedFen: number }[]): number => totals.reduce((total, item) => total + item.savedFen, 0)
        expect(sum(result.byMonth)).toBe(result.totalSavedFen)
        expect(sum(result.byYear)).toBe(result.totalSavedFen)
        const reversed = summariseSavings([...trips].reverse(), CAR)
        expect(reversed.byMonth).toEqual(result.byMonth)
        expect(Number.isSafeInteger(result.totalSavedFen) && result.totalSavedFen >= 0).toBe(true)
      }),
    )
  })
})
