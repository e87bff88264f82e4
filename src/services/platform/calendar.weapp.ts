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
import { entryPhoneCalendarParams, phoneCalendarParams, type PhoneCalendarParams } from '@/domain/events/phone-calendar'
import type { CalendarEntry } from '@/domain/reminders/calendar-entry'
import { calendarResult, type CalendarResult } from './calendar-result'

export type { CalendarResult, CalendarOutcome } from './calendar-result'

export const calendarKind: 'ics' | 'phone' = 'phone'

function failureOf(error: unknown): CalendarResult {
  const message = String((error as { errMsg?: string } | null)?.errMsg ?? '').toLowerCase()
  if (message.includes('cancel')) return calendarResult('cancelled', '已取消，没有加入日历')
  if (message.includes('auth') || message.includes('permission')) {
    return calendarResult('denied', '没有日历权限：请在右上角「…」→「设置」中允许使用日历，或在手机设置里允许微信访问日历')
  }
  return calendarResult('failed', '没能加入手机日历，请稍后重试')
}

function addParams(params: PhoneCalendarParams, addedMessage: string): Promise<CalendarResult> {
  if (typeof Taro.addPhoneCalendar !== 'function')
    return Promise.resolve(calendarResult('unsupported', '微信版本较低，请升级微信后再加入日历'))
  return new Promise((resolve) => {
    try {
      const pending = Taro.addPhoneCalendar({
        ...params,
        // Taro's typings say string; WeChat takes unix seconds as a number.
        endTime: params.endTime as unknown as string,
        success: () => resolve(calendarResult('added', addedMessage)),
        fail: (error) => resolve(failureOf(error)),
      })
      // Taro also returns a promise; its rejection repeats `fail` and must not go unhandled.
      if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined)
    } catch (error) {
      resolve(failureOf(error))
    }
  })
}

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
  return addParams(params, '已加入手机日历，活动前一天会提醒你')
}

/** A reminder's moment, straight from the tap: WeChat accepts addPhoneCalendar only there. */
export function addEntryToPhoneCalendar(entry: CalendarEntry): Promise<CalendarResult> {
  return addParams(entryPhoneCalendarParams(entry), '已加入手机日历，到时手机日历会提醒你')
}
