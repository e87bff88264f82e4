import { useMemo, useState } from 'react'
import { nearestStations, type StationDistance } from '@/domain/etc/stations'
import type { LngLat } from '@/domain/etc/geo'
import type { TollStation } from '@/domain/policy/toll-stations'
import { canOpenLocationSettings, getApproximateLocation, openLocationSettings } from '@/services/platform/location'

export interface NearestStations {
  /** Stations nearest first, once the person allowed location; null before (or without) it. */
  nearest: StationDistance[] | null
  locating: boolean
  /** Why location did not work, in Chinese; the pickers work without it. */
  failure: string | null
  /** Whether a refused permission can be changed from here (weapp settings page). */
  canOpenSettings: boolean
  /** Only from a tap: WeChat shows its prompt, or its settings page, only for one. */
  locate: () => Promise<void>
  openSettings: () => Promise<void>
}

/**
 * Nearest stations from the platform's approximate location; asked for only when the person taps.
 * The position is kept, not the sorted list, so a station list that arrives later (the operator's,
 * clause 二十六) is sorted again.
 */
export function useNearestStations(stations: readonly TollStation[]): NearestStations {
  const [position, setPosition] = useState<LngLat | null>(null)
  const [locating, setLocating] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [deniedBefore, setDeniedBefore] = useState(false)

  const locate = async () => {
    setLocating(true)
    setFailure(null)
    const location = await getApproximateLocation()
    setLocating(false)
    if (location.ok) {
      setPosition({ lng: location.lng, lat: location.lat })
      return
    }
    setDeniedBefore(location.reason === 'denied')
    setFailure(location.message)
  }

  const openSettings = async () => {
    if (await openLocationSettings()) await locate()
  }

  const nearest = useMemo(
    () => (position ? nearestStations(position.lng, position.lat, undefined, stations) : null),
    [position, stations],
  )

  return { nearest, locating, failure, canOpenSettings: canOpenLocationSettings && deniedBefore, locate, openSettings }
}
