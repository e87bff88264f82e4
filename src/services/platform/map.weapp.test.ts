import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '@/domain/geo/gcj02'
import { openPlaceOnMap } from './map.weapp'

const taro = Taro as unknown as { openLocation?: unknown }
const original = taro.openLocation
afterEach(() => {
  taro.openLocation = original
})

test('a WGS-84 station is handed to wx.openLocation in GCJ-02, named, at street scale', async () => {
  const calls: Record<string, unknown>[] = []
  taro.openLocation = jest.fn((options: Record<string, unknown> & { success: () => void }) => {
    calls.push(options)
    options.success()
  })
  const result = await openPlaceOnMap({ name: '衢州东收费站', lng: 118.95, lat: 28.97, coordinateSystem: 'wgs84' })
  expect(result.ok).toBe(true)
  const gcj = wgs84ToGcj02(118.95, 28.97)
  expect(calls[0]).toMatchObject({ longitude: gcj.lng, latitude: gcj.lat, name: '衢州东收费站', scale: 16 })
})

test('a refusal or a missing API says what to do instead', async () => {
  taro.openLocation = jest.fn((options: { fail: () => void }) => options.fail())
  expect(await openPlaceOnMap({ name: '龙游收费站', lng: 119.17, lat: 29.03, coordinateSystem: 'wgs84' })).toEqual({ ok: false, message: '没能打开地图，请在地图中搜索“龙游收费站”' })
  taro.openLocation = () => {
    throw new Error('not supported')
  }
  expect((await openPlaceOnMap({ name: '龙游收费站', lng: 119.17, lat: 29.03, coordinateSystem: 'wgs84' })).ok).toBe(false)
})
