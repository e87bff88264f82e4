/**
 * Voucher times cross the wire as ISO-8601 with an explicit offset (WECHAT.md pitfall 7), and
 * rules compare them as epoch milliseconds. The parser here is strict and does not lean on
 * `Date.parse`, whose handling of "2025-05-01T10:00+08:00" differs between old phone engines.
 */
import { formatShanghai, shanghaiMidnightOf, shanghaiWallClock } from '../time'
import { formatFen, type Fen } from '../money'
import { VoucherError } from './errors'

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/

/** Batch files must state Shanghai time: '2025-05-01T10:00:00+08:00' (seconds and ms optional). */
export const SHANGHAI_ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?\+08:00$/

/** Epoch ms of an ISO-8601 instant with offset, or null when the text is not one (or is 02-30). */
export function tryParseIsoInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null
  const match = ISO_WITH_OFFSET.exec(text)
  if (!match) return null
  const [, y, mo, d, h, mi, s = '0', ms = '0', offset] = match
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number)
  if (hour > 23 || minute > 59 || second > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')))
  const check = new Date(wall)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  const offsetMinutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  return wall - offsetMinutes * 60_000
}

export function parseIsoInstant(text: string, field = 'instant'): number {
  const ms = tryParseIsoInstant(text)
  if (ms === null) throw new VoucherError('INSTANT_INVALID', `${field} 应为带时区的时间，例如 2025-05-01T10:00:00+08:00`, field)
  return ms
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
  return midnight(date) + 86_400_000 - 1
}

export function startOfShanghaiDayMs(date: string): number {
  return midnight(date)
}

/** '5月3日 10:00', how opening times read on the 消费券 tab. */
export function formatWhen(ms: number): string {
  return formatShanghai(ms, 'M月D日 HH:mm')
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
