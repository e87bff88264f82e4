/**
 * The bundled search items with their pinyin: what the search page finds at once, offline. A title
 * missing from static-keys.ts (the file is stale) is still found by its characters;
 * scripts/search-keys.test.ts is what catches the stale file.
 */
import { STATIC_SEARCH_KEYS } from './static-keys'
import { bundledStationItems, staticSearchSources } from './static-sources'
import type { SearchItem } from './search'

let cached: readonly SearchItem[] | null = null

export function staticSearchItems(): readonly SearchItem[] {
  cached ??= [
    ...staticSearchSources().map((source): SearchItem => ({ ...source, ...STATIC_SEARCH_KEYS[source.title] })),
    ...bundledStationItems(),
  ]
  return cached
}
