/**
 * 加入手机日历 for a reminder's moment in the mini-program (issue 14): wx.addPhoneCalendar, which
 * WeChat accepts only from a tap — call it straight from the tap handler, before any await. Kept
 * apart from calendar.weapp.ts (events) so the main package, where 提醒我 buttons live, does not
 * carry the events' calendar code. The H5 build uses calendar-entry.ts instead.
 */
import Taro from '@tarojs/taro'
import { entryPhoneCalendarParams, type CalendarEntry, type PhoneCalendarParams } from '@/domain/reminders/calendar-entry'
import { calendarResult, type CalendarResult } from './calendar-result'

/** 'phone': the entry goes straight into the phone's calendar; 'ics': the person gets a file to open. */
export const calendarKind: 'ics' | 'phone' = 'phone'

function failureOf(error: unknown): CalendarResult {
  const message = String((error as { errMsg?: string } | null)?.errMsg ?? '').toLowerCase()
  if (message.includes('cancel')) return calendarResult('cancelled', '已取消，没有加入日历')
  if (message.includes('auth') || message.includes('permission')) {
    return calendarResult('denied', '没有日历权限：请在右上角「…」→「设置」中允许使用日历，或在手机设置里允许微信访问日历')
  }
  return calendarResult('failed', '没能加入手机日历，请稍后重试')
}

/** Calls wx.addPhoneCalendar now (from the tap) and answers in words. */
export function addPhoneCalendarParams(params: PhoneCalendarParams, addedMessage: string): Promise<CalendarResult> {
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

/** A reminder's moment, with its alarm at the lead time chosen. */
export function addEntryToPhoneCalendar(entry: CalendarEntry): Promise<CalendarResult> {
  return addPhoneCalendarParams(entryPhoneCalendarParams(entry), '已加入手机日历，到时手机日历会提醒你')
}
