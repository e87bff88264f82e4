/**
 * 加入手机日历 for a reminder's moment on H5 (issue 14): browsers have no addPhoneCalendar
 * (WECHAT.md), so the moment goes out as an .ics with its alarm at the lead time chosen. The weapp
 * build uses calendar-entry.weapp.ts instead.
 */
import { calendarEntryFileName, calendarEntryToIcs, ICS_MIME_TYPE } from '@/domain/events/ics'
import type { CalendarEntry } from '@/domain/reminders/calendar-entry'
import { calendarResult, type CalendarResult } from './calendar-result'

/** 'ics': the person gets a file to open; 'phone': the entry goes straight into the phone's calendar. */
export const calendarKind: 'ics' | 'phone' = 'ics'

/** Hands the browser an .ics to save; the phone's calendar app opens it. */
export function downloadIcs(fileName: string, text: string): Promise<CalendarResult> {
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

/** A reminder's moment (a round opening, a voucher expiring …) as an .ics with its alarm. */
export function addEntryToPhoneCalendar(entry: CalendarEntry): Promise<CalendarResult> {
  return downloadIcs(calendarEntryFileName(entry), calendarEntryToIcs(entry))
}
