/**
 * The instants a listing filters on, computed from a document's wall-clock text. The server stores
 * them as indexed columns; the app uses the same functions for its offline copy.
 */
import { parseDate, parseDateTime } from '../time'
import type { ContentEvent, VoucherBatch } from './schemas'
import { parseWallClock, parseWallClockEnd } from './wall-clock'

export interface Span {
  startsAtMs: number
  /** Exclusive. */
  endsAtMs: number
}

/** From the first occurrence's start to the last occurrence's end (a weekly market runs to `until`). */
export function eventSpan(event: Pick<ContentEvent, 'start' | 'end' | 'recurrence'>): Span {
  const startsAtMs = parseWallClock(event.start).valueOf()
  const singleEnd = parseWallClockEnd(event.end)
  if (!event.recurrence) return { startsAtMs, endsAtMs: singleEnd.valueOf() }
  const occurrenceLengthMs = singleEnd.valueOf() - startsAtMs
  const lastDayStart = parseDate(event.recurrence.until).valueOf()
  const timeOfDayMs = startsAtMs - parseDate(event.start.slice(0, 10)).valueOf()
  return { startsAtMs, endsAtMs: Math.max(singleEnd.valueOf(), lastDayStart + timeOfDayMs + occurrenceLengthMs) }
}

export interface BatchSpan {
  claimOpensAtMs: number
  claimClosesAtMs: number
  /** Last instant any voucher of the batch can be used (exclusive): fixed validity or last claim + N days. */
  usableUntilMs: number
}

export function batchSpan(batch: Pick<VoucherBatch, 'rounds' | 'validity'>): BatchSpan {
  const opens = batch.rounds.map((round) => parseDateTime(round.opensAt).valueOf())
  const closes = batch.rounds.map((round) => parseDateTime(round.closesAt).valueOf())
  const claimOpensAtMs = Math.min(...opens)
  const claimClosesAtMs = Math.max(...closes)
  const usableUntilMs =
    batch.validity.kind === 'fixed'
      ? parseDate(batch.validity.to).add(1, 'day').valueOf()
      : claimClosesAtMs + batch.validity.days * 24 * 60 * 60 * 1000
  return { claimOpensAtMs, claimClosesAtMs, usableUntilMs }
}
