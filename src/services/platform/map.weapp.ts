/**
 * 查看地图 in the mini-program: wx.openLocation, which expects GCJ-02 (venues in WGS-84 are
 * converted first). No location permission is needed to show a place. The H5 build uses map.ts.
 */
import Taro from '@tarojs/taro'
import type { Venue } from '../../domain/events/model'
import { venueInGcj02 } from './map-coordinates'

export function openVenueMap(venue: Venue): Promise<{ ok: boolean; message: string }> {
  const { lng, lat } = venueInGcj02(venue)
  return new Promise((resolve) => {
    try {
      const pending = Taro.openLocation({
        longitude: lng,
        latitude: lat,
        name: venue.name,
        address: venue.address ?? '',
        scale: 16,
        success: () => resolve({ ok: true, message: '' }),
        fail: () => resolve({ ok: false, message: `没能打开地图，请在地图中搜索“${venue.name}”` }),
      })
      if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined)
    } catch {
      resolve({ ok: false, message: `没能打开地图，请在地图中搜索“${venue.name}”` })
    }
  })
}
