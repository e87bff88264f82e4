/**
 * 加入手机日历 in the mini-program: wx.addPhoneCalendar (base library ≥ 2.15.0) with the domain's
 * phoneCalendarParams (unix seconds, the alarm the day before). WeChat accepts it only from a tap,
 * so the call happens synchronously when this function is called — call it straight from the tap
 * handler, before any await. The optional `signature` needs the session_key, which only the
 * server has, so it is not sent (WECHAT.md). The H5 build uses calendar.ts instead.
 */
import Taro from '@tarojs/taro'
import type { CityEvent } from '@/domain/events/model'
import type { EventOccurrence } from '@/domain/events/occurrences'
import { phoneCalendarParams } from '@/domain/events/phone-calendar'
import { calendarResult, type CalendarResult } from './calendar-result'
import { addPhoneCalendarParams } from './calendar-entry.weapp'

export type { CalendarResult, CalendarOutcome } from './calendar-result'

export { calendarKind } from './calendar-entry.weapp'

export function addToPhoneCalendar(event: CityEvent, occurrence: EventOccurrence): Promise<CalendarResult> {
  if (event.status === 'cancelled') return Promise.resolve(calendarResult('not-needed', '该活动已取消，无需加入日历'))
  if (typeof Taro.addPhoneCalendar !== 'function')
    return Promise.resolve(calendarResult('unsupported', '微信版本较低，请升级微信后再加入日历'))
  let params
  try {
    params = phoneCalendarParams(event, occurrence)
  } catch (error) {
    return Promise.resolve(calendarResult('not-needed', (error as Error).message))
  }
  return addPhoneCalendarParams(params, '已加入手机日历，活动前一天会提醒你')
}

