import {
  monthGrid,
  monthGridRange,
  monthView,
  indexOccurrencesByDay,
  eventsOnDay,
  eventDotsByDay,
  filterEvents,
  listOccurrences,
  sortEvents,
} from './calendar'
import { EventError } from './event-basics'
import type { CityEvent } from './model'
import { makeEvent, weeklyMarket } from './test-fixtures'

const flat = (grid: ReturnType<typeof monthGrid>) => grid.weeks.flat()

describe('monthGrid', () => {
  it('starts every week on Monday and shows 6 weeks by default', () => {
    const grid = monthGrid(2025, 10, { today: '2025-10-15' })
    expect(grid.weeks).toHaveLength(6)
    for (const week of grid.weeks) {
      expect(week.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7])
    }
    // 2025-10-01 is a Wednesday: the grid opens on Monday 2025-09-29.
    expect(grid.first).toBe('2025-09-29')
    expect(grid.last).toBe('2025-11-09')
    expect(flat(grid).filter((day) => day.inMonth)).toHaveLength(31)
    expect(flat(grid).filter((day) => day.isToday).map((day) => day.date)).toEqual(['2025-10-15'])
  })

  it('crosses the year end: December 2025 shows the first days of January 2026', () => {
    const grid = monthGrid(2025, 12, { today: '2026-01-01' })
    expect(grid.first).toBe('2025-12-01') // a Monday
    const trailing = flat(grid).filter((day) => !day.inMonth).map((day) => day.date)
    expect(trailing.slice(0, 4)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'])
    expect(flat(grid).find((day) => day.date === '2026-01-01')).toMatchObject({ isToday: true, inMonth: false, holiday: { kind: 'holiday', name: '元旦' } })
    expect(flat(grid).find((day) => day.date === '2026-01-04')?.holiday.kind).toBe('makeup-workday')
  })

  it('crosses the year start: January 2026 opens on Monday 2025-12-29', () => {
    const grid = monthGrid(2026, 1, { today: '2025-06-01', rows: 'fit' })
    expect(grid.first).toBe('2025-12-29')
    expect(grid.weeks).toHaveLength(5)
  })

  it('has 29 days in February of the leap year 2028 and 28 in 2027', () => {
    const leap = flat(monthGrid(2028, 2, { today: '2028-02-29' }))
    expect(leap.filter((day) => day.inMonth).map((day) => day.day).pop()).toBe(29)
    expect(leap.find((day) => day.date === '2028-02-29')?.isToday).toBe(true)
    expect(flat(monthGrid(2027, 2, { today: '2027-01-01' })).filter((day) => day.inMonth)).toHaveLength(28)
    expect(flat(monthGrid(2100, 2, { today: '2100-01-01' })).filter((day) => day.inMonth)).toHaveLength(28)
  })

  it('fits as few as 4 weeks (February 2021 starts on Monday) or needs 6 (March 2025)', () => {
    expect(monthGrid(2021, 2, { today: '2021-02-01', rows: 'fit' }).weeks).toHaveLength(4)
    expect(monthGrid(2025, 3, { today: '2025-03-01', rows: 'fit' }).weeks).toHaveLength(6)
    expect(monthGridRange(2021, 2, 'fit')).toEqual({ from: '2021-02-01', to: '2021-02-28' })
  })

  it('marks 休 and 班 days: October 2025 holidays and the 2025-09-28 working Sunday', () => {
    const days = flat(monthGrid(2025, 10, { today: '2025-10-15' }))
    const badges = Object.fromEntries(days.filter((day) => day.holiday.badge).map((day) => [day.date, day.holiday.badge]))
    expect(badges).toEqual({
      '2025-10-01': '休',
      '2025-10-02': '休',
      '2025-10-03': '休',
      '2025-10-04': '休',
      '2025-10-05': '休',
      '2025-10-06': '休',
      '2025-10-07': '休',
      '2025-10-08': '休',
      '2025-10-11': '班',
    })
    const september = flat(monthGrid(2025, 9, { today: '2025-10-15' })).find((day) => day.date === '2025-09-28')
    expect(september).toMatchObject({ isWeekend: true, holiday: { kind: 'makeup-workday', badge: '班' } })
  })

  it('lists the years whose holidays are unknown instead of leaving the badges silently empty', () => {
    expect(monthGrid(2026, 12, { today: '2026-12-01' }).holidayDataMissingYears).toEqual([2027])
    expect(monthGrid(2027, 5, { today: '2026-12-01' }).holidayDataMissingYears).toEqual([2027])
    expect(monthGrid(2025, 5, { today: '2026-12-01' }).holidayDataMissingYears).toEqual([])
  })

  it('takes today from `now` in Shanghai: 2025-12-31 16:30 UTC is already 2026-01-01', () => {
    const grid = monthGrid(2026, 1, { now: Date.UTC(2025, 11, 31, 16, 30) })
    expect(flat(grid).find((day) => day.isToday)?.date).toBe('2026-01-01')
  })

  it.each([
    [2025, 0],
    [2025, 13],
    [2025, 1.5],
    [1800, 1],
  ])('rejects %s-%s', (year, month) => {
    expect(() => monthGrid(year, month, { today: '2025-01-01' })).toThrow(EventError)
  })
})

