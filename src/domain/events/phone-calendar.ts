/**
 * Parameters for `wx.addPhoneCalendar` (base library ≥ 2.15.0, tap only; WECHAT.md): times are
 * unix seconds, `alarmOffset` seconds before the start. The optional `signature` needs the
 * session_key, so only the server can add it; this builds everything else.
 *
 * The alarm is the first 'event-starting' reminder offset (1 day). For an all-day event the
 * phone's "start" is 00:00, so the offset is shortened to ring at ALL_DAY_EVENT_REMINDER_TIME
 * the day before instead of at midnight — the same moment the .ics alarm rings.
 */
import { REMINDER_KIND_SPECS } from '../reminders/kinds'
import type { PhoneCalendarParams } from '../reminders/calendar-entry'
import { EventError, EVENT_TYPE_LABEL } from './event-basics'
import type { CityEvent } from './model'
import { firstOccurrence, nextOccurrence, reminderAnchorMs, type EventOccurrence } from './occurrences'
import { eventLocationText } from './ics'
import { dayNumberOf, shanghaiMidnightMs } from '../time/shanghai'

export type { PhoneCalendarParams } from '../reminders/calendar-entry'

/**
 * For `occurrence`, or — for a recurring event without one — the next occurrence after `now`.
 * Throws EventError for a cancelled event (nothing to add) or a rule with no occurrence left.
 */
export function phoneCalendarParams(
  event: CityEvent,
  occurrence?: EventOccurrence,
  options: { now?: number } = {},
): PhoneCalendarParams {
  if (event.status === 'cancelled') throw new EventError('EVENT_CANCELLED', '该活动已取消，无需加入日历')
  const chosen = occurrence ?? (event.recurrence ? nextOccurrence(event, options.now ?? Date.now()) : firstOccurrence(event))
  if (!chosen) throw new EventError('EVENT_CANCELLED', '这项活动已全部结束')
  const [dayBefore] = REMINDER_KIND_SPECS['event-starting'].offsets
  const alarmOffsetMs = dayBefore.beforeMs - (reminderAnchorMs(chosen) - chosen.startMs)
  const endMs = chosen.allDay ? shanghaiMidnightMs(dayNumberOf(chosen.endDate)) : chosen.endMs
  const description = [
    EVENT_TYPE_LABEL[event.type],
    event.summary,
    event.status === 'changed' ? `有变更：${event.changeNote ?? ''}` : undefined,
    event.provenance.sample ? '示例数据，并非真实活动' : undefined,
    '来自衢惠通',
  ]
    .filter(Boolean)
    .join('\n')
  return {
    title: event.title,
    startTime: Math.floor(chosen.startMs / 1000),
    endTime: Math.floor(endMs / 1000),
    allDay: chosen.allDay,
    location: eventLocationText(event),
    description,
    alarm: true,
    alarmOffset: Math.round(alarmOffsetMs / 1000),
  }
}

