import { Map, View } from '@tarojs/components'
import { toGcj02 } from '@/domain/geo/gcj02'
import type { TollStation } from '@/domain/policy/toll-stations'

/** Copied into the weapp build by config/index.ts (WeChat's <map> takes a file path, not a data URI). */
const MARKER_ICON = '/assets/map/station-marker.png'

/**
 * The mini-program's map of the 衢城畅行 stations (WeChat's <map>, GCJ-02): each in-scheme station
 * marked and named; tapping a marker's label opens navigation like the list's 导航 does. The list
 * below stays the way to read and choose them (a map is no use to a screen reader). H5 has no map
 * component: station-map.tsx shows nothing and each row links to 高德地图.
 */
export function StationMap({ stations, onOpen }: { stations: readonly TollStation[]; onOpen: (station: TollStation) => void }) {
  const marked = stations.filter((station) => station.inScheme)
  if (marked.length === 0) return null
  const points = marked.map((station) => toGcj02({ lng: station.lng, lat: station.lat, coordinateSystem: 'wgs84' }))
  const markers = marked.map((station, index) => ({
    id: index,
    longitude: points[index].lng,
    latitude: points[index].lat,
    title: station.name,
    iconPath: MARKER_ICON,
    width: 32,
    height: 32,
    callout: { content: `${station.name} · 导航`, display: 'BYCLICK' as const, fontSize: 16, padding: 8, borderRadius: 8, color: '#1f1f1f', bgColor: '#ffffff' },
  }))
  const longitude = points.reduce((sum, point) => sum + point.lng, 0) / points.length
  const latitude = points.reduce((sum, point) => sum + point.lat, 0) / points.length
  return (
    <View className='card etc-station-map' aria-label={`地图：“衢城畅行”的 ${marked.length} 个收费站`}>
      <Map
        className='etc-station-map__map'
        longitude={longitude}
        latitude={latitude}
        scale={9}
        markers={markers as never}
        includePoints={points.map((point) => ({ longitude: point.lng, latitude: point.lat }))}
        // The list below still works when the map cannot load (no network for the tiles).
        onError={() => undefined}
        onCalloutTap={(event) => {
          const station = marked[Number((event.detail as { markerId?: number }).markerId)]
          if (station) onOpen(station)
        }}
      />
      <View className='caption'>地图上标出了“衢城畅行”的 {marked.length} 个收费站，点标记再点名称可以导航。</View>
    </View>
  )
}
