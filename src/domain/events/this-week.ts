/**
 * 首页 "今天和本周的活动" (clause 十五): what is on today, and what starts later this week. Weeks run
 * Monday to Sunday, as on the 活动 tab's calendar. On a Sunday the rest of the week is empty, so
 * the days ahead are next week's (issue 19 item 5): a Sunday never says "nothing this week" while
 * events start tomorrow.
 */
import type { DateString } from '../time'
import { listOccurrences, type DatedEvent } from './calendar'
import { dateOfDayNumber, dayNumberOf, isoWeekdayOf } from './day-numbers'
import type { CityEvent } from './model'

export interface TodayAndThisWeek {
  /** Monday and Sunday of the week that contains `today`. */
  week: { from: DateString; to: DateString }
  /** Everything happening on `today`, including what began earlier and is still running. */
  today: DatedEvent[]
  /**
   * Occurrences that start after today and by `ahead.to` (nothing already listed under today):
   * the rest of this week, or on a Sunday next week.
   */
  laterThisWeek: DatedEvent[]
  /** The days `laterThisWeek` covers: tomorrow to this Sunday, or on a Sunday all of next week. */
  ahead: { from: DateString; to: DateString; nextWeek: boolean }
}

export function weekContaining(date: DateString): { from: DateString; to: DateString } {
  const day = dayNumberOf(date)
  const monday = day - (isoWeekdayOf(day) - 1)
  return { from: dateOfDayNumber(monday), to: dateOfDayNumber(monday + 6) }
}

/**
 * The days a "this week" list shows from `today`: Monday to Sunday of this week, and on a Sunday
 * this week and next, so the list always has days ahead.
 */
export function weeksAhead(today: DateString): { from: DateString; to: DateString; nextWeek: boolean } {
  const week = weekContaining(today)
  if (today < week.to) return { ...week, nextWeek: false }
  return { from: week.from, to: dateOfDayNumber(dayNumberOf(week.to) + 7), nextWeek: true }
}

export function eventsTodayAndThisWeek(events: readonly CityEvent[], today: DateString): TodayAndThisWeek {
  const week = weekContaining(today)
  const todayList = listOccurrences(events, today, today)
  const tomorrow = dateOfDayNumber(dayNumberOf(today) + 1)
  const ahead = { from: tomorrow, to: weeksAhead(today).to, nextWeek: tomorrow > week.to }
  const laterThisWeek = listOccurrences(events, ahead.from, ahead.to).filter((item) => item.occurrence.startDate > today)
  return { week, today: todayList, laterThisWeek, ahead }
}
