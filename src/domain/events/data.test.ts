import fc from 'fast-check'
import { realEvents2025 } from './real-events-2025'
import { sampleEvents } from './sample-events'
import { EVENT_TYPES, SPORTS_LEVELS } from './event-basics'
import { cityEventSchema } from './model'
import { allOccurrences, expandOccurrences } from './occurrences'
import { ZHIZAO_XINCHENG_TAG } from './places'
import { dateOfDayNumber, dayNumberOf, isoWeekdayOf } from '../time/shanghai'

describe('realEvents2025 (clause 十五)', () => {
  const byId = Object.fromEntries(realEvents2025.map((event) => [event.id, event]))

  it('has the 新蜂音乐节 on 2025-05-04/05 at 鹿鸣大草坪', () => {
    expect(byId['xinfeng-music-festival-2025']).toMatchObject({ type: 'concert', allDay: true, start: '2025-05-04', end: '2025-05-05' })
    expect(byId['xinfeng-music-festival-2025'].venue.name).toContain('鹿鸣大草坪')
  })

  it('has the national athletics championships on 2025-08-01/04, competition at the stadium, opening at 水亭门', () => {
    const event = byId['national-athletics-championships-2025']
    expect(event).toMatchObject({ type: 'sports', sportsLevel: 'national', start: '2025-08-01', end: '2025-08-04' })
    expect(event.venue.name).toBe('衢州市体育中心体育场')
    expect(event.otherVenues).toEqual([expect.objectContaining({ name: '水亭门历史文化街区', role: '开幕式' })])
  })

  it('has the May-Day 衢风宋韵·古城新章 at 水亭门, 北门街 and 鹿鸣山文化院街, its dates marked provisional', () => {
    const event = byId['may-day-qufeng-songyun-2025']
    expect(event.title).toContain('衢风宋韵·古城新章')
    expect([event.venue, ...event.otherVenues].map((venue) => venue.name)).toEqual(['水亭门历史文化街区', '北门街历史文化街区', '鹿鸣山文化院街'])
    expect(event.provenance.status).toBe('provisional')
    expect(expandOccurrences(event, '2025-05-01', '2025-05-31')[0]).toMatchObject({ startDate: '2025-05-01', endDate: '2025-05-05' })
  })

  it('marks every coordinate provisional, in GCJ-02, inside 柯城区 roughly', () => {
    for (const event of realEvents2025) {
      for (const venue of [event.venue, ...event.otherVenues]) {
        expect(venue).toMatchObject({ coordinateStatus: 'provisional', coordinateSystem: 'gcj02' })
        expect(venue.lng).toBeGreaterThan(118.8)
        expect(venue.lng).toBeLessThan(118.95)
        expect(venue.lat).toBeGreaterThan(28.9)
        expect(venue.lat).toBeLessThan(29.0)
      }
      expect(event.provenance.sample).toBe(false)
      expect(event.admission.kind).toBe('unknown')
    }
  })
})

describe('sampleEvents', () => {
  const today = '2025-11-27' // a Thursday
  const samples = sampleEvents(today)

  it('covers every type and every sports level, all marked 示例 and sample', () => {
    expect(new Set(samples.map((event) => event.type))).toEqual(new Set(EVENT_TYPES))
    expect(new Set(samples.filter((event) => event.type === 'sports').map((event) => event.sportsLevel))).toEqual(new Set(SPORTS_LEVELS))
    for (const event of samples) {
      expect(event.title).toContain('示例')
      expect(event.provenance.sample).toBe(true)
    }
  })

  it('includes a weekly Saturday 南孔市集 rule with an exception, a changed event and a 智造新城 tag', () => {
    const market = samples.find((event) => event.type === 'market')
    expect(market?.recurrence).toMatchObject({ weekdays: [6], exceptDates: ['2025-12-13'] })
    expect(market && allOccurrences(market).map((occurrence) => occurrence.startDate).slice(0, 3)).toEqual(['2025-11-29', '2025-12-06', '2025-12-20'])
    expect(samples.some((event) => event.status === 'changed' && event.changeNote)).toBe(true)
    expect(samples.some((event) => event.tags.includes(ZHIZAO_XINCHENG_TAG))).toBe(true)
  })

  it('passes the voucher batch ids through to the promotion', () => {
    const linked = sampleEvents(today, { voucherBatchIds: ['batch-2025-12'] })
    expect(linked.find((event) => event.type === 'promotion')?.voucherBatchIds).toEqual(['batch-2025-12'])
  })

  it('is valid and entirely upcoming whatever today is, with stable ids', () => {
    const ids = samples.map((event) => event.id)
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf('2025-01-01'), max: dayNumberOf('2035-12-31') }), (day) => {
        const date = dateOfDayNumber(day)
        const events = sampleEvents(date)
        expect(events.map((event) => event.id)).toEqual(ids)
        for (const event of events) {
          expect(cityEventSchema.safeParse(event).success).toBe(true)
          const occurrences = allOccurrences(event)
          expect(occurrences.length).toBeGreaterThan(0)
          for (const occurrence of occurrences) expect(occurrence.startDate >= date).toBe(true)
        }
        const market = events.find((event) => event.type === 'market')
        expect(market && isoWeekdayOf(dayNumberOf(market.start.slice(0, 10)))).toBe(6)
      }),
      { numRuns: 60 },
    )
  })
})
