/**
 * @jest-environment ./src/domain/events/time-zone-test-environment.js
 *
 * The same answers whatever zone the device or server is in: computed with TZ=Asia/Shanghai,
 * then again with TZ=America/New_York (west of UTC, where chinese-days' own functions shift
 * holidays by a day), and compared.
 */
import ICAL from 'ical.js'
import { monthGrid, monthView } from './calendar'
import { allOccurrences, expandOccurrences } from './occurrences'
import { eventToIcs } from './ics'
import { phoneCalendarParams } from './phone-calendar'
import { targetProgress } from './targets'
import { realEvents2025 } from './real-events-2025'
import { sampleEvents } from './sample-events'
import { weeklyMarket } from './test-fixtures'
import { reminderFireTimes } from '../reminders/kinds'
import { buildSubscribeMessageData } from '../reminders/message-data'

const NOW = Date.UTC(2025, 8, 27, 18, 0) // 2025-09-28 02:00 in Shanghai, 2025-09-27 14:00 in New York

function answers() {
  const market = weeklyMarket('market-1', '2025-09-27', '2025-10-25', ['2025-10-04'])
  const events = [...realEvents2025, ...sampleEvents('2025-09-28'), market]
  const ics = eventToIcs(market, undefined, { now: NOW })
  const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') as ICAL.Component)
  const iterator = parsed.iterator()
  const icsStarts: number[] = []
  for (let next = iterator.next(); next; next = iterator.next()) icsStarts.push(next.toJSDate().getTime())
  const view = monthView(events, 2025, 10, { now: NOW })
  return {
    octoberGrid: view.grid,
    septemberGrid: monthGrid(2025, 9, { now: NOW }),
    decemberGrid: monthGrid(2025, 12, { now: NOW }),
    dots: view.dots,
    onOctober4: view.index.on('2025-10-04').map((item) => item.occurrence.key),
    occurrences: allOccurrences(market),
    festival: expandOccurrences(realEvents2025[0], '2025-05-01', '2025-05-31'),
    ics,
    icsStarts,
    phone: phoneCalendarParams(realEvents2025[0]),
    targets: targetProgress(events, 2025),
    fireTimes: reminderFireTimes('event-starting', '2025-10-01T19:30:00+08:00'),
    message: buildSubscribeMessageData('event-starting', { eventTitle: '音乐会', startsAt: '2025-10-01T19:30:00+08:00', venueName: '鹿鸣大草坪' }),
  }
}

declare function setProcessTimeZone(zone: string): void

describe('answers do not depend on the process time zone', () => {
  it('gives identical results in America/New_York', () => {
    setProcessTimeZone('Asia/Shanghai')
    expect(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()).toBe(-480)
    const inShanghai = answers()
    setProcessTimeZone('America/New_York')
    expect(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()).toBe(300) // the switch took effect
    const inNewYork = answers()
    expect(inNewYork).toEqual(inShanghai)
    // …and they are the right answers, not the same wrong ones.
    expect(inNewYork.octoberGrid.weeks.flat().find((day) => day.date === '2025-10-06')?.holiday.name).toBe('中秋')
    expect(inNewYork.septemberGrid.weeks.flat().find((day) => day.date === '2025-09-28')?.holiday.kind).toBe('makeup-workday')
    expect(inNewYork.septemberGrid.weeks.flat().find((day) => day.isToday)?.date).toBe('2025-09-28')
    expect(inNewYork.icsStarts).toEqual(inNewYork.occurrences.map((occurrence) => occurrence.startMs))
    expect(inNewYork.message.data.time2.value).toBe('2025年10月1日 19:30')
  })
})
