/**
 * 加入手机日历 on H5: browsers have no addPhoneCalendar (WECHAT.md), so we hand over an .ics file
 * built by the domain (RFC 5545, Shanghai times, one alarm the day before); the phone's calendar
 * app opens it. The weapp build uses calendar.weapp.ts instead.
 */
import { eventToIcs, icsFileName } from '@/domain/events/ics'
import type { CityEvent } from '@/domain/events/model'
import type { EventOccurrence } from '@/domain/events/occurrences'
import { calendarResult, type CalendarResult } from './calendar-result'
import { downloadIcs } from './calendar-entry'

export type { CalendarResult, CalendarOutcome } from './calendar-result'

export { calendarKind } from './calendar-entry'

export function addToPhoneCalendar(event: CityEvent, occurrence: EventOccurrence): Promise<CalendarResult> {
  if (event.status === 'cancelled') return Promise.resolve(calendarResult('not-needed', '该活动已取消，无需加入日历'))
  return downloadIcs(icsFileName(event, occurrence), eventToIcs(event, occurrence))
}

