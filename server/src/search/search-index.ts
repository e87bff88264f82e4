/**
 * Events and merchants as search items (src/domain/search), with pinyin keys made on the server.
 * The index is built from the store once and rebuilt only when the content changes: each search
 * first asks for the row count and newest import time of both tables (every write is an upsert
 * that sets imported_at, and a delete changes the count).
 */
import { eventSpan } from '../../../src/domain/content/spans'
import { EVENT_STATUS_LABEL, EVENT_TYPE_LABEL } from '../../../src/domain/events/event-basics'
import type { CityEvent } from '../../../src/domain/events/model'
import { countyName } from '../../../src/domain/events/places'
import { searchItems, type MatchReason, type SearchItem } from '../../../src/domain/search/search'
import { shanghaiDateOf } from '../../../src/domain/time'
import type { Merchant } from '../../../src/domain/vouchers/schema'
import { MERCHANT_CATEGORY_NAME } from '../../../src/domain/vouchers/places'
import type { Queryable } from '../store/db'
import { pinyinKeysOf } from './pinyin-keys'

export interface SearchHit {
  kind: 'event' | 'merchant'
  id: string
  title: string
  subtitle?: string
  route: SearchItem['route']
  reason: MatchReason
  /** Events: not over yet (its last occurrence ends after now). */
  upcoming?: boolean
}

interface EventEntry {
  item: SearchItem
  startsAtMs: number
  endsAtMs: number
}

interface SearchIndex {
  fingerprint: string
  events: EventEntry[]
  merchants: SearchItem[]
}

function withKeys(item: Omit<SearchItem, 'pinyin' | 'initials'>): SearchItem {
  return { ...item, ...pinyinKeysOf(item.title) }
}

function eventDates(startsAtMs: number, endsAtMs: number): string {
  const first = shanghaiDateOf(startsAtMs)
  const last = shanghaiDateOf(endsAtMs - 1)
  return first === last ? first : `${first} 至 ${last}`
}

export function eventSearchItem(event: CityEvent): EventEntry {
  const span = eventSpan(event)
  const status = event.status === 'scheduled' ? '' : `${EVENT_STATUS_LABEL[event.status]} · `
  return {
    startsAtMs: span.startsAtMs,
    endsAtMs: span.endsAtMs,
    item: withKeys({
      kind: 'event',
      id: event.id,
      title: event.title,
      subtitle: `${status}${eventDates(span.startsAtMs, span.endsAtMs)} · ${event.venue.name}`,
      keywords: [EVENT_TYPE_LABEL[event.type], event.venue.name, countyName(event.county), ...event.tags],
      route: { key: 'event-detail', params: { id: event.id } },
    }),
  }
}

export function merchantSearchItem(merchant: Merchant): SearchItem {
  const category = MERCHANT_CATEGORY_NAME[merchant.category]
  const county = countyName(merchant.county)
  return withKeys({
    kind: 'merchant',
    id: merchant.id,
    title: merchant.name,
    subtitle: `${county} · ${category} · ${merchant.address}`,
    keywords: [category, county, merchant.address, ...(merchant.tags ?? [])],
    route: { key: 'vouchers-merchants', params: { merchant: merchant.id } },
  })
}

async function fingerprintOf(q: Queryable): Promise<string> {
  const [row] = await q.query<{ events: number; events_at: Date | null; merchants: number; merchants_at: Date | null }>(
    `select (select count(*)::int from events) as events, (select max(imported_at) from events) as events_at,
            (select count(*)::int from merchants) as merchants, (select max(imported_at) from merchants) as merchants_at`,
  )
  const time = (value: Date | null) => (value ? new Date(value).getTime() : 0)
  return `${row.events}:${time(row.events_at)}:${row.merchants}:${time(row.merchants_at)}`
}

async function buildIndex(q: Queryable, fingerprint: string): Promise<SearchIndex> {
  const events = await q.query<{ doc: CityEvent }>('select doc from events order by id')
  const merchants = await q.query<{ doc: Merchant }>('select doc from merchants order by id')
  return {
    fingerprint,
    events: events.map((row) => eventSearchItem(row.doc)),
    merchants: merchants.map((row) => merchantSearchItem(row.doc)),
  }
}

export interface ContentSearchResult {
  hits: SearchHit[]
  counts: { events: number; merchants: number }
}

function hit(item: SearchItem, reason: MatchReason, upcoming?: boolean): SearchHit {
  return {
    kind: item.kind as SearchHit['kind'],
    id: item.id,
    title: item.title,
    subtitle: item.subtitle,
    route: item.route,
    reason,
    ...(upcoming === undefined ? {} : { upcoming }),
  }
}

/** Searches events and merchants; one per app (tests build their own). */
export function createContentSearch(db: Queryable) {
  let index: SearchIndex | null = null
  let building: Promise<SearchIndex> | null = null

  async function currentIndex(): Promise<SearchIndex> {
    const fingerprint = await fingerprintOf(db)
    if (index?.fingerprint === fingerprint) return index
    building ??= buildIndex(db, fingerprint).finally(() => {
      building = null
    })
    index = await building
    return index
  }

  return {
    /**
     * Events not yet over first (soonest first among equals), then past ones (latest first), each
     * part in the domain's ranking; then merchants. At most `limit` of each.
     */
    async search(query: string, limit: number, now: Date): Promise<ContentSearchResult> {
      const { events, merchants } = await currentIndex()
      const nowMs = now.getTime()
      const upcoming = events.filter((entry) => entry.endsAtMs > nowMs).sort((a, b) => a.startsAtMs - b.startsAtMs)
      const past = events.filter((entry) => entry.endsAtMs <= nowMs).sort((a, b) => b.startsAtMs - a.startsAtMs)
      const eventHits = [
        ...searchItems(query, upcoming.map((entry) => entry.item)).map((match) => hit(match.item, match.reason, true)),
        ...searchItems(query, past.map((entry) => entry.item)).map((match) => hit(match.item, match.reason, false)),
      ]
      const merchantHits = searchItems(query, merchants).map((match) => hit(match.item, match.reason))
      return {
        hits: [...eventHits.slice(0, limit), ...merchantHits.slice(0, limit)],
        counts: { events: eventHits.length, merchants: merchantHits.length },
      }
    },
  }
}

export type ContentSearch = ReturnType<typeof createContentSearch>
