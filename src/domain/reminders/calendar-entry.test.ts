import ICAL from 'ical.js'
import { calendarEntryFileName, calendarEntryToIcs } from '../events/ics'
import { entryPhoneCalendarParams, reminderCalendarEntry } from './calendar-entry'

const OPENS = Date.parse('2025-10-15T10:00:00+08:00')

describe('a reminder’s moment in the phone calendar', () => {
  const entry = reminderCalendarEntry({ kind: 'round-opening', subjectId: 'b-autumn:r-2', title: '金秋消费券（第 2 轮）', targetMs: OPENS, beforeMs: 15 * 60_000 })

  it('is titled by what happens, at the moment, with the alarm at the lead time chosen', () => {
    expect(entry).toMatchObject({ title: '金秋消费券（第 2 轮）开抢', startMs: OPENS, alarmBeforeMs: 15 * 60_000, uid: 'round-opening-b-autumn-r-2' })
    expect(entry.description).toBe('消费券开抢提醒：金秋消费券（第 2 轮）\n开抢前 15 分钟提醒\n来自衢惠通')
  })

  it('gives wx.addPhoneCalendar unix seconds and the alarm in seconds', () => {
    expect(entryPhoneCalendarParams(entry)).toEqual({
      title: '金秋消费券（第 2 轮）开抢',
      startTime: OPENS / 1000,
      endTime: OPENS / 1000 + 15 * 60,
      allDay: false,
      location: '',
      description: entry.description,
      alarm: true,
      alarmOffset: 15 * 60,
    })
  })

  it('is a valid .ics in Shanghai time whose alarm rings at the lead time', () => {
    const text = calendarEntryToIcs(entry, { now: OPENS - 86_400_000 })
    const calendar = new ICAL.Component(ICAL.parse(text))
    const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component
    const event = new ICAL.Event(vevent)
    expect(event.summary).toBe('金秋消费券（第 2 轮）开抢')
    expect(event.startDate.toJSDate().getTime()).toBe(OPENS)
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai')
    const alarm = vevent.getFirstSubcomponent('valarm') as ICAL.Component
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('-PT15M')
    expect(calendarEntryFileName(entry)).toBe('quhuitong-round-opening-b-autumn-r-2.ics')
  })
})
