/**
 * 首页 "今天和本周的活动" (clause 十五): what is on today, and what starts later this week. Weeks run
 * Monday to Sunday, as on the 活动 tab's calendar.
 */
import type { DateString } from '../time'
import { listOccurrences, type DatedEvent } from './calendar'
import { dateOfDayNumber, dayNumberOf, isoWeekdayOf } from '../time/shanghai'
import type { CityEvent } from './model'

export interface TodayAndThisWeek {
  /** Monday and Sunday of the week that contains `today`. */
  week: { from: DateString; to: DateString }
  /** Everything happening on `today`, including what began earlier and is still running. */
  today: DatedEvent[]
  /** Occurrences that start after today and by Sunday (nothing already listed under today). */
  laterThisWeek: DatedEvent[]
}

export function weekContaining(date: DateString): { from: DateString; to: DateString } {
  const day = dayNumberOf(date)
  const monday = day - (isoWeekdayOf(day) - 1)
  return { from: dateOfDayNumber(monday), to: dateOfDayNumber(monday + 6) }
}

export function eventsTodayAndThisWeek(events: readonly CityEvent[], today: DateString): TodayAndThisWeek {
  const week = weekContaining(today)
  const todayList = listOccurrences(events, today, today)
  const tomorrow = dateOfDayNumber(dayNumberOf(today) + 1)
  const laterThisWeek =
    tomorrow > week.to ? [] : listOccurrences(events, tomorrow, week.to).filter((item) => item.occurrence.startDate > today)
  return { week, today: todayList, laterThisWeek }
}
