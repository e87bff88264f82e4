/**
 * 加入日历 on H5 (WeChat's addPhoneCalendar has no H5 equivalent, WECHAT.md): an RFC 5545
 * VCALENDAR for one event, or one occurrence of it.
 *
 * - Lines end in CRLF and are folded at 75 octets (UTF-8 bytes, never inside a character);
 *   TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.1, §3.3.11).
 * - Timed events use TZID=Asia/Shanghai with a VTIMEZONE block (fixed +08:00, no DST since 1991),
 *   so the phone shows Shanghai times converted to its own zone.
 * - All-day events use VALUE=DATE with an exclusive DTEND (the day after the last day).
 * - A weekly rule becomes RRULE + EXDATE when no single occurrence is asked for.
 * - One VALARM, from the 'event-starting' reminder data (1 day before; for all-day events counted
 *   from ALL_DAY_EVENT_REMINDER_TIME, so it rings at 09:00 the day before, not at midnight).
 */
import { REMINDER_KIND_SPECS } from '../reminders/kinds'
import type { CalendarEntry } from '../reminders/calendar-entry'
import { STATUS_LABEL } from '../policy/types'
import { EVENT_STATUS_LABEL, EVENT_TYPE_LABEL, SPORTS_LEVEL_LABEL } from './event-basics'
import type { CityEvent } from './model'
import { firstOccurrence, reminderAnchorMs, type EventOccurrence } from './occurrences'
import { dayNumberOf, MS_PER_DAY, MS_PER_MINUTE, pad2, shanghaiMidnightMs, shanghaiParts } from '../time/shanghai'
import { countyName } from './places'

export const ICS_MIME_TYPE = 'text/calendar;charset=utf-8'
const PRODUCT_ID = '-//衢惠通//活动日历//ZH'
const DEFAULT_UID_DOMAIN = 'quhuitong.events'
const TZID = 'Asia/Shanghai'
const WEEKDAY_CODES = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

export interface IcsOptions {
  /** DTSTAMP; defaults to Date.now(). */
  now?: number
  /** Right-hand side of UIDs. */
  uidDomain?: string
  /** Add the 1-day-before alarm (default true; never on a cancelled event). */
  alarm?: boolean
}

export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/** Folds one content line into ≤ 75-octet pieces joined by CRLF + space. */
export function foldIcsLine(line: string): string {
  const pieces: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number)
    if (octets + size > limit) {
      pieces.push(current)
      current = ''
      octets = 0
      limit = 74 // the leading space of a continuation line is one of its 75 octets
    }
    current += char
    octets += size
  }
  pieces.push(current)
  return pieces.join('\r\n ')
}

function utcStamp(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`
}

function localStamp(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}${pad2(p.month)}${pad2(p.day)}T${pad2(p.hour)}${pad2(p.minute)}${pad2(p.second)}`
}

function dateStamp(date: string): string {
  return date.replace(/-/g, '')
}

function dayAfter(date: string): string {
  const d = new Date((dayNumberOf(date) + 1) * MS_PER_DAY)
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`
}

/** -P1D, -PT1H, -PT15H, -P1DT2H30M … for an offset before the start (ms > 0). */
export function icsDurationBefore(ms: number): string {
  let rest = Math.round(ms / MS_PER_MINUTE)
  const days = Math.floor(rest / (24 * 60))
  rest -= days * 24 * 60
  const hours = Math.floor(rest / 60)
  const minutes = rest - hours * 60
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`
  if (!days && !time) return 'PT0S'
  return `-P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`
}

function describe(event: CityEvent): string {
  const lines = [
    event.type === 'sports' && event.sportsLevel ? `${SPORTS_LEVEL_LABEL[event.sportsLevel]}${EVENT_TYPE_LABEL.sports}` : EVENT_TYPE_LABEL[event.type],
    event.summary,
    event.admission.kind === 'free' ? '免费' : event.admission.kind === 'ticketed' ? `票价：${event.admission.priceText}` : '票务信息待确认',
    event.organiser ? `主办：${event.organiser}` : undefined,
    ...event.otherVenues.map((venue) => `${venue.role ?? '另一地点'}：${venue.name}`),
    event.status !== 'scheduled' ? `${EVENT_STATUS_LABEL[event.status]}：${event.changeNote ?? ''}` : undefined,
    event.provenance.status !== 'confirmed' ? `部分信息${STATUS_LABEL.provisional}` : undefined,
    event.provenance.sample ? '示例数据，并非真实活动' : undefined,
  ]
  return lines.filter((line): line is string => Boolean(line)).join('\n')
}

/** '柯城区 衢州市体育中心体育场 钱江大道以南…', without repeating the county when the address names it. */
export function eventLocationText(event: CityEvent): string {
  const { venue } = event
  const county = countyName(event.county).replace('（全市域）', '')
  const named = venue.name.includes(county) || (venue.address ?? '').includes(county)
  return [named ? undefined : county, venue.name, venue.address].filter(Boolean).join(' ')
}

