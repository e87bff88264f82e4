/**
 * 加入手机日历 for a reminder whose moment is known (issue 14): the calendar fallback when WeChat
 * messages are refused or not configured — a round opening, a voucher expiring, a rule set or the
 * 衢城畅行 period ending. One entry at the target moment with one alarm at the lead time the
 * resident chose; the platform adapters turn it into wx.addPhoneCalendar parameters or an .ics.
 */
import { REMINDER_KIND_SPECS, type ReminderKind } from './kinds'
import { MS_PER_MINUTE } from '../time/shanghai'

export interface CalendarEntry {
  /** Stable per reminder subject, so adding twice updates the same calendar item (.ics UID). */
  uid: string
  title: string
  startMs: number
  endMs: number
  description: string
  /** The alarm rings this long before startMs. */
  alarmBeforeMs: number
}

/** How each kind's moment reads as a calendar title. */
const TITLE_SUFFIX: Readonly<Record<ReminderKind, string>> = {
  'round-opening': '开抢',
  'voucher-expiring': '到期',
  'event-starting': '开始',
  'rule-set-ending': '截止',
  'rule-published': '公布',
  'toll-period-ending': '结束',
}

/** Calendar items need a length; a moment is shown as a short slot starting at it. */
const SLOT_MS = 15 * MS_PER_MINUTE

export function reminderCalendarEntry(input: { kind: ReminderKind; subjectId: string; title: string; targetMs: number; beforeMs: number }): CalendarEntry {
  const spec = REMINDER_KIND_SPECS[input.kind]
  const lead = spec.offsets.find((offset) => offset.beforeMs === input.beforeMs)
  return {
    uid: `${input.kind}-${input.subjectId}`.replace(/[^A-Za-z0-9_-]/g, '-'),
    title: `${input.title}${TITLE_SUFFIX[input.kind]}`,
    startMs: input.targetMs,
    endMs: input.targetMs + SLOT_MS,
    description: [`${spec.label}：${input.title}`, lead ? `${lead.label}提醒` : undefined, '来自衢惠通'].filter(Boolean).join('\n'),
    alarmBeforeMs: input.beforeMs,
  }
}

/** What wx.addPhoneCalendar takes (base library ≥ 2.15.0): unix seconds, the alarm in seconds before. */
export interface PhoneCalendarParams {
  title: string
  /** Unix seconds. */
  startTime: number
  /** Unix seconds; for an all-day event, 00:00 of its last day (the phone treats the day as whole). */
  endTime: number
  allDay: boolean
  location: string
  description: string
  alarm: boolean
  /** Seconds before startTime. */
  alarmOffset: number
}

/** wx.addPhoneCalendar parameters for a reminder's moment. */
export function entryPhoneCalendarParams(entry: CalendarEntry): PhoneCalendarParams {
  return {
    title: entry.title,
    startTime: Math.floor(entry.startMs / 1000),
    endTime: Math.floor(entry.endMs / 1000),
    allDay: false,
    location: '',
    description: entry.description,
    alarm: true,
    alarmOffset: Math.round(entry.alarmBeforeMs / 1000),
  }
}
