/**
 * Approximate location in the mini-program: wx.getFuzzyLocation (declared in app.config.ts as
 * `requiredPrivateInfos: ['getFuzzyLocation']` with a `scope.userFuzzyLocation` description; fuzzy and
 * precise location are mutually exclusive, and a blurred position is enough to sort stations).
 *
 * Failures it tells apart, from errMsg (and errno where WeChat sends it):
 * - the person refused the location prompt, now or before ("auth deny" / "auth denied");
 * - the person refused the privacy guide ("privacy", errno 104): within the next ~10 s further calls
 *   call back nothing at all (WECHAT.md), so our own deadline turns silence into a result;
 * - the phone's own location service is off ("system permission denied", "location fail").
 * The H5 build uses location.ts instead.
 */
import Taro from '@tarojs/taro'
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

const PRIVACY_NOT_AUTHORIZED_ERRNO = 104

export function reasonOfWeappFailure(error: { errMsg?: string; errno?: number } | undefined): LocationFailureReason {
  const message = String(error?.errMsg ?? '').toLowerCase()
  if (error?.errno === PRIVACY_NOT_AUTHORIZED_ERRNO || message.includes('privacy')) return 'privacy'
  if (message.includes('system permission') || message.includes('location fail')) return 'unavailable'
  if (message.includes('auth deny') || message.includes('auth denied') || message.includes('authorize')) return 'denied'
  if (message.includes('timeout')) return 'timeout'
  return 'unavailable'
}

export function getApproximateLocation(options: { timeoutMs?: number } = {}): Promise<ApproximateLocation> {
  const timeoutMs = options.timeoutMs ?? LOCATION_TIMEOUT_MS
  // Base library < 2.25.0 has no fuzzy location.
  if (typeof Taro.getFuzzyLocation !== 'function') return Promise.resolve(locationFailure('unsupported'))
  // Silence past the deadline: a slow fix, or the privacy refusal described above.
  return locateWithin(
    timeoutMs,
    (finish) => {
      const pending = Taro.getFuzzyLocation({
        type: 'wgs84',
        success: (result) => finish(locationFrom(result.longitude, result.latitude)),
        fail: (error) => finish(locationFailure(reasonOfWeappFailure(error as { errMsg?: string; errno?: number }))),
      })
      // Taro also returns a promise; its rejection repeats `fail` and must not go unhandled.
      if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined)
    },
    (error) => reasonOfWeappFailure(error as { errMsg?: string }),
  )
}

/** WeChat's settings page for this mini-program, where a refused permission can be allowed again. */
export const canOpenLocationSettings = true

/** Call only from a tap (WeChat opens settings only in response to one). True when location is now allowed. */
export async function openLocationSettings(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.openSetting()
    const settings = authSetting as Record<string, boolean | undefined>
    return settings['scope.userFuzzyLocation'] === true || settings['scope.userLocation'] === true
  } catch {
    return false
  }
}
