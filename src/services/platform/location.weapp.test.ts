import Taro from '@tarojs/taro'
import { stubTaroApi } from '@/test/taro-api-stub'
import { getApproximateLocation, openLocationSettings, reasonOfWeappFailure } from './location.weapp'

type FuzzyOptions = { type?: string; success?: (result: { longitude: number; latitude: number }) => void; fail?: (error: unknown) => void }
const fuzzyLocation = stubTaroApi<FuzzyOptions>('getFuzzyLocation')

afterEach(() => {
  jest.useRealTimers()
})

test('asks WeChat for the fuzzy location in WGS-84 and returns it', async () => {
  const call = fuzzyLocation((options) => options.success?.({ longitude: 118.87, latitude: 28.94 }))
  await expect(getApproximateLocation()).resolves.toEqual({ ok: true, lng: 118.87, lat: 28.94 })
  expect(call.mock.calls[0][0].type).toBe('wgs84')
})

test.each([
  [{ errMsg: 'getFuzzyLocation:fail auth deny' }, 'denied'],
  [{ errMsg: 'getFuzzyLocation:fail auth denied' }, 'denied'],
  [{ errMsg: 'getFuzzyLocation:fail authorize no response' }, 'denied'],
  [{ errMsg: 'getFuzzyLocation:fail privacy permission is not authorized', errno: 104 }, 'privacy'],
  [{ errMsg: 'getFuzzyLocation:fail', errno: 104 }, 'privacy'],
  [{ errMsg: 'getFuzzyLocation:fail system permission denied' }, 'unavailable'],
  [{ errMsg: 'getFuzzyLocation:fail timeout' }, 'timeout'],
  [{ errMsg: 'getFuzzyLocation:fail something new' }, 'unavailable'],
])('%p → %s', async (error, reason) => {
  expect(reasonOfWeappFailure(error)).toBe(reason)
  fuzzyLocation((options) => options.fail?.(error))
  await expect(getApproximateLocation()).resolves.toMatchObject({ ok: false, reason })
})

test('silence after a privacy refusal (no callback within 10 s) still ends in a result', async () => {
  jest.useFakeTimers()
  fuzzyLocation(() => undefined)
  const pending = getApproximateLocation()
  jest.advanceTimersByTime(10_000)
  const result = await pending
  expect(result).toMatchObject({ ok: false, reason: 'timeout' })
  expect(result.ok ? '' : result.message).toContain('隐私保护指引')
})

test('a late callback after the deadline changes nothing', async () => {
  jest.useFakeTimers()
  let late: FuzzyOptions | undefined
  fuzzyLocation((options) => (late = options))
  const pending = getApproximateLocation({ timeoutMs: 1000 })
  jest.advanceTimersByTime(1000)
  late?.success?.({ longitude: 118.87, latitude: 28.94 })
  await expect(pending).resolves.toMatchObject({ ok: false })
})

test('an old base library without getFuzzyLocation is "unsupported"', async () => {
  ;(Taro as unknown as { getFuzzyLocation?: unknown }).getFuzzyLocation = undefined
  await expect(getApproximateLocation()).resolves.toMatchObject({ ok: false, reason: 'unsupported' })
})

test('the settings page reports whether location is now allowed', async () => {
  const spy = jest
    .spyOn(Taro, 'openSetting')
    .mockResolvedValue({ authSetting: { 'scope.userFuzzyLocation': true }, errMsg: 'openSetting:ok' } as never)
  await expect(openLocationSettings()).resolves.toBe(true)
  spy.mockResolvedValue({ authSetting: {}, errMsg: 'openSetting:ok' } as never)
  await expect(openLocationSettings()).resolves.toBe(false)
  spy.mockRejectedValue(new Error('openSetting:fail'))
  await expect(openLocationSettings()).resolves.toBe(false)
  spy.mockRestore()
})
