/**
 * Voucher times cross the wire as ISO-8601 with an explicit offset (WECHAT.md pitfall 7), and
 * rules compare them as epoch milliseconds. The parser here is strict and does not lean on
 * `Date.parse`, whose handling of "2025-05-01T10:00+08:00" differs between old phone engines.
 */
import { MS_PER_DAY, SHANGHAI_OFFSET_MINUTES, shanghaiMidnightOf, shanghaiWallClock } from '../time'
import { formatFen, type Fen } from '../money'
import { VoucherError } from './errors'

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
  if (ms === null) throw new VoucherError('INSTANT_INVALID', `${field} 应为带时区的时间，例如 2025-05-01T10:00:00+08:00`, field)
  return ms
}

const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000

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
  if (ms === null) throw new VoucherError('INSTANT_INVALID', `日期格式应为 2025-05-01：${date}`, 'date')
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

/** '¥20' or '¥3.50': voucher amounts are mostly whole yuan. */
export function formatYuan(fen: Fen): string {
  return formatFen(fen, { trimZeros: true })
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
