/**
 * What the 加入手机日历 adapters (calendar.ts for H5, calendar.weapp.ts for WeChat) answer: always
 * a result with a Chinese message for the toast, never a thrown error.
 */
export type CalendarOutcome = 'added' | 'downloaded' | 'cancelled' | 'denied' | 'not-needed' | 'failed' | 'unsupported'

export interface CalendarResult {
  ok: boolean
  outcome: CalendarOutcome
  message: string
}

export function calendarResult(outcome: CalendarOutcome, message: string): CalendarResult {
  return { ok: outcome === 'added' || outcome === 'downloaded', outcome, message }
}
