/**
 * An event happens once, or on every matching day of a weekly rule. An occurrence is one dated
 * happening with its own Shanghai start and end; the calendar, the lists, the .ics file and the
 * reminders all work on occurrences.
 *
 * Expansion is bounded by the asked range: a weekly rule is walked week by week from the first
 * week that can overlap the range, so a month of 500 events costs about 500 × (occurrences in the
 * month), never 500 × (days of the rule).
 */
import { assertDate, type DateString } from '../time'
import { ALL_DAY_EVENT_REMINDER_TIME } from '../reminders/kinds'
import { EventError } from './event-basics'
import type { CityEvent } from './model'
import { dateOfDayNumber, dayNumberOf, isoShanghai, isoWeekdayOf, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, parseShanghaiIso, shanghaiDayNumberOfInstant, shanghaiMidnightMs, type DayNumber } from '../time/shanghai'

export interface EventOccurrence {
  eventId: string
  /** `${eventId}@${startDate}`: stable, unique per event, usable as a list key or reminder subject. */
  key: string
  allDay: boolean
  /** First and last Shanghai day the occurrence touches (inclusive). */
  startDate: DateString
  endDate: DateString
  /** As in the model: ISO-8601 +08:00 for timed occurrences; 'YYYY-MM-DD' (end = last day) for all-day. */
  start: string
  end: string
  /** Instants, end exclusive; an all-day occurrence runs from 00:00 of its first day to 00:00 after its last. */
  startMs: number
  endMs: number
  recurring: boolean
  cancelled: boolean
}

interface Timing {
  allDay: boolean
  firstDay: DayNumber
  /** Days from the start day to the last day touched (0 for a same-day event). */
  spanDays: number
  timeOfDayMs: number
  durationMs: number
  untilDay: DayNumber
  exceptDays: Set<DayNumber>
}

// Events are immutable data: parse each one's strings once, however often the calendar re-renders.
const timingCache = new WeakMap<CityEvent, Timing>()

function timingOf(event: CityEvent): Timing {
  const cached = timingCache.get(event)
  if (cached) return cached
  let timing: Timing
  if (event.allDay) {
    const firstDay = dayNumberOf(event.start)
    const spanDays = dayNumberOf(event.end) - firstDay
    timing = { allDay: true, firstDay, spanDays, timeOfDayMs: 0, durationMs: (spanDays + 1) * MS_PER_DAY, untilDay: firstDay, exceptDays: new Set() }
  } else {
    const startMs = parseShanghaiIso(event.start)
    const endMs = parseShanghaiIso(event.end)
    const firstDay = shanghaiDayNumberOfInstant(startMs)
    timing = {
      allDay: false,
      firstDay,
      spanDays: shanghaiDayNumberOfInstant(endMs - 1) - firstDay,
      timeOfDayMs: startMs - shanghaiMidnightMs(firstDay),
      durationMs: endMs - startMs,
      untilDay: firstDay,
      exceptDays: new Set(),
    }
  }
  if (event.recurrence) {
    timing.untilDay = dayNumberOf(event.recurrence.until)
    timing.exceptDays = new Set(event.recurrence.exceptDates.map(dayNumberOf))
  }
  timingCache.set(event, timing)
  return timing
}

function occurrenceOn(event: CityEvent, timing: Timing, startDay: DayNumber): EventOccurrence {
  const startDate = dateOfDayNumber(startDay)
  const endDate = dateOfDayNumber(startDay + timing.spanDays)
  const startMs = shanghaiMidnightMs(startDay) + timing.timeOfDayMs
  const endMs = startMs + timing.durationMs
  return {
    eventId: event.id,
    key: `${event.id}@${startDate}`,
    allDay: timing.allDay,
    startDate,
    endDate,
    start: timing.allDay ? startDate : isoShanghai(startMs),
    end: timing.allDay ? endDate : isoShanghai(endMs),
    startMs,
    endMs,
    recurring: event.recurrence !== undefined,
    cancelled: event.status === 'cancelled',
  }
}

