/**
 * Logged trips read against the 衢城畅行 data in force (clause 二十六). A trip keeps the station ids
 * of the day it was logged; an operator's new station list may no longer have one of them. Such a
 * trip still shows its route by name and says why it cannot be judged, instead of failing the log.
 */
import { isDomainError } from '@/domain/errors'
import type { TripLogEntry } from '@/domain/etc/savings'
import { findStation } from '@/domain/etc/stations'
import type { TollData } from '@/domain/policy/toll-scheme'
import { BUNDLED_TOLL_STATIONS, type TollStation } from '@/domain/policy/toll-stations'

function stationIn(list: readonly TollStation[], nameOrId: string): TollStation | null {
  try {
    return findStation(nameOrId, list)
  } catch (error) {
    if (!isDomainError(error)) throw error
    return null
  }
}

/** From the data in force, else the bundled list (a station an operator removed keeps its name), else as stored. */
export function stationNameOf(nameOrId: string, stations: readonly TollStation[]): string {
  return (stationIn(stations, nameOrId) ?? stationIn(BUNDLED_TOLL_STATIONS, nameOrId))?.name ?? nameOrId
}

export function routeOf(trip: TripLogEntry, stations: readonly TollStation[]): string {
  return `${stationNameOf(trip.entry, stations)} → ${stationNameOf(trip.exit, stations)}`
}

/** Why this trip cannot be judged with `data`, when one of its stations is not in its list; else null. */
export function missingStationReason(trip: TripLogEntry, data: TollData): string | null {
  const missing = [...new Set([trip.entry, trip.exit])].filter((station) => stationIn(data.stations, station) === null)
  if (missing.length === 0) return null
  const names = missing.map((station) => stationNameOf(station, data.stations)).join('、')
  return `${names} 不在当前的收费站名单中（数据版本 ${data.version}），无法判断是否免费；可点“修改”重新选择收费站`
}
