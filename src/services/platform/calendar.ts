/**
 * 加入手机日历 on H5: browsers have no addPhoneCalendar (WECHAT.md), so we hand over an .ics file
 * built by the domain (RFC 5545, Shanghai times, one alarm the day before); the phone's calendar
 * app opens it. The weapp build uses calendar.weapp.ts instead.
 */
import { calendarEntryFileName, calendarEntryToIcs, eventToIcs, icsFileName, ICS_MIME_TYPE } from '@/domain/events/ics'
import type { CalendarEntry } from '@/domain/reminders/calendar-entry'
import type { CityEvent } from '@/domain/events/model'
import type { EventOccurrence } from '@/domain/events/occurrences'
import { calendarResult, type CalendarResult } from './calendar-result'

export type { CalendarResult, CalendarOutcome } from './calendar-result'

/** 'ics': the person gets a file to open; 'phone': the event goes straight into the phone's calendar. */
export const calendarKind: 'ics' | 'phone' = 'ics'

function download(fileName: string, text: string): Promise<CalendarResult> {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') {
    return Promise.resolve(calendarResult('unsupported', '当前浏览器不能下载日历文件'))
  }
  try {
    const url = URL.createObjectURL(new Blob([text], { type: ICS_MIME_TYPE }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.rel = 'noopener'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // The download has started from the click; the URL can go once the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return Promise.resolve(calendarResult('downloaded', `已下载日历文件 ${fileName}，打开它即可加入手机日历`))
  } catch {
    return Promise.resolve(calendarResult('failed', '日历文件没能下载，请稍后重试'))
  }
}

export function addToPhoneCalendar(event: CityEvent, occurrence: EventOccurrence): Promise<CalendarResult> {
  if (event.status === 'cancelled') return Promise.resolve(calendarResult('not-needed', '该活动已取消，无需加入日历'))
  return download(icsFileName(event, occurrence), eventToIcs(event, occurrence))
}

/** A reminder's moment (a round opening, a voucher expiring …) as an .ics with its alarm. */
export function addEntryToPhoneCalendar(entry: CalendarEntry): Promise<CalendarResult> {
  return download(calendarEntryFileName(entry), calendarEntryToIcs(entry))
}
