/**
 * Content files write times the way the city announces them: Shanghai wall-clock dates
 * ('2025-05-04', an all-day event) or date-times ('2025-08-01 19:30'). These helpers turn them into
 * instants and spans, so the server indexes and the app counts down from the same numbers.
 */
import { DATE_FORMAT, parseDate, parseDateTime, type Dayjs } from '../time'

export type WallClock = string

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export function isDateOnly(text: WallClock): boolean {
  return DATE_ONLY.test(text.trim())
}

/** A date or a date-time in Shanghai; a date means the start of that day. Throws TimeError. */
export function parseWallClock(text: WallClock, field?: string): Dayjs {
  return isDateOnly(text) ? parseDate(text, field) : parseDateTime(text, field)
}

/**
 * The end of something written as `end`: a date-only end means "through that whole day", so the
 * instant is the next day's midnight (exclusive); a date-time end is that instant.
 */
export function parseWallClockEnd(text: WallClock, field?: string): Dayjs {
  return isDateOnly(text) ? parseDate(text, field).add(1, 'day') : parseDateTime(text, field)
}

export function wallClockDate(text: WallClock): string {
  return parseWallClock(text).format(DATE_FORMAT)
}
