/**
 * Events API (issue 7): `GET /events?from=&to=` (paged, ETag) and `GET /events/:eventId`.
 *
 * The calendar asks for the whole range a month grid shows and filters on the phone with the
 * domain's `matchesFilters`, so one cached answer per month serves every filter offline, and
 * the county filter keeps the domain's meaning (a city-wide event matches every county).
 *
 * Documents come back as imported (validated by the server) plus `updatedAt`. They are checked
 * here only for the shape the calendar code relies on, cheaply: a month of 500 events must not
 * wait for a full schema parse, and a malformed item (an old cached copy, a newer server) is
 * dropped instead of breaking the whole month.
 */
import { EVENT_TYPES } from '@/domain/events/event-basics'
import type { CityEvent } from '@/domain/events/model'
import type { ApiClient, ApiResult } from './client'
import { ApiError } from './errors'
import { api } from './index'

const API = '/api/v1'
/** The server's largest page (server/src/http/schemas.ts pageQuery). */
export const EVENTS_PAGE_SIZE = 200
/** A month grid is 42 days; more than this many pages means something is wrong, stop there. */
const MAX_PAGES = 25


const TYPES = new Set<string>(EVENT_TYPES)

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The fields the calendar, lists and detail page read, with the types they read them as. */
export function isCityEventLike(value: unknown): value is CityEvent {
  if (!isRecord(value)) return false
  const { venue, admission, provenance } = value
  return (
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    TYPES.has(value.type as string) &&
    typeof value.county === 'string' &&
    typeof value.allDay === 'boolean' &&
    typeof value.start === 'string' &&
    typeof value.end === 'string' &&
    (value.status === 'scheduled' || value.status === 'changed' || value.status === 'cancelled') &&
    Array.isArray(value.tags) &&
    Array.isArray(value.otherVenues) &&
    Array.isArray(value.voucherBatchIds) &&
    isRecord(venue) &&
    typeof venue.name === 'string' &&
    typeof venue.lng === 'number' &&
    typeof venue.lat === 'number' &&
    isRecord(admission) &&
    typeof admission.kind === 'string' &&
    isRecord(provenance) &&
    typeof provenance.sample === 'boolean' &&
    (value.recurrence === undefined || (isRecord(value.recurrence) && Array.isArray(value.recurrence.weekdays)))
  )
}

export function keepCityEvents(items: unknown): CityEvent[] {
  return Array.isArray(items) ? items.filter(isCityEventLike) : []
}

export function createEventsApi(client: ApiClient) {
  return {
    /**
     * Every event overlapping the Shanghai dates [from, to], all pages: fetched at the oldest
     * page's time, from the stored copy if any page was.
     */
    async getEventsInRange(from: string, to: string): Promise<ApiResult<CityEvent[]>> {
      const events: CityEvent[] = []
      let fetchedAt = Number.POSITIVE_INFINITY
      let fromCache = false
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const result = await client.get<unknown[]>(`${API}/events`, {
          query: { from, to, page, pageSize: EVENTS_PAGE_SIZE },
          cacheKey: `events:${from}:${to}:${page}`,
        })
        events.push(...keepCityEvents(result.data))
        fetchedAt = Math.min(fetchedAt, result.fetchedAt)
        fromCache = fromCache || result.fromCache
        const total = Number(result.meta?.total)
        const received = Array.isArray(result.data) ? result.data.length : 0
        if (!Number.isFinite(total) || page * EVENTS_PAGE_SIZE >= total || received < EVENTS_PAGE_SIZE) break
      }
      return { data: events, fetchedAt, fromCache }
    },

    async getEvent(eventId: string): Promise<ApiResult<CityEvent>> {
      const result = await client.get<unknown>(`${API}/events/${encodeURIComponent(eventId)}`, { cacheKey: `event:${eventId}` })
      if (!isCityEventLike(result.data)) throw new ApiError('BAD_RESPONSE', '活动数据无法识别，请稍后重试', 200)
      return { data: result.data, fetchedAt: result.fetchedAt, fromCache: result.fromCache }
    },
  }
}

export type EventsApi = ReturnType<typeof createEventsApi>

export const eventsApi = createEventsApi(api)
