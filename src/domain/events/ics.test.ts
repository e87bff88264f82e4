import ICAL from 'ical.js'
import { eventToIcs, escapeIcsText, foldIcsLine, icsFileName } from './ics'
import { allOccurrences, expandOccurrences } from './occurrences'
import { realEvents2025 } from './real-events-2025'
import { makeEvent, weeklyMarket } from './test-fixtures'
import type { CityEvent } from './model'

const NOW = Date.UTC(2025, 3, 20, 8, 0, 0)

function parseVevent(text: string): { calendar: ICAL.Component; vevent: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component
  return { calendar, vevent, event: new ICAL.Event(vevent) }
}

function octets(line: string): number {
  return Buffer.byteLength(line, 'utf8')
}

describe('eventToIcs', () => {
  const concert = makeEvent({
    id: 'concert-1',
    type: 'concert',
    title: '江畔音乐会, 第一场; 路径 C:\\音乐',
    summary: '第一行\n第二行',
    start: '2025-05-04T18:30:00+08:00',
    end: '2025-05-04T22:00:00+08:00',
  })

  it('round-trips a timed event through ical.js with the same instants', () => {
    const { event, calendar } = parseVevent(eventToIcs(concert, undefined, { now: NOW }))
    const [occurrence] = allOccurrences(concert)
    expect(event.startDate.toJSDate().getTime()).toBe(occurrence.startMs)
    expect(event.endDate.toJSDate().getTime()).toBe(occurrence.endMs)
    expect(event.startDate.zone?.tzid).toBe('Asia/Shanghai')
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai')
    expect(event.uid).toBe('concert-1@quhuitong.events')
  })

  it('escapes commas, semicolons, backslashes and newlines so the text comes back unchanged', () => {
    const text = eventToIcs(concert, undefined, { now: NOW })
    expect(text).toContain('SUMMARY:江畔音乐会\\, 第一场\\; 路径 C:\\\\音乐')
    const { event } = parseVevent(text)
    expect(event.summary).toBe('江畔音乐会, 第一场; 路径 C:\\音乐')
    expect(event.description).toContain('第一行\n第二行')
    expect(escapeIcsText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne')
  })

  it('uses CRLF only and folds every line at 75 octets without splitting a character', () => {
    const long = makeEvent({ id: 'long-1', title: '衢州'.repeat(30), summary: '南孔圣地衢州有礼'.repeat(20) })
    const text = eventToIcs(long, undefined, { now: NOW })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n').slice(0, -1)
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75)
    expect(parseVevent(text).event.summary).toBe('衢州'.repeat(30))
  })

  it('folds by octets: 25 three-byte characters fill exactly one 75-octet line', () => {
    expect(foldIcsLine('衢'.repeat(25))).toBe('衢'.repeat(25))
    expect(foldIcsLine('衢'.repeat(26))).toBe(`${'衢'.repeat(25)}\r\n 衢`)
    expect(foldIcsLine('a'.repeat(150)).split('\r\n ').map((part) => part.length)).toEqual([75, 74, 1])
  })

  it('has UID, DTSTAMP in UTC, SEQUENCE from the revision, GEO and a 1-day VALARM', () => {
    const text = eventToIcs(makeEvent({ revision: 3 }), undefined, { now: NOW })
    expect(text).toContain('DTSTAMP:20250420T080000Z')
    expect(text).toContain('SEQUENCE:3')
    expect(text).toContain('GEO:28.94;118.87')
    const { vevent } = parseVevent(text)
    const alarm = vevent.getFirstSubcomponent('valarm') as ICAL.Component
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-P1D')
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
  })

  it('writes all-day events as VALUE=DATE with an exclusive DTEND and the alarm at 09:00 the day before', () => {
    const festival = realEvents2025.find((event) => event.id === 'xinfeng-music-festival-2025') as CityEvent
    const text = eventToIcs(festival, undefined, { now: NOW })
    expect(text).toContain('DTSTART;VALUE=DATE:20250504')
    expect(text).toContain('DTEND;VALUE=DATE:20250506')
    expect(text).not.toContain('BEGIN:VTIMEZONE')
    const { event, vevent } = parseVevent(text)
    expect(event.startDate.isDate).toBe(true)
    expect([event.startDate.year, event.startDate.month, event.startDate.day]).toEqual([2025, 5, 4])
    expect([event.endDate.year, event.endDate.month, event.endDate.day]).toEqual([2025, 5, 6])
    expect(String((vevent.getFirstSubcomponent('valarm') as ICAL.Component).getFirstPropertyValue('trigger'))).toBe('-PT15H')
  })

  it('writes a weekly rule as RRULE + EXDATE that expands to the same occurrences', () => {
    const market = weeklyMarket('market-1', '2025-11-01', '2026-01-31', ['2025-12-27', '2026-01-03'])
    const text = eventToIcs(market, undefined, { now: NOW })
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=SA;UNTIL=20260131T010000Z')
    const { event } = parseVevent(text)
    const iterator = event.iterator()
    const starts: number[] = []
    for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().getTime())
    expect(starts).toEqual(allOccurrences(market).map((occurrence) => occurrence.startMs))
  })

  it('writes one occurrence of a rule as its own event with its own UID', () => {
    const market = weeklyMarket('market-1', '2025-11-01', '2026-01-31')
    const occurrence = expandOccurrences(market, '2026-01-10', '2026-01-10')[0]
    const text = eventToIcs(market, occurrence, { now: NOW })
    expect(text).not.toContain('RRULE')
    const { event } = parseVevent(text)
    expect(event.uid).toBe('market-1-20260110@quhuitong.events')
    expect(event.startDate.toJSDate().getTime()).toBe(occurrence.startMs)
    expect(event.endDate.toJSDate().getTime()).toBe(occurrence.endMs)
    expect(icsFileName(market, occurrence)).toBe('quhuitong-market-1-20260110.ics')
  })

  it('marks a cancelled event CANCELLED, without an alarm', () => {
    const text = eventToIcs(makeEvent({ status: 'cancelled', changeNote: '因天气取消' }), undefined, { now: NOW })
    expect(text).toContain('STATUS:CANCELLED')
    expect(text).not.toContain('BEGIN:VALARM')
    expect(parseVevent(text).event.summary).toBe('【已取消】测试活动')
  })
})
