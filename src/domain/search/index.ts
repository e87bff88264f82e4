/**
 * Search across measures, calculators, events, merchants, stations, clauses and pages by Chinese
 * characters or pinyin (issue 8). Ranking in search.ts; bundled items in static-items.ts.
 */
export {
  MATCH_REASONS,
  PINYIN_PRO_OPTIONS,
  SEARCH_KINDS,
  SEARCH_KIND_LABEL,
  groupMatchesByKind,
  matchReason,
  normaliseSearchText,
  searchItems,
  searchKeysFromReadings,
} from './search'
export type {
  MatchReason,
  PinyinReading,
  SearchGroup,
  SearchItem,
  SearchKeys,
  SearchKind,
  SearchMatch,
  SearchOptions,
  SearchRoute,
} from './search'
export { staticSearchItems } from './static-items'
export { bundledStationItems, staticSearchSources, staticSearchTitles, stationItem } from './static-sources'
