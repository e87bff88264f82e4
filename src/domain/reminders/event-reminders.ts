/**
 * "提醒我" on an event: when the 'event-starting' reminders fire for one occurrence and what the
 * message says. The server stores these and sends them; the app lists them in 我的提醒.
 */
import { EventError, EVENT_STATUS_LABEL } from '../events/event-basics'
import type { CityEvent } from '../events/model'
import { reminderAnchorMs, type EventOccurrence } from '../events/occurrences'
import { MS_PER_MINUTE } from '../time/shanghai'
import { reminderFireTimes, type ReminderFireTime } from './kinds'
import type { ReminderPayloads } from './templates'

export interface EventReminderPlan {
  /** Subject of the reminder, e.g. 'xinfeng-music-festival-2025@2025-05-04'. */
  subject: string
  fireTimes: ReminderFireTime[]
  payload: ReminderPayloads['event-starting']
}

/**
 * Reminders for one occurrence. All-day occurrences count back from 09:00 on their first day
 * (ALL_DAY_EVENT_REMINDER_TIME) and show their days as a period. A cancelled event has none.
 */
export function planEventReminders(event: CityEvent, occurrence: EventOccurrence, options: { now?: number } = {}): EventReminderPlan {
  if (event.status === 'cancelled') throw new EventError('EVENT_CANCELLED', '该活动已取消，无需提醒')
  return {
    subject: occurrence.key,
    fireTimes: reminderFireTimes('event-starting', reminderAnchorMs(occurrence), { now: options.now }),
    payload: {
      eventTitle: event.title,
      startsAt: occurrence.allDay ? { from: occurrence.startMs, to: occurrence.endMs - MS_PER_MINUTE } : occurrence.startMs,
      venueName: event.venue.name,
      statusText: event.status === 'changed' ? EVENT_STATUS_LABEL.changed : undefined,
      tip: event.status === 'changed' ? event.changeNote : undefined,
    },
  }
}