describe('events on the calendar', () => {
  const concert = makeEvent({ id: 'concert-1', type: 'concert', county: '330881', admission: { kind: 'ticketed', priceText: '180 元' }, start: '2025-12-31T20:00:00+08:00', end: '2026-01-01T01:00:00+08:00' })
  const market = weeklyMarket('market-1', '2025-12-06', '2026-01-31', ['2026-01-03'])
  const festival = makeEvent({ id: 'festival-1', type: 'dining', county: '330800', allDay: true, start: '2025-12-29', end: '2026-01-02' })
  const cancelled = makeEvent({ id: 'sports-1', type: 'sports', sportsLevel: 'municipal', county: '330825', status: 'cancelled', changeNote: '取消', start: '2026-01-10T08:00:00+08:00', end: '2026-01-10T12:00:00+08:00' })
  const sample = makeEvent({ id: 'sample-1', type: 'promotion', title: '【示例】促消费', admission: { kind: 'unknown' }, allDay: true, start: '2026-01-10', end: '2026-01-10', provenance: { source: 's', status: 'provisional', sample: true } })
  const events: CityEvent[] = [concert, market, festival, cancelled, sample]

  it('lists what happens on one day, in start order, with multi-day events on each of their days', () => {
    const ids = (date: string) => eventsOnDay(events, date).map((item) => item.event.id)
    expect(ids('2025-12-31')).toEqual(['festival-1', 'concert-1'])
    expect(ids('2026-01-01')).toEqual(['festival-1', 'concert-1'])
    expect(ids('2026-01-03')).toEqual([]) // market exception; festival ended 01-02
    expect(ids('2026-01-10')).toEqual(['sample-1', 'sports-1', 'market-1'])
  })

  it('gives dots by type per day across the year end, in a fixed type order, without cancelled events', () => {
    const dots = eventDotsByDay(events, 2026, 1)
    expect(dots['2025-12-29']).toEqual(['dining'])
    expect(dots['2026-01-01']).toEqual(['dining', 'concert'])
    expect(dots['2026-01-03']).toBeUndefined()
    expect(dots['2026-01-10']).toEqual(['promotion', 'market'])
    expect(dots['2026-01-31']).toEqual(['market'])
    expect(Object.keys(dots).every((date) => date >= '2025-12-29' && date <= '2026-02-08')).toBe(true)
  })

  it('filters by type, sports level, county (city-wide events match every county), free, cancelled and samples', () => {
    const ids = (list: CityEvent[]) => list.map((event) => event.id).sort()
    expect(ids(filterEvents(events, { types: ['market', 'concert'] }))).toEqual(['concert-1', 'market-1'])
    expect(ids(filterEvents(events, { types: ['sports'], sportsLevels: ['national'] }))).toEqual([])
    expect(ids(filterEvents(events, { counties: ['330881'] }))).toEqual(['concert-1', 'festival-1'])
    expect(ids(filterEvents(events, { free: true }))).toEqual(['festival-1', 'market-1', 'sports-1'])
    expect(ids(filterEvents(events, { free: false }))).toEqual(['concert-1'])
    expect(ids(filterEvents(events, { includeCancelled: false, includeSamples: false }))).toEqual(['concert-1', 'festival-1', 'market-1'])
    expect(ids(filterEvents(events, {}))).toHaveLength(5)
  })

  it('applies filters inside the index', () => {
    const index = indexOccurrencesByDay(events, '2026-01-01', '2026-01-31', { types: ['market'] })
    expect(Array.from(index.byDate.keys())).toEqual(['2026-01-10', '2026-01-17', '2026-01-24', '2026-01-31'])
    expect(index.on('2026-01-03')).toEqual([])
  })

  it('lists occurrences in a range for the server, sorted', () => {
    const list = listOccurrences(events, '2026-01-01', '2026-01-17')
    expect(list.map((item) => item.occurrence.key)).toEqual([
      'festival-1@2025-12-29',
      'concert-1@2025-12-31',
      'sample-1@2026-01-10',
      'sports-1@2026-01-10',
      'market-1@2026-01-10',
      'market-1@2026-01-17',
    ])
  })

  it('sorts events by their first start', () => {
    expect(sortEvents(events).map((event) => event.id)).toEqual(['market-1', 'festival-1', 'concert-1', 'sample-1', 'sports-1'])
  })

  it('builds the whole month view in one pass', () => {
    const view = monthView(events, 2026, 1, { today: '2026-01-10', filters: { includeSamples: false } })
    expect(view.grid.first).toBe('2025-12-29')
    expect(view.dots['2026-01-10']).toEqual(['market'])
    expect(view.index.on('2026-01-01').map((item) => item.event.id)).toEqual(['festival-1', 'concert-1'])
  })
})

