/**
 * Time in this app is Asia/Shanghai, whatever zone the phone (or the CI machine) is set to:
 * the policy's dates ("2025-12-31", "10:00 开抢") are Shanghai wall-clock dates. Dates are parsed
 * only with explicit formats — iOS's Date rejects "YYYY-MM-DD HH:mm", and guessing is how a
 * voucher round opens an hour late for someone abroad.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import isBetween from 'dayjs/plugin/isBetween'
import {
  MS_PER_DAY,
  SHANGHAI_OFFSET_MINUTES,
  SHANGHAI_OFFSET_MS,
  shanghaiMidnightOf,
  shanghaiWallClock,
  TimeError,
  type DateString,
} from './shanghai'

// Named, not `export *`: the server loads this file as CommonJS from ESM, where a star re-export
// is invisible to named imports.
export {
  SHANGHAI,
  SHANGHAI_OFFSET_MINUTES,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  SHANGHAI_OFFSET_MS,
  TimeError,
  shanghaiWallClock,
  shanghaiMidnightOf,
  dayNumberOf,
  dateOfDayNumber,
  isoWeekdayOf,
  shanghaiDayNumberOfInstant,
  shanghaiMidnightMs,
  daysInMonth,
  pad2,
  shanghaiParts,
  isoShanghai,
  parseShanghaiIso,
  isShanghaiIso,
  SHANGHAI_ISO_PATTERN,
  tryParseIsoInstant,
  parseIsoInstant,
  shanghaiDayStartMs,
  toIsoShanghaiMs,
  endOfShanghaiDayMs,
  startOfShanghaiDayMs,
  formatWhen,
  formatCountdown,
  type DateString,
  type TimeErrorCode,
  type DayNumber,
  type IsoWeekday,
} from './shanghai'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(customParseFormat)
dayjs.extend(isBetween)

export const DATE_FORMAT = 'YYYY-MM-DD'
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm'

/** A Dayjs in Shanghai for an instant (epoch ms, Date, ISO string with offset) or now. */
export function inShanghai(instant?: number | Date | string | Dayjs): Dayjs {
  const base = instant === undefined ? dayjs() : dayjs(instant)
  return base.utcOffset(SHANGHAI_OFFSET_MINUTES)
}

export function nowInShanghai(now: number = Date.now()): Dayjs {
  return inShanghai(now)
}

/** Today's date in Shanghai as 'YYYY-MM-DD'. */
export function todayInShanghai(now: number = Date.now()): DateString {
  return shanghaiWallClock(now).slice(0, 10)
}

function parseStrict(text: unknown, format: string, field: string | undefined, example: string): Dayjs {
  if (typeof text !== 'string' || text.trim() === '') throw new TimeError('DATE_EMPTY', '请填写日期', field)
  const trimmed = text.trim()
  const shape = format === DATE_FORMAT ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/
  if (!shape.test(trimmed)) throw new TimeError('DATE_FORMAT', `日期格式应为 ${example}`, field)
  // Parse as UTC wall-clock with the strict flag, then reinterpret as Shanghai wall-clock.
  const wall = dayjs.utc(trimmed, format, true)
  if (!wall.isValid()) throw new TimeError('DATE_IMPOSSIBLE', `没有这一天：${trimmed}`, field)
  return wall.subtract(SHANGHAI_OFFSET_MINUTES, 'minute').utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** 'YYYY-MM-DD' → the start of that Shanghai day. Throws TimeError for any other shape or 02-30. */
export function parseDate(text: unknown, field?: string): Dayjs {
  return parseStrict(text, DATE_FORMAT, field, '2025-05-01')
}

/** 'YYYY-MM-DD HH:mm' as Shanghai wall-clock time. */
export function parseDateTime(text: unknown, field?: string): Dayjs {
  return parseStrict(text, DATE_TIME_FORMAT, field, '2025-05-01 10:00')
}

/** Validates and normalises a 'YYYY-MM-DD' string. */
export function assertDate(text: unknown, field?: string): DateString {
  return parseDate(text, field).format(DATE_FORMAT)
}

export function isValidDate(text: unknown): text is DateString {
  try {
    parseDate(text)
    return true
  } catch {
    return false
  }
}

/** [start, end) of the Shanghai day containing `instant`, as epoch ms. */
export function shanghaiDayBounds(instant: number | DateString): { startMs: number; endMs: number } {
  const startMs = typeof instant === 'string' ? parseDate(instant).valueOf() : (shanghaiMidnightOf(shanghaiDateOf(instant)) as number)
  return { startMs, endMs: startMs + MS_PER_DAY }
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: number | Date | string): DateString {
  return shanghaiWallClock(toEpochMs(instant)).slice(0, 10)
}

function toEpochMs(instant: number | Date | string | Dayjs): number {
  return typeof instant === 'number' ? instant : dayjs(instant).valueOf()
}

/** Inclusive comparison of 'YYYY-MM-DD' strings (lexicographic order is date order). */
export function isDateWithin(date: DateString, from: DateString, to?: DateString | null): boolean {
  return date >= from && (to == null || date <= to)
}

/** Whole days from `from` to `to` (Shanghai dates), negative when `to` is earlier. */
export function daysBetween(from: DateString, to: DateString): number {
  return parseDate(to).diff(parseDate(from), 'day')
}

export function addDays(date: DateString, days: number): DateString {
  return parseDate(date).add(days, 'day').format(DATE_FORMAT)
}

/** ISO-8601 with +08:00, the form the API speaks (WECHAT.md pitfall 7). */
export function toIsoShanghai(instant: number | Date | Dayjs): string {
  return formatShanghai(toEpochMs(instant), 'YYYY-MM-DDTHH:mm:ssZ')
}

/**
 * Any dayjs format of an instant in Shanghai wall-clock time. Formats the shifted instant in UTC
 * mode (exact whatever the device zone, see shanghaiWallClock) with the offset tokens written out.
 */
export function formatShanghai(instant: number | Date | string | Dayjs, format = DATE_TIME_FORMAT): string {
  const offsetAsText = format.replace(/\[[^\]]*\]|ZZ|Z/g, (token) => (token === 'ZZ' ? '[+0800]' : token === 'Z' ? '[+08:00]' : token))
  return dayjs.utc(toEpochMs(instant) + SHANGHAI_OFFSET_MS).format(offsetAsText)
}

export { dayjs }
export type { Dayjs }
