/**
 * Dates offered as one-tap picks next to a date field, and the date said in words. Pure, on
 * 'YYYY-MM-DD' strings in Asia/Shanghai (see ./index).
 */
import { assertDate, dayjs, type DateString } from './index'

/** The same day `months` months earlier or later, clamped to the month's last day (3-31 − 1 month → 2-28). */
export function addMonths(date: DateString, months: number): DateString {
  return dayjs(assertDate(date, 'date'), 'YYYY-MM-DD', true).add(months, 'month').format('YYYY-MM-DD')
}

/** '2025年6月16日': how a person reads and hears a date. */
export function formatChineseDate(date: DateString): string {
  const [year, month, day] = assertDate(date, 'date').split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/** Whether `date` lies within [start, end] (either bound may be absent). ISO dates compare as text. */
export function isDateInRange(date: DateString, start?: string, end?: string): boolean {
  return (!start || date >= start) && (!end || date <= end)
}

export interface QuickPick {
  label: string
  date: DateString
}

/** The picks that fall within the field's range, the first of each date kept. */
export function usableQuickPicks(picks: readonly QuickPick[], start?: string, end?: string): QuickPick[] {
  const seen = new Set<string>()
  return picks.filter((pick) => {
    if (seen.has(pick.date) || !isDateInRange(pick.date, start, end)) return false
    seen.add(pick.date)
    return true
  })
}