describe('cost of a month with 500 events', () => {
  function manyEvents(count: number): CityEvent[] {
    return Array.from({ length: count }, (_, i) =>
      i % 5 === 0
        ? weeklyMarket(`market-${i}`, '2025-01-04', '2026-12-26')
        : makeEvent({ id: `event-${i}`, allDay: true, start: `2025-10-${String((i % 28) + 1).padStart(2, '0')}`, end: `2025-10-${String((i % 28) + 1).padStart(2, '0')}` }),
    )
  }

  /** Counts how often the calendar reads an element of the events array. */
  function counting(events: CityEvent[]): { list: CityEvent[]; reads: () => number } {
    let reads = 0
    const list = new Proxy(events, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1
        return Reflect.get(target, key, receiver)
      },
    })
    return { list, reads: () => reads }
  }

  it('reads each event once per month view, not once per day', () => {
    const { list, reads } = counting(manyEvents(500))
    const view = monthView(list, 2025, 10, { today: '2025-10-01' })
    expect(reads()).toBe(500)
    expect(Object.keys(view.dots).length).toBeGreaterThan(28)
    expect(view.index.on('2025-10-04').length).toBeGreaterThan(100) // a Saturday: 100 markets plus one-offs
  })

  it('stays fast enough to render (well under 250 ms for 500 events, including weekly rules two years long)', () => {
    const events = manyEvents(500)
    monthView(events, 2025, 9, { today: '2025-10-01' })
    const started = Date.now()
    for (let month = 1; month <= 12; month += 1) monthView(events, 2025, month, { today: '2025-10-01' })
    expect((Date.now() - started) / 12).toBeLessThan(250)
  })
})
