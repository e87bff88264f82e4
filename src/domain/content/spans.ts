/**
 * The instants a listing filters on, computed from a document's own times. The server stores them
 * as indexed columns ("events between these dates", "batches still claimable"); the app can use
 * the same functions on its offline copy.
 */
import { shanghaiDateOf } from '../time'
import type { CityEvent } from '../events/model'
import { dayNumberOf, MS_PER_DAY, parseShanghaiIso, shanghaiMidnightMs } from '../time/shanghai'
import type { VoucherBatch } from '../vouchers/schema'
import { endOfShanghaiDayMs, tryParseIsoInstant } from '../time/shanghai'

export interface Span {
  startsAtMs: number
  /** Exclusive. */
  endsAtMs: number
}

/**
 * From the first occurrence's start to the last possible occurrence's end. An all-day event's
 * `end` is its last day (inclusive), so the span runs to the next midnight; a weekly rule runs to
 * the end of the occurrence that starts on `until`.
 */
export function eventSpan(event: Pick<CityEvent, 'allDay' | 'start' | 'end' | 'recurrence'>): Span {
  const startsAtMs = event.allDay ? shanghaiMidnightMs(dayNumberOf(event.start)) : parseShanghaiIso(event.start)
  const firstEndMs = event.allDay ? shanghaiMidnightMs(dayNumberOf(event.end) + 1) : parseShanghaiIso(event.end)
  if (!event.recurrence) return { startsAtMs, endsAtMs: firstEndMs }
  const weeksOfRepeats = dayNumberOf(event.recurrence.until) - dayNumberOf(event.start.slice(0, 10))
  return { startsAtMs, endsAtMs: firstEndMs + Math.max(0, weeksOfRepeats) * MS_PER_DAY }
}

export interface BatchSpan {
  claimOpensAtMs: number
  /** Exclusive, like a round's closesAt. */
  claimClosesAtMs: number
  /** Exclusive: after this no voucher of the batch can be used. */
  usableUntilMs: number
}

export function batchSpan(batch: Pick<VoucherBatch, 'rounds' | 'validity'>): BatchSpan {
  const opens = batch.rounds.map((round) => tryParseIsoInstant(round.opensAt) ?? NaN)
  const closes = batch.rounds.map((round) => tryParseIsoInstant(round.closesAt) ?? NaN)
  const claimOpensAtMs = Math.min(...opens)
  const claimClosesAtMs = Math.max(...closes)
  const validity = batch.validity
  let usableUntilMs: number
  if (validity.kind === 'fixed') {
    usableUntilMs = endOfShanghaiDayMs(validity.to) + 1
  } else {
    // Claimed in the last moment → usable to the end of that Shanghai day + N days, capped by notAfter.
    const lastClaimDayEnd = endOfShanghaiDayMs(shanghaiDateOf(claimClosesAtMs - 1)) + 1
    const byDays = lastClaimDayEnd + validity.days * MS_PER_DAY
    usableUntilMs = validity.notAfter ? Math.min(byDays, endOfShanghaiDayMs(validity.notAfter) + 1) : byDays
  }
  return { claimOpensAtMs, claimClosesAtMs, usableUntilMs }
}
