/**
 * 目标进度: each count clause (十五) promises for a year against the events this app holds. It
 * is "what the app knows about", not an official tally — the screen must say so (PROGRESS_NOTE).
 *
 * Counting: an event counts in the year its occurrence starts; cancelled events and sample
 * events (示例) never count; an event counts once however many days it lasts, except where the
 * target counts occurrences (a weekly 南孔市集: one 场 per market day).
 */
import { eventTargetsFor, type EventTarget, type EventTargetSet } from '../policy/event-targets'
import { STATUS_LABEL, type FigureStatus } from '../policy/types'
import type { CityEvent } from './model'
import { occurrenceStartDays } from './occurrences'
import { dayNumberOf } from '../time/shanghai'

export const PROGRESS_NOTE = '按本应用收录的活动统计，不是官方统计数据'

export interface TargetProgressRow {
  id: string
  label: string
  target: number
  atLeast: boolean
  /** '100 场' or '40 场以上'. */
  targetDisplay: string
  actual: number
  met: boolean
  remaining: number
  /** 0–100, capped at 100. */
  percent: number
  countBy: EventTarget['countBy']
  /** Ids of the events counted, for a "which ones?" list. */
  eventIds: string[]
  clause: string
  source: string
  status: FigureStatus
  statusLabel: string
  note?: string
}

export type TargetProgress =
  | { year: number; published: true; clause: string; document: string; note: string; rows: TargetProgressRow[] }
  | { year: number; published: false; note: string; rows: [] }

function matches(event: CityEvent, target: EventTarget): boolean {
  if (event.type !== target.match.type) return false
  return target.match.sportsLevel === undefined || event.sportsLevel === target.match.sportsLevel
}

/**
 * The days a year's targets count: the published set's own period (clause 十五's targets are for
 * 2025, so 2025-01-01 to 2025-12-31), else the calendar year, for the years with no set yet.
 */
export function targetPeriod(year: number, set: EventTargetSet = eventTargetsFor(year)): { from: string; to: string } {
  if (!set.published) return { from: `${year}-01-01`, to: `${year}-12-31` }
  return { from: set.effective.from, to: set.effective.to ?? `${year}-12-31` }
}

export function targetProgress(events: readonly CityEvent[], year: number, options: { targets?: EventTargetSet } = {}): TargetProgress {
  const set = options.targets ?? eventTargetsFor(year)
  if (!set.published) return { year, published: false, note: set.note, rows: [] }
  const period = targetPeriod(year, set)
  const fromDay = dayNumberOf(period.from)
  const toDay = dayNumberOf(period.to)
  const counted = events.filter((event) => event.status !== 'cancelled' && !event.provenance.sample)
  const rows = set.targets.map((target): TargetProgressRow => {
    let actual = 0
    const eventIds: string[] = []
    for (const event of counted) {
      if (!matches(event, target)) continue
      // Only occurrences starting inside the period: one that began the day before counts for the one before.
      const starts = occurrenceStartDays(event, fromDay, toDay).filter((day) => day >= fromDay)
      if (starts.length === 0) continue
      actual += target.countBy === 'occurrences' ? starts.length : 1
      eventIds.push(event.id)
    }
    return {
      id: target.id,
      label: target.label,
      target: target.value,
      atLeast: target.atLeast,
      targetDisplay: target.atLeast ? `${target.value} 场以上` : `${target.value} 场`,
      actual,
      met: actual >= target.value,
      remaining: Math.max(0, target.value - actual),
      percent: Math.min(100, Math.floor((actual * 100) / target.value)),
      countBy: target.countBy,
      eventIds,
      clause: target.clause,
      source: target.source,
      status: target.status,
      statusLabel: STATUS_LABEL[target.status],
      note: target.note,
    }
  })
  return { year, published: true, clause: set.clause, document: set.document, note: PROGRESS_NOTE, rows }
}
