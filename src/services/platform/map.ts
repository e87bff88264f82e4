/**
 * 查看地图 / 导航 on H5: browsers have no openLocation outside WeChat's JS-SDK, so we open 高德地图's
 * public marker page, which takes GCJ-02 coordinates like WeChat does (converted in the domain,
 * src/domain/geo/gcj02.ts). The weapp build uses map.weapp.ts instead.
 */
import type { Venue } from '@/domain/events/model'
import { toGcj02, type MapPoint } from '@/domain/geo/gcj02'

export interface MapPlace extends MapPoint {
  name: string
  address?: string
}

/** The 高德 page that shows the place and offers to navigate there (also on a phone without the app). */
export function mapLinkOf(place: MapPlace): string {
  const { lng, lat } = toGcj02(place)
  return `https://uri.amap.com/marker?position=${lng.toFixed(6)},${lat.toFixed(6)}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`
}

export function openPlaceOnMap(place: MapPlace): Promise<{ ok: boolean; message: string }> {
  const opened = typeof window !== 'undefined' && typeof window.open === 'function' ? window.open(mapLinkOf(place), '_blank', 'noopener') : null
  return Promise.resolve(opened ? { ok: true, message: '' } : { ok: false, message: `请在地图中搜索“${place.name}”` })
}

export function openVenueMap(venue: Venue): Promise<{ ok: boolean; message: string }> {
  return openPlaceOnMap(venue)
}
