/**
 * The bundled search items with their pinyin: what the search page finds at once, offline. A title
 * missing from static-keys.ts (the file is stale) is still found by its characters;
 * scripts/search-keys.test.ts is what catches the stale file.
 */
import { STATIC_SEARCH_KEYS } from './static-keys'
import { BUNDLED_TOLL_STATIONS, type TollStation } from '../policy/toll-stations'
import { bundledStationItems, staticSearchSources } from './static-sources'
import type { SearchItem } from './search'
import type { SchemePeriodStatus } from '../etc/scheme-period'

let sources: readonly SearchItem[] | null = null
let cached: { stations: readonly TollStation[]; periodText: string | undefined; items: readonly SearchItem[] } | null = null

/**
 * `stations`: the 衢城畅行 stations in force — the operator's list once the ETC data has been
 * served (clause 二十六), else the bundled one; `period`: whether the scheme is known to run today
 * (schemePeriodStatus). Station items carry their own pinyin.
 */
export function staticSearchItems(
  stations: readonly TollStation[] = BUNDLED_TOLL_STATIONS,
  period?: SchemePeriodStatus,
): readonly SearchItem[] {
  sources ??= staticSearchSources().map((source): SearchItem => ({ ...source, ...STATIC_SEARCH_KEYS[source.title] }))
  if (cached?.stations !== stations || cached.periodText !== period?.text) {
    cached = { stations, periodText: period?.text, items: [...sources, ...bundledStationItems(stations, period)] }
  }
  return cached.items
}
