/**
 * The app's one clock without dayjs: Asia/Shanghai is a fixed +08:00 (no daylight saving since
 * 1991), so instants, ISO strings, wall-clock text and Shanghai day numbers convert by plain
 * arithmetic on Date.UTC, with the same answer whatever zone the phone or server is in, and
 * cheaply enough for the claim path and a month of 500 events. `src/domain/time/index.ts`
 * re-exports all of it beside its dayjs helpers; import this file directly where a bundle should
 * not carry dayjs.
 */
import { DomainError } from '../errors'

export const SHANGHAI = 'Asia/Shanghai'
/** Shanghai has had no daylight saving since 1991: a fixed +08:00 lets us avoid Intl on old phones. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60

export const MS_PER_DAY = 86_400_000
export const MS_PER_HOUR = 3_600_000
export const MS_PER_MINUTE = 60_000
export const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MS_PER_MINUTE

export type DateString = string // 'YYYY-MM-DD', a Shanghai calendar date
export type TimeErrorCode = 'DATE_EMPTY' | 'DATE_FORMAT' | 'DATE_IMPOSSIBLE' | 'INSTANT_INVALID'

export class TimeError extends DomainError<TimeErrorCode> {}


const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/**
 * 'YYYY-MM-DDTHH:mm:ss.SSS' of an epoch-ms instant in Shanghai, by fixed-offset arithmetic.
 * Two reasons not to use dayjs's utcOffset(480) here: it formats wrongly (an hour off) when the
 * Shanghai wall clock falls in the DEVICE zone's DST change hour — a phone set to New York saw
 * 2009-11-01 02:00 as 01:00 (found by the property test) — and on the voucher claim path its
 * plugin chain cost ~20% of the server's CPU. Shanghai's fixed +08:00 makes plain arithmetic exact.
 */
export function shanghaiWallClock(ms: number): string {
  const wall = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${pad(wall.getUTCMilliseconds(), 3)}`
}

/** Epoch ms of 00:00 Shanghai on a 'YYYY-MM-DD' date, or null when it is not a real date. */
export function shanghaiMidnightOf(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const wall = Date.UTC(year, month - 1, day)
  const check = new Date(wall)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return wall - SHANGHAI_OFFSET_MS
}

/**
 * Shanghai calendar arithmetic on plain integers ("day numbers": days since 1970-01-01), used on
 * the calendar's hot paths. Inputs are assumed already validated (the event schema and
 * `assertDate` do that at the edges).
 */
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

/** Batch files must state Shanghai time: '2025-05-01T10:00:00+08:00' (seconds and ms optional). */
export const SHANGHAI_ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?\+08:00$/

/** The number in `text[from, from + length)` when all of it is ASCII digits, else -1. */
function digitsAt(text: string, from: number, length: number): number {
  if (from + length > text.length) return -1
  let value = 0
  for (let index = from; index < from + length; index += 1) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * Epoch ms of an ISO-8601 instant with offset, or null when the text is not one (or is 02-30).
 * Accepts exactly /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/,
 * read character by character: the server parses instants on every claim, and a regex match
 * allocates its groups each time.
 */
export function tryParseIsoInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null
  const year = digitsAt(text, 0, 4)
  const month = digitsAt(text, 5, 2)
  const day = digitsAt(text, 8, 2)
  const hour = digitsAt(text, 11, 2)
  const minute = digitsAt(text, 14, 2)
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return null
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return null
  let at = 16
  let second = 0
  let ms = 0
  if (text[at] === ':') {
    second = digitsAt(text, at + 1, 2)
    if (second < 0) return null
    at += 3
    if (text[at] === '.') {
      let count = 0
      while (count < 3 && digitsAt(text, at + 1 + count, 1) >= 0) {
        ms = ms * 10 + digitsAt(text, at + 1 + count, 1)
        count += 1
      }
      if (count === 0) return null
      ms *= count === 1 ? 100 : count === 2 ? 10 : 1
      at += 1 + count
    }
  }
  let offsetMinutes: number
  const sign = text[at]
  if (sign === 'Z' && at + 1 === text.length) offsetMinutes = 0
  else if ((sign === '+' || sign === '-') && at + 6 === text.length && text[at + 3] === ':') {
    const offsetHours = digitsAt(text, at + 1, 2)
    const offsetMins = digitsAt(text, at + 4, 2)
    if (offsetHours < 0 || offsetMins < 0) return null
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins)
  } else return null
  if (hour > 23 || minute > 59 || second > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const check = new Date(wall)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return wall - offsetMinutes * 60_000
}

export function parseIsoInstant(text: string, field = 'instant'): number {
  const ms = tryParseIsoInstant(text)
  if (ms === null) throw new TimeError('INSTANT_INVALID', `${field} 应为带时区的时间，例如 2025-05-01T10:00:00+08:00`, field)
  return ms
}

/** Epoch ms of 00:00 Shanghai on the day of `ms` (fixed +08:00: plain arithmetic). */
export function shanghaiDayStartMs(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY) * MS_PER_DAY - SHANGHAI_OFFSET_MS
}

/** '2025-05-10T23:59:59.999+08:00': millisecond precision, so an inclusive end is exact. */
export function toIsoShanghaiMs(ms: number): string {
  return `${shanghaiWallClock(ms)}+08:00`
}

function midnight(date: string): number {
  const ms = shanghaiMidnightOf(date)
  if (ms === null) throw new TimeError('INSTANT_INVALID', `日期格式应为 2025-05-01：${date}`, 'date')
  return ms
}

/** Last millisecond of a Shanghai calendar day: vouchers are valid "until the end of" a day. */
export function endOfShanghaiDayMs(date: string): number {
  return midnight(date) + MS_PER_DAY - 1
}

export function startOfShanghaiDayMs(date: string): number {
  return midnight(date)
}

/** '5月3日 10:00', how opening times read on the 消费券 tab (in every NOT_OPEN and SOLD_OUT message). */
export function formatWhen(ms: number): string {
  const wall = shanghaiWallClock(ms)
  return `${Number(wall.slice(5, 7))}月${Number(wall.slice(8, 10))}日 ${wall.slice(11, 16)}`
}

/**
 * A countdown as residents read it: '2天 03:04:05' or '03:04:05'. Rounded up to the second so
 * it never shows 00:00:00 while the round is still closed.
 */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000))
  const days = Math.floor(totalSeconds / 86_400)
  const rest = totalSeconds % 86_400
  const clock = [Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60].map((part) => String(part).padStart(2, '0')).join(':')
  return days > 0 ? `${days}天 ${clock}` : clock
}
