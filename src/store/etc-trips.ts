/**
 * 我的行程: the trips a resident logged for 衢城畅行 (clause 二十六), kept on the phone only. A trip
 * stores station ids, not names (a renamed station still matches: toll-stations.ts), and a Shanghai
 * date. What each trip saved is not stored: summariseSavings works it out from the current data, so
 * an operator's new station list or period is reflected at once.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { TripLogEntry } from '../domain/etc/savings'
import { findStation } from '../domain/etc/stations'
import type { TollStation } from '../domain/policy/toll-stations'
import { assertDate, isValidDate } from '../domain/time'
import { persistOptions } from './persist-storage'

export interface TripInput {
  date: string
  /** Station id or name; stored as the id. */
  entry: string
  exit: string
}

interface EtcTripsState {
  trips: TripLogEntry[]
  /**
   * Validates with the domain (throws TimeError / StationError with a Chinese message) against the
   * station list in force — the operator's when served (clause 二十六), so a new station can be logged.
   */
  addTrip: (input: TripInput, stations: readonly TollStation[]) => TripLogEntry
  updateTrip: (id: string, input: TripInput, stations: readonly TollStation[]) => TripLogEntry
  removeTrip: (id: string) => void
}

let sequence = 0
function newTripId(): string {
  sequence += 1
  return `trip-${Date.now().toString(36)}-${sequence.toString(36)}-${Math.random().toString(36).slice(2, 6)}`
}

function validTrip(id: string, input: TripInput, stations: readonly TollStation[]): TripLogEntry {
  const date = assertDate(input.date, 'date')
  const entry = findStation(input.entry, stations, 'entry')
  const exit = findStation(input.exit, stations, 'exit')
  return { id, date, entry: entry.id, exit: exit.id }
}

const isStoredTrip = (value: unknown): value is TripLogEntry => {
  const trip = value as Record<string, unknown> | null
  return (
    !!trip &&
    typeof trip === 'object' &&
    typeof trip.id === 'string' &&
    trip.id !== '' &&
    isValidDate(trip.date) &&
    typeof trip.entry === 'string' &&
    typeof trip.exit === 'string'
  )
}

/** Keeps every well-formed trip from storage; anything else is dropped rather than crashing the log. */
export function sanitiseStoredTrips(value: unknown): TripLogEntry[] {
  const trips = (value as { trips?: unknown } | null)?.trips
  if (!Array.isArray(trips)) return []
  return trips.filter(isStoredTrip).map(({ id, date, entry, exit }) => ({ id, date, entry, exit }))
}

export const useEtcTripsStore = create<EtcTripsState>()(
  persist(
    (set, get) => ({
      trips: [],
      addTrip: (input, stations) => {
        const trip = validTrip(newTripId(), input, stations)
        set({ trips: [...get().trips, trip] })
        return trip
      },
      updateTrip: (id, input, stations) => {
        const trip = validTrip(id, input, stations)
        set({ trips: get().trips.map((existing) => (existing.id === id ? trip : existing)) })
        return trip
      },
      removeTrip: (id) => set({ trips: get().trips.filter((trip) => trip.id !== id) }),
    }),
    persistOptions<EtcTripsState, Pick<EtcTripsState, 'trips'>>({
      name: 'etc-trips',
      version: 1,
      partialize: (state) => ({ trips: state.trips }),
      migrate: (persisted) => ({ trips: sanitiseStoredTrips(persisted) }),
    }),
  ),
)

/** Newest first; on the same day the later-logged trip first. */
export function tripsNewestFirst(trips: readonly TripLogEntry[]): TripLogEntry[] {
  return trips
    .map((trip, order) => ({ trip, order }))
    .sort((a, b) => b.trip.date.localeCompare(a.trip.date) || b.order - a.order)
    .map((item) => item.trip)
}
