import { LOCATION_TIMEOUT_MS, getApproximateLocation } from './location'

type Success = (position: { coords: { longitude: number; latitude: number } }) => void
type Failure = (error: { code: number }) => void

function withGeolocation(getCurrentPosition: (success: Success, failure: Failure, options: PositionOptions) => void) {
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition: jest.fn(getCurrentPosition) } })
  return (navigator as unknown as { geolocation: { getCurrentPosition: jest.Mock } }).geolocation.getCurrentPosition
}

afterEach(() => {
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined })
  jest.useRealTimers()
})

test('a position comes back as WGS-84 lng/lat, asked for with low accuracy and a timeout', async () => {
  const call = withGeolocation((success) => success({ coords: { longitude: 118.87, latitude: 28.94 } }))
  await expect(getApproximateLocation()).resolves.toEqual({ ok: true, lng: 118.87, lat: 28.94 })
  expect(call.mock.calls[0][2]).toMatchObject({ enableHighAccuracy: false, timeout: LOCATION_TIMEOUT_MS })
})

test.each([
  [1, 'denied', '没有获得位置权限'],
  [2, 'unavailable', '暂时无法定位'],
  [3, 'timeout', '定位没有回应'],
])('browser error code %d → %s, with a message that says what still works', async (code, reason, message) => {
  withGeolocation((_success, failure) => failure({ code }))
  const result = await getApproximateLocation()
  expect(result).toMatchObject({ ok: false, reason })
  expect(result.ok ? '' : result.message).toContain(message)
  expect(result.ok ? '' : result.message).toContain('您仍可以搜索站名')
})

test('a browser that never answers (prompt left open) still gives a result after our deadline', async () => {
  jest.useFakeTimers()
  withGeolocation(() => undefined)
  const pending = getApproximateLocation({ timeoutMs: 5000 })
  jest.advanceTimersByTime(6000)
  await expect(pending).resolves.toMatchObject({ ok: false, reason: 'timeout' })
})

test('no Geolocation API at all is "unsupported"', async () => {
  await expect(getApproximateLocation()).resolves.toMatchObject({ ok: false, reason: 'unsupported' })
})

test('a broken reading is not used', async () => {
  withGeolocation((success) => success({ coords: { longitude: Number.NaN, latitude: 28.9 } }))
  await expect(getApproximateLocation()).resolves.toMatchObject({ ok: false, reason: 'unavailable' })
})