/**
 * Start days of the occurrences touching [fromDay, toDay], ascending. Internal fast path: the
 * inputs are day numbers already validated.
 */
export function occurrenceStartDays(event: CityEvent, fromDay: DayNumber, toDay: DayNumber): DayNumber[] {
  const timing = timingOf(event)
  const lo = Math.max(timing.firstDay, fromDay - timing.spanDays)
  const rule = event.recurrence
  if (!rule) return lo <= timing.firstDay && timing.firstDay <= toDay ? [timing.firstDay] : []
  const hi = Math.min(timing.untilDay, toDay)
  if (lo > hi) return []
  const step = 7 * rule.interval
  const firstWeekMonday = timing.firstDay - (isoWeekdayOf(timing.firstDay) - 1)
  const days: DayNumber[] = []
  for (const weekday of rule.weekdays) {
    const base = firstWeekMonday + weekday - 1
    let day = base + Math.max(0, Math.ceil((lo - base) / step)) * step
    for (; day <= hi; day += step) {
      if (day >= timing.firstDay && !timing.exceptDays.has(day)) days.push(day)
    }
  }
  return rule.weekdays.length > 1 ? days.sort((a, b) => a - b) : days
}

/** Occurrences of `event` touching the Shanghai dates [fromDate, toDate] (inclusive), earliest first. */
export function expandOccurrences(event: CityEvent, fromDate: DateString, toDate: DateString): EventOccurrence[] {
  const fromDay = dayNumberOf(assertDate(fromDate, 'fromDate'))
  const toDay = dayNumberOf(assertDate(toDate, 'toDate'))
  if (toDay < fromDay) throw new EventError('EVENT_BAD_RANGE', '结束日期不能早于开始日期', 'toDate')
  const timing = timingOf(event)
  return occurrenceStartDays(event, fromDay, toDay).map((day) => occurrenceOn(event, timing, day))
}

/** Occurrences of one event in day-number range without re-validating: for the calendar index. */
export function occurrencesBetweenDays(event: CityEvent, fromDay: DayNumber, toDay: DayNumber): EventOccurrence[] {
  const timing = timingOf(event)
  return occurrenceStartDays(event, fromDay, toDay).map((day) => occurrenceOn(event, timing, day))
}

/** The occurrence at the event's own start/end, ignoring exception dates (the rule's DTSTART). */
export function firstOccurrence(event: CityEvent): EventOccurrence {
  const timing = timingOf(event)
  return occurrenceOn(event, timing, timing.firstDay)
}

/** Every occurrence of the event (a weekly rule is bounded by `until`, at most about 3 years). */
export function allOccurrences(event: CityEvent): EventOccurrence[] {
  const timing = timingOf(event)
  return occurrencesBetweenDays(event, timing.firstDay, timing.untilDay + timing.spanDays)
}

/** The occurrence in progress at `now`, or the next one; null when the event is over. */
export function nextOccurrence(event: CityEvent, now: number): EventOccurrence | null {
  const timing = timingOf(event)
  const today = shanghaiDayNumberOfInstant(now)
  const from = Math.max(today, timing.firstDay)
  const last = timing.untilDay + timing.spanDays
  return occurrencesBetweenDays(event, from, Math.max(from, last)).find((occurrence) => occurrence.endMs > now) ?? null
}

/**
 * The moment "event starting" reminders and calendar alarms count back from: the start of a
 * timed occurrence; for an all-day one, ALL_DAY_EVENT_REMINDER_TIME on its first day.
 */
export function reminderAnchorMs(occurrence: EventOccurrence): number {
  if (!occurrence.allDay) return occurrence.startMs
  return occurrence.startMs + ALL_DAY_EVENT_REMINDER_TIME.hour * MS_PER_HOUR + ALL_DAY_EVENT_REMINDER_TIME.minute * MS_PER_MINUTE
}

/** Earliest start first; then the shorter one; then by event id, so the order never flickers. */
export function compareOccurrences(a: EventOccurrence, b: EventOccurrence): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
}
