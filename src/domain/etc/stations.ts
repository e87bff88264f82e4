/**
 * Finding toll stations for the 衢城畅行 screens (clause 二十六): by exact name (what a trip log
 * stores), by search text (characters or pinyin initials), by distance from the user, and grouped
 * for a picker. Every function takes the station list so an operator's replacement list
 * (toll-overrides.ts) works the same as the bundled one.
 */
import { DomainError } from '../errors'
import { BUNDLED_TOLL_STATIONS, type County, type Highway, type TollStation } from '../policy/toll-stations'
import { haversineKm } from './geo'
import { toHalfWidth } from './text'

export type StationErrorCode = 'STATION_EMPTY' | 'STATION_UNKNOWN' | 'LOCATION_INVALID'

export class StationError extends DomainError<StationErrorCode> {
  /** Closest names by similarity, for a "did you mean" list. */
  readonly suggestions: readonly TollStation[]

  constructor(code: StationErrorCode, message: string, field?: string, suggestions: readonly TollStation[] = []) {
    super(code, message, field)
    this.suggestions = suggestions
  }
}

/** The bundled candidate stations (facts.md); the in-scheme 13 are provisional. */
export const stations: readonly TollStation[] = BUNDLED_TOLL_STATIONS

const MAX_SUGGESTIONS = 3
/** Below this, a name shares too little to help: '杭州' is not a slip for '衢州东' (1 of 3 characters). */
const MIN_SUGGESTION_SIMILARITY = 0.4

/** '衢州东收费站 ', '衢州东站', 'ＱＵＺＨＯＵＤＯＮＧ' → '衢州东' / 'quzhoudong'. */
export function normaliseStationName(text: string): string {
  return toHalfWidth(text)
    .replace(/\s/g, '')
    .replace(/(高速)?(收费站|站|出口|入口)$/, '')
    .toLowerCase()
}

function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i]
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]
}

/** 0..1: 1 − edit distance / longer length, over characters, or over pinyin for Latin input. */
function nameSimilarity(query: string, station: TollStation): number {
  const characters = Array.from(query)
  const score = (target: string | undefined): number => {
    if (!target) return 0
    const other = Array.from(target)
    return 1 - levenshtein(characters, other) / Math.max(characters.length, other.length)
  }
  if (/^[a-z]+$/.test(query)) {
    const initialsPrefix = station.pinyinInitials?.startsWith(query) ? 0.9 : 0
    return Math.max(score(station.pinyin), score(station.pinyinInitials), initialsPrefix)
  }
  return score(station.name)
}

/** Stations most like `query`, best first; only those alike enough to be what was meant. */
export function suggestStations(query: string, list: readonly TollStation[] = stations, limit = MAX_SUGGESTIONS): TollStation[] {
  const normalised = normaliseStationName(query)
  if (normalised === '') return []
  return list
    .map((station, order) => ({ station, order, similarity: nameSimilarity(normalised, station) }))
    .filter((item) => item.similarity >= MIN_SUGGESTION_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.order - b.order)
    .slice(0, limit)
    .map((item) => item.station)
}

/**
 * A station by name (with or without 站/收费站, spaces, full width) or id. Throws StationError
 * listing the nearest names when there is no such station.
 */
export function findStation(nameOrId: string, list: readonly TollStation[] = stations, field = 'station'): TollStation {
  const normalised = typeof nameOrId === 'string' ? normaliseStationName(nameOrId) : ''
  if (normalised === '') throw new StationError('STATION_EMPTY', '请选择收费站', field)
  const found = list.find((station) => normaliseStationName(station.name) === normalised || station.id === normalised)
  if (found) return found
  const suggestions = suggestStations(nameOrId, list)
  const hint = suggestions.length > 0 ? `您是不是要找：${suggestions.map((station) => station.name).join('、')}？` : '请从站点列表中选择。'
  throw new StationError('STATION_UNKNOWN', `没有找到收费站“${nameOrId.trim()}”。${hint}`, field, suggestions)
}

export interface StationDistance {
  station: TollStation
  /** Straight-line distance, km. */
  distanceKm: number
}

/** Stations sorted by straight-line distance from (lng, lat), nearest first; the first `n` if given. */
export function nearestStations(lng: number, lat: number, n?: number, list: readonly TollStation[] = stations): StationDistance[] {
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw new StationError('LOCATION_INVALID', '位置无效，请重新定位或手动选择收费站', 'location')
  }
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
    throw new StationError('LOCATION_INVALID', '要列出的站点数应为非负整数', 'n')
  }
  const sorted = list
    .map((station) => ({ station, distanceKm: haversineKm({ lng, lat }, station) }))
    .sort((a, b) => a.distanceKm - b.distanceKm)
  return n === undefined ? sorted : sorted.slice(0, n)
}

export interface HighwayGroup {
  highway: Highway
  stations: TollStation[]
}

export interface CountyGroup {
  county: County
  stations: TollStation[]
}

/** Groups in the order highways first appear in the list (G60, G3, G6021, G4012 for the bundled data). */
export function groupStationsByHighway(list: readonly TollStation[] = stations): HighwayGroup[] {
  const groups = new Map<string, HighwayGroup>()
  for (const station of list) {
    const group = groups.get(station.highway.code) ?? { highway: station.highway, stations: [] }
    group.stations.push(station)
    groups.set(station.highway.code, group)
  }
  return [...groups.values()]
}

/** Groups ordered by GB/T 2260 code (柯城区 330802 first). */
export function groupStationsByCounty(list: readonly TollStation[] = stations): CountyGroup[] {
  const groups = new Map<string, CountyGroup>()
  for (const station of list) {
    const group = groups.get(station.county.code) ?? { county: station.county, stations: [] }
    group.stations.push(station)
    groups.set(station.county.code, group)
  }
  return [...groups.values()].sort((a, b) => a.county.code.localeCompare(b.county.code))
}

/**
 * Picker search. Ranks: exact name; name starts with the text; name contains it; pinyin initials
 * or pinyin start with it ('qzd', 'quzhou'); the characters appear in order ('衢东'); county or
 * highway matches ('江山市', 'G60'). Empty text returns the whole list.
 */
export function searchStations(text: string, list: readonly TollStation[] = stations): TollStation[] {
  const query = normaliseStationName(text)
  if (query === '') return [...list]
  const rank = (station: TollStation): number | undefined => {
    const name = station.name.toLowerCase()
    if (name === query) return 0
    if (name.startsWith(query)) return 1
    if (name.includes(query)) return 2
    if (station.pinyinInitials?.startsWith(query) || station.pinyin?.startsWith(query)) return 3
    if (isSubsequence(query, name) || (station.pinyin?.includes(query) && query.length > 1)) return 4
    if (station.county.name.includes(query) || station.highway.code.toLowerCase() === query || station.highway.name.includes(query))
      return 5
    return undefined
  }
  return list
    .map((station, order) => ({ station, order, rank: rank(station) }))
    .filter((item): item is { station: TollStation; order: number; rank: number } => item.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((item) => item.station)
}

function isSubsequence(needle: string, haystack: string): boolean {
  const characters = Array.from(haystack)
  let index = 0
  for (const ch of Array.from(needle)) {
    index = characters.indexOf(ch, index)
    if (index < 0) return false
    index += 1
  }
  return true
}
