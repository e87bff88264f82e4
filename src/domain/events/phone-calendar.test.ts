import { phoneCalendarParams } from './phone-calendar'
import { expandOccurrences } from './occurrences'
import { realEvents2025 } from './real-events-2025'
import { EventError } from './event-basics'
import type { CityEvent } from './model'
import { makeEvent, weeklyMarket } from './test-fixtures'

describe('phoneCalendarParams (wx.addPhoneCalendar)', () => {
  it('gives unix seconds and a 1-day alarm offset in seconds for a timed event', () => {
    const params = phoneCalendarParams(makeEvent({ summary: '说明' }))
    expect(params).toEqual({
      title: '测试活动',
      startTime: Date.UTC(2025, 4, 4, 10, 30) / 1000,
      endTime: Date.UTC(2025, 4, 4, 14, 0) / 1000,
      allDay: false,
      location: '柯城区 测试场地',
      description: '其他活动\n说明\n来自衢惠通',
      alarm: true,
      alarmOffset: 86_400,
    })
  })

  it('for an all-day event starts at 00:00 Shanghai, ends at 00:00 of the last day, rings at 09:00 the day before', () => {
    const festival = realEvents2025.find((event) => event.id === 'xinfeng-music-festival-2025') as CityEvent
    const params = phoneCalendarParams(festival)
    expect(params.allDay).toBe(true)
    expect(params.startTime).toBe(Date.UTC(2025, 4, 3, 16) / 1000)
    expect(params.endTime).toBe(Date.UTC(2025, 4, 4, 16) / 1000)
    expect(params.startTime - params.alarmOffset).toBe(Date.UTC(2025, 4, 3, 1) / 1000) // 09:00 on 05-03
    expect(params.location).toBe('鹿鸣大草坪（衢州古城文化旅游区） 柯城区鹿鸣公园（衢江西岸）') // the county is not repeated
  })

  it('picks the given occurrence of a rule, or the next one after now', () => {
    const market = weeklyMarket('market-1', '2025-11-01', '2026-01-31')
    const occurrence = expandOccurrences(market, '2026-01-10', '2026-01-10')[0]
    expect(phoneCalendarParams(market, occurrence).startTime).toBe(occurrence.startMs / 1000)
    expect(phoneCalendarParams(market, undefined, { now: Date.UTC(2025, 11, 1) }).startTime).toBe(Date.UTC(2025, 11, 6, 1) / 1000)
    expect(() => phoneCalendarParams(market, undefined, { now: Date.UTC(2026, 1, 1) })).toThrow('全部结束')
  })

  it('refuses a cancelled event', () => {
    expect(() => phoneCalendarParams(makeEvent({ status: 'cancelled', changeNote: '取消' }))).toThrow(EventError)
  })
})
