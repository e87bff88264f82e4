import { venueInGcj02, wgs84ToGcj02 } from './map-coordinates'

test('GCJ-02 venues are passed through unchanged', () => {
  expect(venueInGcj02({ lng: 118.8615, lat: 28.9598, coordinateSystem: 'gcj02' })).toEqual({ lng: 118.8615, lat: 28.9598 })
})

test('a WGS-84 point in Quzhou moves a few hundred metres, as GCJ-02 does there', () => {
  const { lng, lat } = wgs84ToGcj02(118.8615, 28.9598)
  // Published offsets in Zhejiang are about +0.0045° longitude and −0.0025° latitude.
  expect(lng - 118.8615).toBeGreaterThan(0.003)
  expect(lng - 118.8615).toBeLessThan(0.006)
  expect(lat - 28.9598).toBeLessThan(-0.001)
  expect(lat - 28.9598).toBeGreaterThan(-0.004)
  expect(venueInGcj02({ lng: 118.8615, lat: 28.9598, coordinateSystem: 'wgs84' })).toEqual({ lng, lat })
})
