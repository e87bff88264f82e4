import fc from 'fast-check'
import { BUNDLED_TOLL_STATIONS as STATIONS } from '../policy/toll-stations'
import { isOutsideChina, toGcj02, wgs84ToGcj02 } from './gcj02'

/** Metres between two nearby points (equirectangular; fine at these distances). */
function metres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const x = ((b.lng - a.lng) * Math.PI * 6371000 * Math.cos((a.lat * Math.PI) / 180)) / 180
  const y = ((b.lat - a.lat) * Math.PI * 6371000) / 180
  return Math.hypot(x, y)
}

test('the published reference point: WGS-84 (116.404, 39.915) → GCJ-02 (116.410244, 39.916404)', () => {
  const { lng, lat } = wgs84ToGcj02(116.404, 39.915)
  expect(lng).toBeCloseTo(116.41024449916938, 8)
  expect(lat).toBeCloseTo(39.91640428150164, 8)
})

test('in Quzhou the shift is the known few hundred metres east and south', () => {
  const { lng, lat } = wgs84ToGcj02(118.8615, 28.9598)
  expect(lng - 118.8615).toBeGreaterThan(0.003)
  expect(lng - 118.8615).toBeLessThan(0.006)
  expect(lat - 28.9598).toBeLessThan(-0.001)
  expect(lat - 28.9598).toBeGreaterThan(-0.004)
})

test('every toll station moves between 100 and 700 m, as GCJ-02 does in China', () => {
  for (const station of STATIONS) {
    const moved = metres(station, toGcj02({ ...station, coordinateSystem: 'wgs84' }))
    expect([station.name, moved > 100 && moved < 700]).toEqual([station.name, true])
  }
})

test('property: anywhere in China the shift stays under 1 km; outside China nothing moves; GCJ-02 input is passed through', () => {
  fc.assert(
    fc.property(fc.double({ min: 98, max: 122, noNaN: true }), fc.double({ min: 22, max: 42, noNaN: true }), (lng, lat) => {
      const moved = wgs84ToGcj02(lng, lat)
      return metres({ lng, lat }, moved) < 1000 && !isOutsideChina(lng, lat)
    }),
  )
  expect(wgs84ToGcj02(2.35, 48.85)).toEqual({ lng: 2.35, lat: 48.85 })
  expect(toGcj02({ lng: 118.8615, lat: 28.9598, coordinateSystem: 'gcj02' })).toEqual({ lng: 118.8615, lat: 28.9598 })
})