function vtimezone(): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${TZID}`,
    `X-LIC-LOCATION:${TZID}`,
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
}

function timeLines(event: CityEvent, occurrence: EventOccurrence, asRule: boolean): string[] {
  const lines = occurrence.allDay
    ? [`DTSTART;VALUE=DATE:${dateStamp(occurrence.startDate)}`, `DTEND;VALUE=DATE:${dayAfter(occurrence.endDate)}`]
    : [`DTSTART;TZID=${TZID}:${localStamp(occurrence.startMs)}`, `DTEND;TZID=${TZID}:${localStamp(occurrence.endMs)}`]
  const rule = event.recurrence
  if (!asRule || !rule) return lines
  const byDay = rule.weekdays.map((day) => WEEKDAY_CODES[day]).join(',')
  // With a TZID start, UNTIL must be UTC (RFC 5545 §3.3.10): the last day's start instant.
  const timeOfDayMs = occurrence.startMs - shanghaiMidnightMs(dayNumberOf(occurrence.startDate))
  const lastStart = shanghaiMidnightMs(dayNumberOf(rule.until)) + timeOfDayMs
  const until = occurrence.allDay ? dateStamp(rule.until) : utcStamp(lastStart)
  lines.push(`RRULE:FREQ=WEEKLY;INTERVAL=${rule.interval};WKST=MO;BYDAY=${byDay};UNTIL=${until}`)
  for (const date of rule.exceptDates) {
    if (occurrence.allDay) lines.push(`EXDATE;VALUE=DATE:${dateStamp(date)}`)
    else lines.push(`EXDATE;TZID=${TZID}:${dateStamp(date)}${localStamp(occurrence.startMs).slice(8)}`)
  }
  return lines
}

/**
 * The .ics text for an event. With `occurrence`, just that dated occurrence (UID per occurrence);
 * without, the whole event (a weekly rule as RRULE from its first occurrence).
 */
export function eventToIcs(event: CityEvent, occurrence?: EventOccurrence, options: IcsOptions = {}): string {
  // Without an occurrence the rule's first day is DTSTART even if excepted: EXDATE then removes it.
  const first = occurrence ?? firstOccurrence(event)
  const single = occurrence !== undefined
  const uidDomain = options.uidDomain ?? DEFAULT_UID_DOMAIN
  const uid = single && event.recurrence ? `${event.id}-${dateStamp(occurrence.startDate)}@${uidDomain}` : `${event.id}@${uidDomain}`
  const cancelled = event.status === 'cancelled'
  const title = cancelled ? `【已取消】${event.title}` : event.title
  const { venue } = event

  const body = [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(options.now ?? Date.now())}`,
    ...timeLines(event, first, !single),
    `SUMMARY:${escapeIcsText(title)}`,
    `LOCATION:${escapeIcsText(eventLocationText(event))}`,
    `GEO:${venue.lat};${venue.lng}`,
    `DESCRIPTION:${escapeIcsText(describe(event))}`,
    `CATEGORIES:${escapeIcsText(EVENT_TYPE_LABEL[event.type])}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${event.revision}`,
    'TRANSP:TRANSPARENT',
  ]
  if (options.alarm !== false && !cancelled) {
    const [dayBefore] = REMINDER_KIND_SPECS['event-starting'].offsets
    const triggerMs = dayBefore.beforeMs - (reminderAnchorMs(first) - first.startMs)
    body.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(`${dayBefore.label}：${event.title}`)}`, `TRIGGER:${icsDurationBefore(triggerMs)}`, 'END:VALARM')
  }
  body.push('END:VEVENT')

  return calendarText(body, !first.allDay)
}

function calendarText(body: readonly string[], timed: boolean): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...(timed ? vtimezone() : []), ...body, 'END:VCALENDAR']
  return lines.map(foldIcsLine).join('\r\n') + '\r\n'
}

/** The .ics text for a reminder's moment (reminders/calendar-entry.ts): Shanghai times, one alarm. */
export function calendarEntryToIcs(entry: CalendarEntry, options: Pick<IcsOptions, 'now' | 'uidDomain'> = {}): string {
  return calendarText(
    [
      'BEGIN:VEVENT',
      `UID:${entry.uid}@${options.uidDomain ?? DEFAULT_UID_DOMAIN}`,
      `DTSTAMP:${utcStamp(options.now ?? Date.now())}`,
      `DTSTART;TZID=${TZID}:${localStamp(entry.startMs)}`,
      `DTEND;TZID=${TZID}:${localStamp(entry.endMs)}`,
      `SUMMARY:${escapeIcsText(entry.title)}`,
      `DESCRIPTION:${escapeIcsText(entry.description)}`,
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeIcsText(entry.title)}`,
      `TRIGGER:${icsDurationBefore(entry.alarmBeforeMs)}`,
      'END:VALARM',
      'END:VEVENT',
    ],
    true,
  )
}

/** A download name for a reminder's .ics: ASCII only. */
export function calendarEntryFileName(entry: CalendarEntry): string {
  return `quhuitong-${entry.uid}.ics`
}

/** A download name for the H5 link: ASCII only, so every browser keeps it. */
export function icsFileName(event: CityEvent, occurrence?: EventOccurrence): string {
  return `quhuitong-${event.id}${occurrence && event.recurrence ? `-${dateStamp(occurrence.startDate)}` : ''}.ics`
}
