/**
 * Approximate location on H5, from the browser's Geolocation API (WGS-84, like the station data).
 * Low accuracy is enough to sort toll stations, and a reading up to 10 minutes old will do. Some
 * browsers never call back while their permission prompt is left open, so we keep a deadline of
 * our own besides the API's `timeout`. The weapp build uses location.weapp.ts instead.
 */
import {
  LOCATION_TIMEOUT_MS,
  locateWithin,
  locationFailure,
  locationFrom,
  type ApproximateLocation,
  type LocationFailureReason,
} from './location-result'

export type { ApproximateLocation, LocationFailureReason } from './location-result'
export { LOCATION_TIMEOUT_MS } from './location-result'

const PERMISSION_DENIED = 1
const TIMEOUT = 3
const MAX_AGE_MS = 10 * 60 * 1000

function reasonOf(error: { code?: number } | undefined): LocationFailureReason {
  if (error?.code === PERMISSION_DENIED) return 'denied'
  if (error?.code === TIMEOUT) return 'timeout'
  return 'unavailable'
}

export function getApproximateLocation(options: { timeoutMs?: number } = {}): Promise<ApproximateLocation> {
  const timeoutMs = options.timeoutMs ?? LOCATION_TIMEOUT_MS
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation
  if (!geolocation || typeof geolocation.getCurrentPosition !== 'function') return Promise.resolve(locationFailure('unsupported'))
  return locateWithin(
    timeoutMs + 1000,
    (finish) =>
      geolocation.getCurrentPosition(
        (position) => finish(locationFrom(position.coords.longitude, position.coords.latitude)),
        (error) => finish(locationFailure(reasonOf(error))),
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: MAX_AGE_MS },
      ),
    () => 'unavailable',
  )
}

/** Browsers have no settings page an app can open; the person changes it in the browser. */
export const canOpenLocationSettings = false

export async function openLocationSettings(): Promise<boolean> {
  return false
}
