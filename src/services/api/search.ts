/**
 * Search API: `GET /search?q=&limit=` (server/src/routes/search.ts) — events and merchants that
 * arrived after the app was built, ranked on the server by the same src/domain/search. The page
 * searches its bundled items itself and appends these, so nothing is cached here: offline, the
 * bundled results stand and the page says why events and merchants are missing.
 *
 * Answers are checked cheaply: a malformed hit (a newer server) is dropped, not shown half-drawn.
 */
import { MATCH_REASONS, type MatchReason, type SearchRoute } from '@/domain/search/search'
import type { ApiClient } from './client'
import { api } from './index'

const API = '/api/v1'

/** How many events and how many merchants the page asks for (the server allows up to 50 of each). */
export const SEARCH_LIMIT_PER_KIND = 10

export interface OnlineSearchHit {
  kind: 'event' | 'merchant'
  id: string
  title: string
  subtitle?: string
  route: SearchRoute
  reason: MatchReason
  /** Events: not over yet. */
  upcoming?: boolean
}

export interface OnlineSearchResult {
  hits: OnlineSearchHit[]
  total: { events: number; merchants: number }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((item) => typeof item === 'string')
}

export function isOnlineSearchHit(value: unknown): value is OnlineSearchHit {
  if (!isRecord(value) || !isRecord(value.route)) return false
  return (
    (value.kind === 'event' || value.kind === 'merchant') &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    (value.subtitle === undefined || typeof value.subtitle === 'string') &&
    typeof value.route.key === 'string' &&
    (value.route.params === undefined || isStringRecord(value.route.params)) &&
    (MATCH_REASONS as readonly unknown[]).includes(value.reason) &&
    (value.upcoming === undefined || typeof value.upcoming === 'boolean')
  )
}

export function createSearchApi(client: ApiClient) {
  return {
    async searchContent(query: string, limit = SEARCH_LIMIT_PER_KIND): Promise<OnlineSearchResult> {
      const result = await client.get<unknown>(`${API}/search`, { query: { q: query, limit } })
      const hits = Array.isArray(result.data) ? result.data.filter(isOnlineSearchHit) : []
      const total = isRecord(result.meta) && isRecord(result.meta.total) ? result.meta.total : {}
      const count = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)
      return {
        hits,
        total: {
          events: count(total.events, hits.filter((hit) => hit.kind === 'event').length),
          merchants: count(total.merchants, hits.filter((hit) => hit.kind === 'merchant').length),
        },
      }
    },
  }
}

export type SearchApi = ReturnType<typeof createSearchApi>

export const searchApi = createSearchApi(api)
