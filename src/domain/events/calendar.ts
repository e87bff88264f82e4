/**
 * The 活动 tab's month calendar: a Monday-first grid with 休/班 badges, dots by event type, the
 * selected day's list, and the filters (type, county, free).
 *
 * Speed: occurrences are indexed by day once per render — each event is expanded only over the
 * grid's 42 days and pushed into the buckets of the days it touches, so a month with 500 events
 * costs O(events + event-days), not O(events × days).
 */
import { assertDate, todayInShanghai, type DateString } from '../time'
import { EventError, EVENT_TYPES, type EventType, type SportsLevel } from './event-basics'
import type { CityEvent } from './model'
import { QUZHOU_CITY_CODE, type CountyCode } from './places'
import { holidayInfo, type HolidayInfo } from './holidays'
import { compareOccurrences, occurrencesBetweenDays, type EventOccurrence } from './occurrences'
import { dateOfDayNumber, dayNumberOf, daysInMonth, isoWeekdayOf, pad2, type DayNumber, type IsoWeekday } from '../time/shanghai'

export interface CalendarDay {
  date: DateString
  /** Day of the month, 1–31. */
  day: number
  weekday: IsoWeekday
  inMonth: boolean
  isToday: boolean
  isWeekend: boolean
  holiday: HolidayInfo
}

export interface MonthGrid {
  year: number
  month: number
  /** Weeks of 7 days, Monday first. */
  weeks: CalendarDay[][]
  first: DateString
  last: DateString
  /**
   * Years shown in the grid that the holiday data does not cover: the screen should say
   * "YYYY 年节假日安排尚未收录" instead of showing no badges as if there were no holidays.
   */
  holidayDataMissingYears: number[]
}

export interface MonthGridOptions {
  /** Today's Shanghai date; defaults to the date of `now`. */
  today?: DateString
  /** Epoch ms used for `isToday` when `today` is not given (defaults to Date.now()). */
  now?: number
  /** 'fixed': always 6 weeks, so the grid's height never jumps (default); 'fit': only the weeks needed. */
  rows?: 'fixed' | 'fit'
}

function assertMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new EventError('CALENDAR_BAD_MONTH', '年份应在 1900–2199 之间', 'year')
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new EventError('CALENDAR_BAD_MONTH', '月份应为 1–12', 'month')
  }
}

/** First and last day numbers the grid shows (Monday before the 1st … Sunday after). */
function gridBounds(year: number, month: number, rows: 'fixed' | 'fit'): { firstDay: DayNumber; lastDay: DayNumber } {
  const monthFirst = dayNumberOf(`${year}-${pad2(month)}-01`)
  const firstDay = monthFirst - (isoWeekdayOf(monthFirst) - 1)
  const monthLast = monthFirst + daysInMonth(year, month) - 1
  const weeks = rows === 'fixed' ? 6 : Math.ceil((monthLast - firstDay + 1) / 7)
  return { firstDay, lastDay: firstDay + weeks * 7 - 1 }
}

/** The dates a month grid shows, for fetching the events of exactly that range. */
export function monthGridRange(year: number, month: number, rows: 'fixed' | 'fit' = 'fixed'): { from: DateString; to: DateString } {
  assertMonth(year, month)
  const { firstDay, lastDay } = gridBounds(year, month, rows)
  return { from: dateOfDayNumber(firstDay), to: dateOfDayNumber(lastDay) }
}

