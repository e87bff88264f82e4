/**
 * What the location adapters (location.ts for H5, location.weapp.ts for WeChat) answer. Location is
 * only ever a convenience — it sorts toll stations nearest first — so every failure is an ordinary
 * result with a Chinese message that says what still works, never a thrown error.
 */

export type LocationFailureReason = 'denied' | 'privacy' | 'timeout' | 'unavailable' | 'unsupported'

export type ApproximateLocation = { ok: true; lng: number; lat: number } | { ok: false; reason: LocationFailureReason; message: string }

/** Our own deadline: WeChat calls back nothing for ~10 s after privacy consent is refused (WECHAT.md). */
export const LOCATION_TIMEOUT_MS = 10_000

const STILL_WORKS = '您仍可以搜索站名或按高速、区县选择'

export const LOCATION_FAILURE_MESSAGE: Record<LocationFailureReason, string> = {
  denied: `没有获得位置权限。${STILL_WORKS}`,
  privacy: `您没有同意隐私保护指引，暂时不能使用位置。${STILL_WORKS}`,
  timeout: `定位没有回应（如果刚才没有同意隐私保护指引，请稍后再试）。${STILL_WORKS}`,
  unavailable: `暂时无法定位（请检查手机的定位服务是否打开）。${STILL_WORKS}`,
  unsupported: `当前环境不支持定位。${STILL_WORKS}`,
}

export function locationFailure(reason: LocationFailureReason): ApproximateLocation {
  return { ok: false, reason, message: LOCATION_FAILURE_MESSAGE[reason] }
}

/** Coordinates from a platform, checked: a broken reading is "unavailable", not a wrong sort order. */
export function locationFrom(lng: unknown, lat: unknown): ApproximateLocation {
  const longitude = Number(lng)
  const latitude = Number(lat)
  const valid = Number.isFinite(longitude) && Number.isFinite(latitude) && Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90
  return valid ? { ok: true, lng: longitude, lat: latitude } : locationFailure('unavailable')
}

/**
 * Runs a platform's location request against our own deadline: the first of the platform's answer
 * and the deadline wins (later answers are ignored), and a request that throws is a failure.
 */
export function locateWithin(
  deadlineMs: number,
  request: (finish: (result: ApproximateLocation) => void) => void,
  reasonOfThrow: (error: unknown) => LocationFailureReason,
): Promise<ApproximateLocation> {
  return new Promise((resolve) => {
    let settled = false
    const finish = (result: ApproximateLocation): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => finish(locationFailure('timeout')), deadlineMs)
    try {
      request(finish)
    } catch (error) {
      finish(locationFailure(reasonOfThrow(error)))
    }
  })
}
