/**
 * What the 衢城畅行 waiver (clause 二十六) saved a resident, from the trips they logged. Each trip
 * is judged by checkTollWaiver on its own date; a free trip saves its estimated class-1 ETC toll, a
 * charged trip saves nothing, and a trip after the last known period saves nothing yet but is
 * counted apart (unconfirmedTrips): whether it was free is 待官方确认. Totals are integer fen per Shanghai calendar month and year, and are
 * estimates (约) because the tolls are. A trip that can no longer be judged (a station an operator
 * file removed, a broken date) is listed in `skipped` with the reason instead of failing the log.
 */
import { isDomainError } from '../errors'
import type { Fen } from '../money'
import { BUNDLED_TOLL_DATA, type TollData } from '../policy/toll-scheme'
import { formatEstimatedFen } from './toll-estimate'
import { checkTollWaiver, checkVehicleEligibility, type TollOutcome, type VehicleProfile } from './waiver'

export interface TripLogEntry {
  id: string
  /** 'YYYY-MM-DD', Shanghai. */
  date: string
  /** Station name or id. */
  entry: string
  exit: string
}

export interface TripSaving {
  id: string
  date: string
  free: boolean
  outcome: TollOutcome
  /** The estimated toll when free, else 0. */
  savedFen: Fen
  estimatedTollFen?: Fen
  reasons: string[]
  provisional: boolean
}

export interface SavingsTotal {
  /** '2025-03' for a month, '2025' for a year. */
  period: string
  savedFen: Fen
  trips: number
  freeTrips: number
  /** Free trips with no estimate: saved something, counted as 0. */
  unestimatedFreeTrips: number
  /** Trips after the last known period: whether they were free is 待官方确认, counted as 0. */
  unconfirmedTrips: number
}

export interface SkippedTrip {
  id: string
  reason: string
}

export interface SavingsSummary {
  totalSavedFen: Fen
  /** '约 ¥123.45'. */
  totalText: string
  byMonth: SavingsTotal[]
  byYear: SavingsTotal[]
  trips: TripSaving[]
  skipped: SkippedTrip[]
  provisional: boolean
  estimate: true
}

function addTo(totals: Map<string, SavingsTotal>, period: string, trip: TripSaving): void {
  const total = totals.get(period) ?? { period, savedFen: 0, trips: 0, freeTrips: 0, unestimatedFreeTrips: 0, unconfirmedTrips: 0 }
  total.trips += 1
  if (trip.outcome === 'period-unknown') total.unconfirmedTrips += 1
  total.savedFen += trip.savedFen
  if (trip.free) total.freeTrips += 1
  if (trip.free && trip.estimatedTollFen === undefined) total.unestimatedFreeTrips += 1
  totals.set(period, total)
}

const sortedTotals = (totals: Map<string, SavingsTotal>): SavingsTotal[] =>
  [...totals.values()].sort((a, b) => a.period.localeCompare(b.period))

/** Throws only for the vehicle (PlateError, TollWaiverError): without a valid car no trip can be judged. */
export function summariseSavings(
  trips: readonly TripLogEntry[],
  vehicle: VehicleProfile,
  data: TollData = BUNDLED_TOLL_DATA,
): SavingsSummary {
  const car = checkVehicleEligibility(vehicle, data)
  const profile: VehicleProfile = { ...vehicle, plate: car.plate }
  const judged: TripSaving[] = []
  const skipped: SkippedTrip[] = []
  const seen = new Set<string>()
  for (const trip of trips) {
    if (seen.has(trip.id)) {
      skipped.push({ id: trip.id, reason: '这条行程记录重复了，只计算一次' })
      continue
    }
    seen.add(trip.id)
    try {
      const verdict = checkTollWaiver({ ...profile, entry: trip.entry, exit: trip.exit, date: trip.date }, data)
      judged.push({
        id: trip.id,
        date: verdict.date,
        free: verdict.free,
        outcome: verdict.outcome,
        savedFen: verdict.free ? (verdict.estimatedTollFen ?? 0) : 0,
        estimatedTollFen: verdict.estimatedTollFen,
        reasons: verdict.reasons,
        provisional: verdict.provisional,
      })
    } catch (error) {
      if (!isDomainError(error)) throw error
      skipped.push({ id: trip.id, reason: error.message })
    }
  }

  const byMonth = new Map<string, SavingsTotal>()
  const byYear = new Map<string, SavingsTotal>()
  for (const trip of judged) {
    addTo(byMonth, trip.date.slice(0, 7), trip)
    addTo(byYear, trip.date.slice(0, 4), trip)
  }
  const totalSavedFen = judged.reduce((sum, trip) => sum + trip.savedFen, 0)
  return {
    totalSavedFen,
    totalText: formatEstimatedFen(totalSavedFen),
    byMonth: sortedTotals(byMonth),
    byYear: sortedTotals(byYear),
    trips: judged,
    skipped,
    provisional: car.provisional || judged.some((trip) => trip.provisional),
    estimate: true,
  }
}
