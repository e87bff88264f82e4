/**
 * How event times, prices and calendar days are said on screen, in Shanghai time whatever the
 * phone's zone (the domain's day numbers and `shanghaiParts` never read the device zone).
 * Shared by the 活动 tab (main package) and the event pages (packages/events).
 */
import type { CalendarDay } from '../domain/events/calendar'
import { dayNumberOf, isoWeekdayOf, pad2, shanghaiParts } from '../domain/time/shanghai'
import { EVENT_TYPE_LABEL, SPORTS_LEVEL_LABEL, WEEKDAY_LABEL, type EventType } from '../domain/events/event-basics'
import type { CityEvent } from '../domain/events/model'
import type { EventOccurrence } from '../domain/events/occurrences'
import type { DateString } from '../domain/time'

export function weekdayOf(date: DateString): string {
  return WEEKDAY_LABEL[isoWeekdayOf(dayNumberOf(date))]
}

/** '5月4日（周日）', with the year first when asked: '2025年5月4日（周日）'. */
export function formatDate(date: DateString, options: { withYear?: boolean } = {}): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${options.withYear ? `${year}年` : ''}${month}月${day}日（${weekdayOf(date)}）`
}

function clock(ms: number, endOfDay = false): string {
  const parts = shanghaiParts(ms)
  // An end at midnight belongs to the day before: 18:00–24:00, not 18:00–00:00.
  if (endOfDay && parts.hour === 0 && parts.minute === 0) return '24:00'
  return `${pad2(parts.hour)}:${pad2(parts.minute)}`
}

/**
 * When one occurrence happens: '5月4日（周日） 全天', '5月4日（周日）至 5月6日（周二） 全天',
 * '5月4日（周日） 18:30–22:00', '5月4日（周日）20:00 至 5月5日（周一）02:00'.
 */
export function formatOccurrenceWhen(occurrence: EventOccurrence, options: { withYear?: boolean } = {}): string {
  const start = formatDate(occurrence.startDate, options)
  const sameDay = occurrence.startDate === occurrence.endDate
  if (occurrence.allDay) return sameDay ? `${start} 全天` : `${start}至 ${formatDate(occurrence.endDate, options)} 全天`
  if (sameDay) return `${start} ${clock(occurrence.startMs)}–${clock(occurrence.endMs, true)}`
  return `${start}${clock(occurrence.startMs)} 至 ${formatDate(occurrence.endDate, options)}${clock(occurrence.endMs, true)}`
}

export function typeLabel(event: CityEvent): string {
  return event.type === 'sports' && event.sportsLevel
    ? `${SPORTS_LEVEL_LABEL[event.sportsLevel]}${EVENT_TYPE_LABEL.sports}`
    : EVENT_TYPE_LABEL[event.type]
}

export function admissionText(event: CityEvent): string {
  if (event.admission.kind === 'free') return '免费'
  if (event.admission.kind === 'ticketed') return `收费：${event.admission.priceText}`
  return '票务信息待确认'
}

/**
 * A mark per type that differs in shape as well as colour (never colour alone): the calendar's
 * dots and its legend use the same table.
 */
export const EVENT_TYPE_MARK: Readonly<Record<EventType, string>> = {
  promotion: '●',
  dining: '■',
  market: '▲',
  sports: '◆',
  concert: '★',
  other: '✚',
}

/** Short names for the legend and the filter chips. */
export const EVENT_TYPE_SHORT: Readonly<Record<EventType, string>> = {
  promotion: '促消费',
  dining: '餐饮',
  market: '市集',
  sports: '赛事',
  concert: '演出',
  other: '其他',
}

/** A day's holiday in words: '休息日（劳动节）', '调休上班（劳动节）', or null on an ordinary day. */
export function holidayWords(day: CalendarDay): string | null {
  const name = day.holiday.name ? `（${day.holiday.name}）` : ''
  if (day.holiday.badge === '休') return `休息日${name}`
  if (day.holiday.badge === '班') return `调休上班${name}`
  return null
}

/** '没有活动', '2 个活动', '2 个活动（1 个已取消）', '1 个活动（均已取消）'. */
export function eventCountWords(count: number, cancelled = 0): string {
  if (count === 0) return '没有活动'
  const cancelledText = cancelled > 0 ? `（${cancelled === count ? '均' : `${cancelled} 个`}已取消）` : ''
  return `${count} 个活动${cancelledText}`
}

/**
 * What a screen reader says for a calendar day: '5月4日 周日，今天，休息日（劳动节），2 个活动：演唱会·音乐节、南孔市集'.
 * Cancelled events are counted and said as such; their types get no mark (the domain's dots skip them).
 */
export function dayCellLabel(day: CalendarDay, count: number, types: readonly EventType[] | undefined, cancelled = 0): string {
  const [, month, date] = day.date.split('-').map(Number)
  const parts = [`${month}月${date}日 ${weekdayOf(day.date)}`]
  if (day.isToday) parts.push('今天')
  const holiday = holidayWords(day)
  if (holiday) parts.push(holiday)
  const typeText = count > 0 && types && types.length > 0 ? `：${types.map((type) => EVENT_TYPE_LABEL[type]).join('、')}` : ''
  parts.push(`${eventCountWords(count, cancelled)}${typeText}`)
  return parts.join('，')
}

/** '今天 14:05' or '5月3日 14:05' (Shanghai), for "数据更新于 …". */
export function formatFetchedAt(fetchedAt: number, now: number = Date.now()): string {
  // A time that could not be read (Date.parse of a malformed date) is left out, never shown as NaN.
  if (!Number.isFinite(fetchedAt)) return ''
  const then = shanghaiParts(fetchedAt)
  const today = shanghaiParts(now)
  const time = `${pad2(then.hour)}:${pad2(then.minute)}`
  if (then.year === today.year && then.month === today.month && then.day === today.day) return `今天 ${time}`
  return `${then.year === today.year ? '' : `${then.year}年`}${then.month}月${then.day}日 ${time}`
}

/** '5月4日（周日）18:30', with the year when asked or when it is not this year's. */
export function formatInstant(ms: number, now: number = Date.now()): string {
  const parts = shanghaiParts(ms)
  const date = `${parts.year}-${pad2(parts.month)}-${pad2(parts.day)}`
  return `${formatDate(date, { withYear: parts.year !== shanghaiParts(now).year })}${pad2(parts.hour)}:${pad2(parts.minute)}`
}
