/**
 * Events per date range (a month grid) as keys of the resource cache, with where they came from:
 * the server, the phone's stored copy (network down), or — when neither is available — the
 * bundled real 2025 events plus sample events relative to today, which the screen must call
 * 内置示例数据. A range the server answered is not asked again until a screen refreshes it; the
 * API client keeps the last answer per range on the phone (ETag + offline copy).
 */
import { useMemo } from 'react'
import type { CityEvent } from '@/domain/events/model'
import { realEvents2025 } from '@/domain/events/real-events-2025'
import { sampleEvents } from '@/domain/events/sample-events'
import type { DateString } from '@/domain/time'
import { isApiError } from '@/services/api/errors'
import { eventsApi } from '@/services/api/events'
import { loadResource, useResource, useResources, type DataSource, type Resource, type ResourceOptions } from './resource'

export type EventsSource = DataSource

export interface EventsRange {
  events: readonly CityEvent[]
  source: EventsSource
  /** When the server sent this data (epoch ms); null for bundled data. */
  fetchedAt: number | null
}

const RANGE_PREFIX = 'events:'
export const rangeKey = (from: DateString, to: DateString): string => `${RANGE_PREFIX}${from}~${to}`

let bundled: { today: DateString; events: readonly CityEvent[] } | null = null

/** Real 2025 events and samples dated from `today`; built once per day. */
export function bundledEvents(today: DateString): readonly CityEvent[] {
  if (!bundled || bundled.today !== today) bundled = { today, events: [...realEvents2025, ...sampleEvents(today)] }
  return bundled.events
}

const fetchRange = (from: DateString, to: DateString) => () => eventsApi.getEventsInRange(from, to)
// A server answer stands until a screen asks again; a stored or bundled one is retried on the next read.
const rangeOptions = (today: DateString): ResourceOptions<readonly CityEvent[]> => ({ staleMs: Number.POSITIVE_INFINITY, bundled: () => bundledEvents(today) })

function rangeOf(entry: Resource<readonly CityEvent[]>): EventsRange | undefined {
  return entry.data && entry.source ? { events: entry.data, source: entry.source, fetchedAt: entry.fetchedAt } : undefined
}

/** Loads a range (again with `refresh`); never throws — the bundled data is the last resort. */
export async function loadRange(from: DateString, to: DateString, options: { today: DateString; refresh?: boolean }): Promise<EventsRange | undefined> {
  return rangeOf(await loadResource(rangeKey(from, to), fetchRange(from, to), { ...rangeOptions(options.today), force: options.refresh }))
}

/** A screen's range: read on mount, `reload` to ask the server again. */
export function useEventsRange(from: DateString, to: DateString, today: DateString) {
  const resource = useResource(rangeKey(from, to), fetchRange(from, to), rangeOptions(today))
  const { data, source, fetchedAt, loading, reload } = resource
  const range = useMemo(() => rangeOf({ data, source, fetchedAt, loading, error: null }), [data, source, fetchedAt, loading])
  return { range, loading, reload }
}

/** An event already loaded in any range (the calendar opened it), or null. */
export function findLoadedEvent(eventId: string): { event: CityEvent; range: EventsRange } | null {
  const { entries } = useResources.getState()
  for (const key of Object.keys(entries)) {
    const range = key.startsWith(RANGE_PREFIX) ? rangeOf(entries[key] as Resource<readonly CityEvent[]>) : undefined
    const event = range?.events.find((item) => item.id === eventId)
    if (range && event) return { event, range }
  }
  return null
}

export interface LoadedEvent {
  event: CityEvent
  source: EventsSource
  fetchedAt: number | null
}

/**
 * One event for its detail page: fresh from the server when reachable, otherwise the last copy
 * of it, otherwise what the calendar already holds, otherwise the bundled data.
 */
export async function loadEvent(eventId: string, today: DateString): Promise<LoadedEvent | null> {
  const key = `event:${eventId}`
  const { data, source, fetchedAt, failure } = await loadResource(key, () => eventsApi.getEvent(eventId), { stored: true })
  // Gone from the server (withdrawn by the operator): do not show a stale copy as if it were on.
  if (isApiError(failure) && failure.code === 'NOT_FOUND') return null
  if (data && source) return { event: data, source, fetchedAt }
  const loaded = findLoadedEvent(eventId)
  if (loaded) return { event: loaded.event, source: loaded.range.source, fetchedAt: loaded.range.fetchedAt }
  const event = bundledEvents(today).find((item) => item.id === eventId)
  return event ? { event, source: 'bundled', fetchedAt: null } : null
}
