import type { TollStation } from '@/domain/policy/toll-stations'

/**
 * H5 has no map component (Taro's <Map> is mini-program only): the stations page is the list,
 * and each row's 导航 opens the station in 高德地图 (services/platform/map.ts). The mini-program
 * build uses station-map.weapp.tsx.
 */
export function StationMap(_props: { stations: readonly TollStation[]; onOpen: (station: TollStation) => void }) {
  return null
}
