/**
 * Events the app has loaded, per date range (a month grid), with where they came from: the
 * server, the phone's stored copy (network down), or — when neither is available — the bundled
 * real 2025 events plus sample events relative to today, which the screen must call 内置示例数据.
 *
 * Not persisted: the API client already keeps the last answer per range on the phone (ETag +
 * offline copy), so this store is only the in-memory view the tab and the detail page share.
 */
import { create } from 'zustand'
import type { CityEvent } from '../domain/events/model'
import { realEvents2025 } from '../domain/events/real-events-2025'
import { sampleEvents } from '../domain/events/sample-events'
import type { DateString } from '../domain/time'
import { eventServices } from './event-services'
import { isApiError } from '../services/api/errors'

export type EventsSource = 'server' | 'cache' | 'bundled'

export interface EventsRange {
  from: DateString
  to: DateString
  events: readonly CityEvent[]
  source: EventsSource
  /** When the server sent this data (epoch ms); null for bundled data. */
  fetchedAt: number | null
}

interface EventsState {
  ranges: Readonly<Record<string, EventsRange>>
  loading: Readonly<Record<string, boolean>>
  /** Loads a range once (again with `refresh`); never throws — the bundled data is the last resort. */
  loadRange: (from: DateString, to: DateString, options?: { today: DateString; refresh?: boolean }) => Promise<EventsRange>
}

export const rangeKey = (from: DateString, to: DateString): string => `${from}~${to}`

let bundled: { today: DateString; events: readonly CityEvent[] } | null = null

/** Real 2025 events and samples dated from `today`; built once per day. */
export function bundledEvents(today: DateString): readonly CityEvent[] {
  if (!bundled || bundled.today !== today) bundled = { today, events: [...realEvents2025, ...sampleEvents(today)] }
  return bundled.events
}

// Two screens asking for the same range at once (the shown month is also this week's) share one load.
const inFlight = new Map<string, Promise<EventsRange>>()

export const useEventsStore = create<EventsState>()((set, get) => ({
  ranges: {},
  loading: {},
  loadRange: (from, to, options) => {
    const key = rangeKey(from, to)
    const existing = get().ranges[key]
    if (existing && existing.source === 'server' && !options?.refresh) return Promise.resolve(existing)
    const running = inFlight.get(key)
    if (running) return running
    set((state) => ({ loading: { ...state.loading, [key]: true } }))
    const load = eventServices()
      .events.getEventsInRange(from, to)
      .then(
        (result): EventsRange => ({
          from,
          to,
          events: result.events,
          source: result.fromCache ? 'cache' : 'server',
          fetchedAt: result.fetchedAt,
        }),
      )
      .catch((): EventsRange => ({ from, to, events: bundledEvents(options?.today ?? from), source: 'bundled', fetchedAt: null }))
      .then((range) => {
        inFlight.delete(key)
        set((state) => ({ ranges: { ...state.ranges, [key]: range }, loading: { ...state.loading, [key]: false } }))
        return range
      })
    inFlight.set(key, load)
    return load
  },
}))

/** An event already loaded in any range (the calendar opened it), or null. */
export function findLoadedEvent(eventId: string): { event: CityEvent; range: EventsRange } | null {
  for (const range of Object.values(useEventsStore.getState().ranges)) {
    const event = range.events.find((item) => item.id === eventId)
    if (event) return { event, range }
  }
  return null
}

export interface LoadedEvent {
  event: CityEvent
  source: EventsSource
  fetchedAt: number | null
}

/**
 * One event for its detail page: fresh from the server when reachable, otherwise what the
 * calendar already holds, otherwise the phone's stored copy, otherwise the bundled data.
 */
export async function loadEvent(eventId: string, today: DateString): Promise<LoadedEvent | null> {
  try {
    const result = await eventServices().events.getEvent(eventId)
    return { event: result.event, source: result.fromCache ? 'cache' : 'server', fetchedAt: result.fetchedAt }
  } catch (error) {
    // Gone from the server (withdrawn by the operator): do not show a stale copy as if it were on.
    if (isApiError(error) && error.code === 'NOT_FOUND') return null
    const loaded = findLoadedEvent(eventId)
    if (loaded) return { event: loaded.event, source: loaded.range.source, fetchedAt: loaded.range.fetchedAt }
    const event = bundledEvents(today).find((item) => item.id === eventId)
    return event ? { event, source: 'bundled', fetchedAt: null } : null
  }
}
