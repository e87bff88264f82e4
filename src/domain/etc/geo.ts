/**
 * Great-circle distance on a sphere of the Earth's mean radius (IUGG, 6371.0088 km). Over the
 * ~100 km of Quzhou the sphere is within 0.5% of the WGS-84 ellipsoid — far finer than the road
 * factor the toll estimate multiplies it by.
 */
export const EARTH_MEAN_RADIUS_KM = 6371.0088

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180

export interface LngLat {
  lng: number
  lat: number
}

export function haversineKm(from: LngLat, to: LngLat): number {
  const dLat = toRadians(to.lat - from.lat)
  const dLng = toRadians(to.lng - from.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}