export function monthGrid(year: number, month: number, options: MonthGridOptions = {}): MonthGrid {
  assertMonth(year, month)
  const rows = options.rows ?? 'fixed'
  const today = options.today !== undefined ? assertDate(options.today, 'today') : todayInShanghai(options.now ?? Date.now())
  const { firstDay, lastDay } = gridBounds(year, month, rows)
  const weeks: CalendarDay[][] = []
  const missing = new Set<number>()
  for (let day = firstDay; day <= lastDay; day += 1) {
    const date = dateOfDayNumber(day)
    const weekday = isoWeekdayOf(day)
    const holiday = holidayInfo(date)
    if (holiday.kind === 'unknown') missing.add(Number(date.slice(0, 4)))
    if (weekday === 1) weeks.push([])
    weeks[weeks.length - 1].push({
      date,
      day: Number(date.slice(8, 10)),
      weekday,
      inMonth: Number(date.slice(5, 7)) === month,
      isToday: date === today,
      isWeekend: weekday >= 6,
      holiday,
    })
  }
  return {
    year,
    month,
    weeks,
    first: dateOfDayNumber(firstDay),
    last: dateOfDayNumber(lastDay),
    holidayDataMissingYears: Array.from(missing).sort((a, b) => a - b),
  }
}

export interface EventFilters {
  types?: readonly EventType[]
  /** Only meaningful with 'sports' among the types (or no types): keeps sports events of these levels. */
  sportsLevels?: readonly SportsLevel[]
  /**
   * Counties to show. An event held across the whole city (330800) matches every county: a
   * resident of 江山 filtering on 江山市 still wants to see a city-wide event.
   */
  counties?: readonly CountyCode[]
  /** true: free only; false: ticketed only; undefined: all. Events with unknown admission match neither. */
  free?: boolean
  tags?: readonly string[]
  /** Cancelled events are shown (struck through) unless this is false. */
  includeCancelled?: boolean
  /** Sample events (示例) are shown unless this is false. */
  includeSamples?: boolean
}

export function matchesFilters(event: CityEvent, filters: EventFilters): boolean {
  if (filters.types && filters.types.length > 0 && !filters.types.includes(event.type)) return false
  if (filters.sportsLevels && filters.sportsLevels.length > 0 && event.type === 'sports') {
    if (!event.sportsLevel || !filters.sportsLevels.includes(event.sportsLevel)) return false
  }
  if (filters.counties && filters.counties.length > 0) {
    if (event.county !== QUZHOU_CITY_CODE && !filters.counties.includes(event.county)) return false
  }
  if (filters.free === true && event.admission.kind !== 'free') return false
  if (filters.free === false && event.admission.kind !== 'ticketed') return false
  if (filters.tags && filters.tags.length > 0 && !filters.tags.some((tag) => event.tags.includes(tag))) return false
  if (filters.includeCancelled === false && event.status === 'cancelled') return false
  if (filters.includeSamples === false && event.provenance.sample) return false
  return true
}

export function filterEvents(events: readonly CityEvent[], filters: EventFilters = {}): CityEvent[] {
  return events.filter((event) => matchesFilters(event, filters))
}

export interface DatedEvent {
  event: CityEvent
  occurrence: EventOccurrence
}

export function compareDatedEvents(a: DatedEvent, b: DatedEvent): number {
  return compareOccurrences(a.occurrence, b.occurrence)
}

