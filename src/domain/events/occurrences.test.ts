import { expandOccurrences, nextOccurrence, allOccurrences, firstOccurrence, reminderAnchorMs, EventOccurrence } from './occurrences'
import { EventError } from './event-basics'
import { makeEvent, weeklyMarket } from './test-fixtures'

const dates = (list: EventOccurrence[]) => list.map((occurrence) => occurrence.startDate)

describe('expandOccurrences: single events', () => {
  it('returns a timed event once with its instants and ISO times', () => {
    const [occurrence, ...rest] = expandOccurrences(makeEvent(), '2025-05-01', '2025-05-31')
    expect(rest).toEqual([])
    expect(occurrence).toMatchObject({
      key: 'test-event@2025-05-04',
      startDate: '2025-05-04',
      endDate: '2025-05-04',
      start: '2025-05-04T18:30:00+08:00',
      end: '2025-05-04T22:00:00+08:00',
      startMs: Date.UTC(2025, 4, 4, 10, 30),
      endMs: Date.UTC(2025, 4, 4, 14, 0),
      allDay: false,
      recurring: false,
      cancelled: false,
    })
  })

  it('returns nothing outside the range', () => {
    expect(expandOccurrences(makeEvent(), '2025-05-05', '2025-05-31')).toEqual([])
    expect(expandOccurrences(makeEvent(), '2025-04-01', '2025-05-03')).toEqual([])
  })

  it('gives an all-day multi-day event Shanghai-midnight instants and an inclusive last day', () => {
    const event = makeEvent({ allDay: true, start: '2025-12-31', end: '2026-01-02' })
    const [occurrence] = expandOccurrences(event, '2026-01-02', '2026-01-31')
    expect(occurrence).toMatchObject({
      startDate: '2025-12-31',
      endDate: '2026-01-02',
      start: '2025-12-31',
      end: '2026-01-02',
      startMs: Date.UTC(2025, 11, 30, 16),
      endMs: Date.UTC(2026, 0, 2, 16),
    })
  })

  it('counts a concert ending after midnight on both days, but not one ending exactly at midnight', () => {
    const late = makeEvent({ start: '2025-05-04T20:00:00+08:00', end: '2025-05-05T01:00:00+08:00' })
    const midnight = makeEvent({ start: '2025-05-04T20:00:00+08:00', end: '2025-05-05T00:00:00+08:00' })
    expect(expandOccurrences(late, '2025-05-05', '2025-05-05')).toHaveLength(1)
    expect(expandOccurrences(late, '2025-05-04', '2025-05-04')[0].endDate).toBe('2025-05-05')
    expect(expandOccurrences(midnight, '2025-05-05', '2025-05-05')).toEqual([])
    expect(expandOccurrences(midnight, '2025-05-04', '2025-05-04')[0].endDate).toBe('2025-05-04')
  })

  it('marks occurrences of a cancelled event', () => {
    const event = makeEvent({ status: 'cancelled', changeNote: '因天气取消' })
    expect(expandOccurrences(event, '2025-05-04', '2025-05-04')[0].cancelled).toBe(true)
  })

  it('rejects a reversed or malformed range', () => {
    expect(() => expandOccurrences(makeEvent(), '2025-05-31', '2025-05-01')).toThrow(EventError)
    expect(() => expandOccurrences(makeEvent(), '2025-5-1', '2025-05-31')).toThrow('日期格式')
  })
})

