/**
 * Public holidays (休) and 调休 working days (班) for the calendar, from the maintained
 * `chinese-days` package, which transcribes the State Council's yearly 节假日安排 notices.
 *
 * We read the package's published table (dist/chinese-days.json) rather than its functions: in
 * chinese-days 1.5.7 the functions build their table at load time with local-zone Date maths, and
 * on a device west of UTC (TZ=America/New_York) `getDayDetail(new Date(2025, 8, 28))` answers
 * "Sunday, rest" for the 2025-09-28 调休 working day and 2025-10-06 comes back as 国庆节 instead of
 * 中秋. The table is plain data keyed by Shanghai dates, so it answers the same everywhere.
 *
 * The calendar is in the mini-program's main package (≤ 500 KB), so the table is copied from its
 * `firstYear` (2024) on into holiday-table.json by scripts/make-holiday-table.mjs: ~6 KB instead of
 * ~45 KB for 2004 onward. holidays.test.ts fails when the copy and the installed package differ.
 *
 * A year the table does not cover (the notice for next year usually comes out in November, and
 * the package must then be updated) is reported as unknown — never guessed from weekends.
 */
import table from './holiday-table.json'
import type { DateString } from '../time'

interface HolidayTable {
  firstYear: number
  holidays: Record<string, string>
  workdays: Record<string, string>
  inLieuDays: Record<string, string>
}

const HOLIDAY_TABLE = table as HolidayTable

export type HolidayDayKind = 'holiday' | 'makeup-workday' | 'ordinary' | 'unknown'

export interface HolidayInfo {
  date: DateString
  /**
   * holiday: 法定节假日 (休); makeup-workday: a weekend day worked in exchange (调休上班, 班);
   * ordinary: neither (weekday work, weekend rest); unknown: the year is not in the data.
   */
  kind: HolidayDayKind
  /** Chinese festival name, e.g. '国庆节', for holidays and makeup workdays. */
  name: string | null
  nameEn: string | null
  /** A holiday day that is "paid for" by a makeup workday (调休), rather than a statutory one. */
  inLieu: boolean
  /** Badge for the calendar cell: 休 / 班 / nothing. */
  badge: '休' | '班' | null
}

/** 'National Day,国庆节,3' → names. */
function parseEntry(entry: string): { nameEn: string; name: string } {
  const [nameEn = '', name = ''] = entry.split(',')
  return { nameEn, name }
}

const coveredYears: number[] = Array.from(
  new Set(Object.keys(HOLIDAY_TABLE.holidays).map((date) => Number(date.slice(0, 4)))),
).sort((a, b) => a - b)
const coveredYearSet = new Set(coveredYears)

/** The years the bundled holiday data covers, e.g. { first: 2004, last: 2026 }. */
export function holidayDataCoverage(): { first: number; last: number; years: readonly number[] } {
  return { first: coveredYears[0], last: coveredYears[coveredYears.length - 1], years: coveredYears }
}

export function isHolidayDataKnown(year: number): boolean {
  return coveredYearSet.has(year)
}

export function holidayInfo(date: DateString): HolidayInfo {
  if (!coveredYearSet.has(Number(date.slice(0, 4)))) {
    return { date, kind: 'unknown', name: null, nameEn: null, inLieu: false, badge: null }
  }
  const work = HOLIDAY_TABLE.workdays[date]
  if (work) return { date, kind: 'makeup-workday', ...parseEntry(work), inLieu: false, badge: '班' }
  const rest = HOLIDAY_TABLE.holidays[date]
  if (rest) return { date, kind: 'holiday', ...parseEntry(rest), inLieu: Boolean(HOLIDAY_TABLE.inLieuDays[date]), badge: '休' }
  return { date, kind: 'ordinary', name: null, nameEn: null, inLieu: false, badge: null }
}