/** Events in order of their first occurrence (then id). */
export function sortEvents(events: readonly CityEvent[]): CityEvent[] {
  const firstStart = (event: CityEvent) => event.start.slice(0, 10) + (event.allDay ? '' : event.start.slice(10, 16))
  return [...events].sort((a, b) => {
    const ka = firstStart(a)
    const kb = firstStart(b)
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

export interface DayIndex {
  from: DateString
  to: DateString
  /** Occurrences touching each date, sorted; dates with none are absent. */
  byDate: ReadonlyMap<DateString, readonly DatedEvent[]>
  on(date: DateString): readonly DatedEvent[]
}

/**
 * Indexes the occurrences touching [fromDate, toDate] by Shanghai date, once. A multi-day
 * occurrence appears on each of its days.
 */
export function indexOccurrencesByDay(
  events: readonly CityEvent[],
  fromDate: DateString,
  toDate: DateString,
  filters: EventFilters = {},
): DayIndex {
  const fromDay = dayNumberOf(assertDate(fromDate, 'fromDate'))
  const toDay = dayNumberOf(assertDate(toDate, 'toDate'))
  if (toDay < fromDay) throw new EventError('EVENT_BAD_RANGE', '结束日期不能早于开始日期', 'toDate')
  const buckets = new Map<DayNumber, DatedEvent[]>()
  for (const event of events) {
    if (!matchesFilters(event, filters)) continue
    for (const occurrence of occurrencesBetweenDays(event, fromDay, toDay)) {
      const dated = { event, occurrence }
      const last = Math.min(toDay, dayNumberOf(occurrence.endDate))
      for (let day = Math.max(fromDay, dayNumberOf(occurrence.startDate)); day <= last; day += 1) {
        const bucket = buckets.get(day)
        if (bucket) bucket.push(dated)
        else buckets.set(day, [dated])
      }
    }
  }
  const byDate = new Map<DateString, DatedEvent[]>()
  Array.from(buckets.keys())
    .sort((a, b) => a - b)
    .forEach((day) => byDate.set(dateOfDayNumber(day), (buckets.get(day) as DatedEvent[]).sort(compareDatedEvents)))
  return {
    from: dateOfDayNumber(fromDay),
    to: dateOfDayNumber(toDay),
    byDate,
    on: (date) => byDate.get(date) ?? [],
  }
}

/** What happens on one Shanghai date, sorted. For a whole month, build one `indexOccurrencesByDay`. */
export function eventsOnDay(events: readonly CityEvent[], date: DateString, filters: EventFilters = {}): DatedEvent[] {
  return [...indexOccurrencesByDay(events, date, date, filters).on(date)]
}

/** Types present on a day, in EVENT_TYPES order, for the coloured dots under the date. */
export function dotsFromIndex(index: DayIndex): Record<DateString, EventType[]> {
  const dots: Record<DateString, EventType[]> = {}
  index.byDate.forEach((list, date) => {
    const present = new Set(list.filter((item) => !item.occurrence.cancelled).map((item) => item.event.type))
    const types = EVENT_TYPES.filter((type) => present.has(type))
    if (types.length > 0) dots[date] = types
  })
  return dots
}

/**
 * Dots for every date the month grid shows (including the greyed days of the neighbouring
 * months); dates without a (non-cancelled) event are absent.
 */
export function eventDotsByDay(
  events: readonly CityEvent[],
  year: number,
  month: number,
  filters: EventFilters = {},
  rows: 'fixed' | 'fit' = 'fixed',
): Record<DateString, EventType[]> {
  const { from, to } = monthGridRange(year, month, rows)
  return dotsFromIndex(indexOccurrencesByDay(events, from, to, filters))
}

export interface MonthView {
  grid: MonthGrid
  index: DayIndex
  dots: Record<DateString, EventType[]>
}

/** Everything the 活动 tab needs for one month in one pass: grid, dots, and each day's list. */
export function monthView(
  events: readonly CityEvent[],
  year: number,
  month: number,
  options: MonthGridOptions & { filters?: EventFilters } = {},
): MonthView {
  const grid = monthGrid(year, month, options)
  const index = indexOccurrencesByDay(events, grid.first, grid.last, options.filters)
  return { grid, index, dots: dotsFromIndex(index) }
}

/** Occurrences in a date range, flattened and sorted: the server's "list by date range". */
export function listOccurrences(
  events: readonly CityEvent[],
  fromDate: DateString,
  toDate: DateString,
  filters: EventFilters = {},
): DatedEvent[] {
  const fromDay = dayNumberOf(assertDate(fromDate, 'fromDate'))
  const toDay = dayNumberOf(assertDate(toDate, 'toDate'))
  if (toDay < fromDay) throw new EventError('EVENT_BAD_RANGE', '结束日期不能早于开始日期', 'toDate')
  const list: DatedEvent[] = []
  for (const event of events) {
    if (!matchesFilters(event, filters)) continue
    for (const occurrence of occurrencesBetweenDays(event, fromDay, toDay)) list.push({ event, occurrence })
  }
  return list.sort(compareDatedEvents)
}