describe('expandOccurrences: weekly rules', () => {
  // 2025-11-01 is a Saturday; the rule runs over the year end.
  const market = weeklyMarket('nankong-market', '2025-11-01', '2026-01-31', ['2025-12-27', '2026-01-03'])

  it('expands every Saturday from the first to until, skipping exception dates, across the year end', () => {
    expect(dates(expandOccurrences(market, '2025-12-01', '2026-01-31'))).toEqual([
      '2025-12-06',
      '2025-12-13',
      '2025-12-20',
      '2026-01-10',
      '2026-01-17',
      '2026-01-24',
      '2026-01-31',
    ])
  })

  it('keeps the wall-clock time and duration on every occurrence', () => {
    for (const occurrence of expandOccurrences(market, '2025-11-01', '2026-01-31')) {
      expect(occurrence.start).toBe(`${occurrence.startDate}T09:00:00+08:00`)
      expect(occurrence.endMs - occurrence.startMs).toBe(8 * 3_600_000)
      expect(occurrence.key).toBe(`nankong-market@${occurrence.startDate}`)
      expect(occurrence.recurring).toBe(true)
    }
  })

  it('never starts before the first occurrence or after until', () => {
    expect(dates(expandOccurrences(market, '2025-10-01', '2025-11-08'))).toEqual(['2025-11-01', '2025-11-08'])
    expect(dates(expandOccurrences(market, '2026-01-31', '2026-03-31'))).toEqual(['2026-01-31'])
  })

  it('handles several weekdays and an interval of two weeks from the first week (WKST=MO)', () => {
    // 2025-05-03 Saturday; every other week on Saturday and Sunday.
    const event = makeEvent({
      start: '2025-05-03T10:00:00+08:00',
      end: '2025-05-03T12:00:00+08:00',
      recurrence: { frequency: 'weekly', interval: 2, weekdays: [7, 6], until: '2025-06-01' },
    })
    expect(dates(expandOccurrences(event, '2025-05-01', '2025-06-30'))).toEqual([
      '2025-05-03',
      '2025-05-04',
      '2025-05-17',
      '2025-05-18',
      '2025-05-31',
      '2025-06-01',
    ])
  })

  it('skips a weekday that falls before the first occurrence in its first week', () => {
    // First is Saturday 2025-05-03; Wednesdays too, so the first Wednesday is 2025-05-07.
    const event = makeEvent({
      start: '2025-05-03T10:00:00+08:00',
      end: '2025-05-03T12:00:00+08:00',
      recurrence: { frequency: 'weekly', weekdays: [3, 6], until: '2025-05-10' },
    })
    expect(dates(allOccurrences(event))).toEqual(['2025-05-03', '2025-05-07', '2025-05-10'])
  })

  it('includes an occurrence that began before the range and is still running in it', () => {
    const weekend = makeEvent({
      allDay: true,
      start: '2025-05-03',
      end: '2025-05-04',
      recurrence: { frequency: 'weekly', weekdays: [6], until: '2025-05-31' },
    })
    expect(dates(expandOccurrences(weekend, '2025-05-11', '2025-05-11'))).toEqual(['2025-05-10'])
  })

  it('keeps the first occurrence as the rule start even when it is an exception', () => {
    const excepted = weeklyMarket('market-1', '2025-05-03', '2025-05-17', ['2025-05-03'])
    expect(dates(allOccurrences(excepted))).toEqual(['2025-05-10', '2025-05-17'])
    expect(firstOccurrence(excepted).startDate).toBe('2025-05-03')
  })
})

describe('nextOccurrence', () => {
  const market = weeklyMarket('market-1', '2025-05-03', '2025-05-31')

  it('is the one in progress, then the next one, then none', () => {
    expect(nextOccurrence(market, Date.UTC(2025, 4, 3, 2))?.startDate).toBe('2025-05-03') // 10:00 Shanghai, in progress
    expect(nextOccurrence(market, Date.UTC(2025, 4, 3, 10))?.startDate).toBe('2025-05-10') // 18:00 Shanghai, over
    expect(nextOccurrence(market, Date.UTC(2025, 5, 1))).toBeNull()
    expect(nextOccurrence(makeEvent(), Date.UTC(2025, 0, 1))?.startDate).toBe('2025-05-04')
  })
})

describe('reminderAnchorMs', () => {
  it('is the start of a timed occurrence and 09:00 Shanghai of an all-day one', () => {
    const [timed] = allOccurrences(makeEvent())
    const [allDay] = allOccurrences(makeEvent({ allDay: true, start: '2025-05-04', end: '2025-05-05' }))
    expect(reminderAnchorMs(timed)).toBe(timed.startMs)
    expect(reminderAnchorMs(allDay)).toBe(Date.UTC(2025, 4, 4, 1))
  })
})
