/**
 * 查看地图 on H5: browsers have no openLocation outside WeChat's JS-SDK, so we open 高德地图's
 * public marker page, which takes GCJ-02 coordinates like WeChat does. The weapp build uses
 * map.weapp.ts instead.
 */
import type { Venue } from '../../domain/events/model'
import { venueInGcj02 } from './map-coordinates'

export function openVenueMap(venue: Venue): Promise<{ ok: boolean; message: string }> {
  const { lng, lat } = venueInGcj02(venue)
  const url = `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(venue.name)}&coordinate=gaode&callnative=0`
  const opened = typeof window !== 'undefined' && typeof window.open === 'function' ? window.open(url, '_blank', 'noopener') : null
  return Promise.resolve(opened ? { ok: true, message: '' } : { ok: false, message: `请在地图中搜索“${venue.name}”` })
}
