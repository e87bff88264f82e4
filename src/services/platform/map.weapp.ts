/**
 * 查看地图 / 导航 in the mini-program: wx.openLocation shows the place in WeChat's map, from which
 * the person picks a navigation app. It expects GCJ-02, so WGS-84 points are converted first
 * (src/domain/geo/gcj02.ts). No location permission is needed to show a place. H5 uses map.ts.
 */
import Taro from '@tarojs/taro'
import type { Venue } from '@/domain/events/model'
import { toGcj02, type MapPoint } from '@/domain/geo/gcj02'

export interface MapPlace extends MapPoint {
  name: string
  address?: string
}

export function openPlaceOnMap(place: MapPlace): Promise<{ ok: boolean; message: string }> {
  const { lng, lat } = toGcj02(place)
  const failed = { ok: false, message: `没能打开地图，请在地图中搜索“${place.name}”` }
  return new Promise((resolve) => {
    try {
      const pending = Taro.openLocation({
        longitude: lng,
        latitude: lat,
        name: place.name,
        address: place.address ?? '',
        scale: 16,
        success: () => resolve({ ok: true, message: '' }),
        fail: () => resolve(failed),
      })
      if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined)
    } catch {
      resolve(failed)
    }
  })
}

export function openVenueMap(venue: Venue): Promise<{ ok: boolean; message: string }> {
  return openPlaceOnMap(venue)
}
