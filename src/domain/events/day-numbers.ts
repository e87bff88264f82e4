/**
 * Shanghai calendar arithmetic on plain integers ("day numbers": days since 1970-01-01), used on
 * the calendar's hot paths. Dayjs would be correct too, but building a month of 500 events
 * allocates tens of thousands of objects with it; these helpers only touch Date.UTC, so they give
 * the same answer whatever zone the phone or server is in. Inputs are assumed already validated
 * (the event schema and `assertDate` in src/domain/time do that at the edges).
 */
import { MS_PER_DAY, SHANGHAI_OFFSET_MINUTES, type DateString } from '../time'

export { MS_PER_DAY }
export const MS_PER_HOUR = 3_600_000
export const MS_PER_MINUTE = 60_000
export const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MS_PER_MINUTE

export type DayNumber = number
/** ISO weekday: 1 = Monday … 7 = Sunday (the calendar starts its weeks on Monday). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export function dayNumberOf(date: DateString): DayNumber {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

export function dateOfDayNumber(dayNumber: DayNumber): DateString {
  const d = new Date(dayNumber * MS_PER_DAY)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** 1970-01-01 was a Thursday (ISO 4). */
export function isoWeekdayOf(dayNumber: DayNumber): IsoWeekday {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1 as IsoWeekday
}

/** The Shanghai day an instant falls on. */
export function shanghaiDayNumberOfInstant(ms: number): DayNumber {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY)
}

/** 00:00 Shanghai of a day, as epoch ms. */
export function shanghaiMidnightMs(dayNumber: DayNumber): number {
  return dayNumber * MS_PER_DAY - SHANGHAI_OFFSET_MS
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/** Shanghai wall-clock parts of an instant. */
export function shanghaiParts(ms: number): {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
} {
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00' for an instant — the form the API speaks (WECHAT.md pitfall 7). */
export function isoShanghai(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}+08:00`
}

const SHANGHAI_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?\+08:00$/

/**
 * Epoch ms of 'YYYY-MM-DDTHH:mm[:ss]+08:00', or NaN for anything else (including impossible
 * dates and times). Parsed by hand so old iOS engines' Date.parse quirks never matter.
 */
export function parseShanghaiIso(text: string): number {
  const match = SHANGHAI_ISO.exec(text)
  if (!match) return NaN
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0))
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN
  if (hour > 23 || minute > 59 || second > 59) return NaN
  return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS
}

export function isShanghaiIso(text: string): boolean {
  return !Number.isNaN(parseShanghaiIso(text))
}
