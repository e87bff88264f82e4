import fc from 'fast-check'
import {
  addDays,
  shanghaiMidnightOf,
  shanghaiWallClock,
  assertDate,
  daysBetween,
  formatShanghai,
  isDateWithin,
  parseDate,
  parseDateTime,
  shanghaiDateOf,
  shanghaiDayBounds,
  TimeError,
  todayInShanghai,
  toIsoShanghai,
} from '.'

// 2025-12-31 16:30 UTC is already 2026-01-01 00:30 in Shanghai: the instant where a phone set to
// another zone would pick the wrong rule set if the app trusted the device's zone.
const NEW_YEAR_IN_SHANGHAI = Date.UTC(2025, 11, 31, 16, 30)

// `npm run test:unit` runs this file once with TZ=UTC and once with TZ=America/New_York (a zone
// process.env cannot change inside jest's sandbox, so the zone is set per jest process).
const zone = process.env.TZ ?? 'UTC'
const OFFSETS_IN_JANUARY: Record<string, number> = { UTC: 0, 'America/New_York': 300, 'Asia/Shanghai': -480 }

describe(`with the process zone set to ${zone}`, () => {
  test('the device zone is the one this run claims', () => {
    // Guards the run: if the zone were not applied, the answers below would prove nothing.
    expect(OFFSETS_IN_JANUARY).toHaveProperty(zone)
    expect(new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset()).toBe(OFFSETS_IN_JANUARY[zone])
  })

  test('today is the Shanghai date', () => {
    expect(todayInShanghai(NEW_YEAR_IN_SHANGHAI)).toBe('2026-01-01')
    expect(todayInShanghai(Date.UTC(2025, 11, 31, 15, 59))).toBe('2025-12-31')
  })

  test('a date string means the start of that Shanghai day', () => {
    expect(parseDate('2026-01-01').valueOf()).toBe(Date.UTC(2025, 11, 31, 16, 0))
    expect(parseDateTime('2025-05-01 10:00').valueOf()).toBe(Date.UTC(2025, 4, 1, 2, 0))
  })

  test('day bounds are Shanghai midnights', () => {
    expect(shanghaiDayBounds(NEW_YEAR_IN_SHANGHAI)).toEqual({
      startMs: Date.UTC(2025, 11, 31, 16, 0),
      endMs: Date.UTC(2026, 0, 1, 16, 0),
    })
    expect(shanghaiDayBounds('2025-02-28').endMs - shanghaiDayBounds('2025-02-28').startMs).toBe(86_400_000)
  })

  test('formatting shows Shanghai wall-clock time', () => {
    expect(formatShanghai(NEW_YEAR_IN_SHANGHAI)).toBe('2026-01-01 00:30')
    expect(toIsoShanghai(NEW_YEAR_IN_SHANGHAI)).toBe('2026-01-01T00:30:00+08:00')
    expect(shanghaiDateOf('2025-12-31T16:30:00Z')).toBe('2026-01-01')
  })
})

describe('explicit-format parsing only', () => {
  test.each([
    ['', 'DATE_EMPTY'],
    [undefined, 'DATE_EMPTY'],
    ['2025/05/01', 'DATE_FORMAT'],
    ['2025-5-1', 'DATE_FORMAT'],
    ['May 1, 2025', 'DATE_FORMAT'],
    ['2025-05-01T10:00:00Z', 'DATE_FORMAT'],
    ['2025-02-30', 'DATE_IMPOSSIBLE'],
    ['2025-13-01', 'DATE_IMPOSSIBLE'],
    ['2023-02-29', 'DATE_IMPOSSIBLE'],
  ])('parseDate(%p) → %s with a Chinese message', (input, code) => {
    try {
      parseDate(input, 'purchaseDate')
      throw new Error('expected a TimeError')
    } catch (error) {
      expect(error).toBeInstanceOf(TimeError)
      expect((error as TimeError).code).toBe(code)
      expect((error as TimeError).field).toBe('purchaseDate')
      expect((error as TimeError).message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  test('leap day exists in leap years', () => {
    expect(assertDate('2028-02-29')).toBe('2028-02-29')
  })

  test('date time needs the exact shape', () => {
    expect(() => parseDateTime('2025-05-01 10:00:00')).toThrow(TimeError)
    expect(() => parseDateTime('2025-05-01 25:00')).toThrow('没有这一天')
  })
})

describe('date arithmetic on Shanghai dates', () => {
  test.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s + %d day = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to)
  })
  test('daysBetween', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364)
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1)
  })
  test('isDateWithin is inclusive', () => {
    expect(isDateWithin('2025-12-31', '2025-01-01', '2025-12-31')).toBe(true)
    expect(isDateWithin('2026-01-01', '2025-01-01', '2025-12-31')).toBe(false)
    expect(isDateWithin('2030-01-01', '2026-01-01', null)).toBe(true)
  })
})

describe('Shanghai wall clock by fixed-offset arithmetic, whatever the device zone', () => {
  test('wall clock, date, formats and day bounds of any instant from 1990 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        // The reference is plain UTC arithmetic: dayjs's utcOffset formats an hour off when the
        // Shanghai wall clock falls in the device zone's DST change hour (seen with New York).
        const wall = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)
        expect(shanghaiWallClock(ms)).toBe(wall)
        expect(shanghaiDateOf(ms)).toBe(wall.slice(0, 10))
        expect(formatShanghai(ms, 'YYYY-MM-DD HH:mm')).toBe(wall.slice(0, 16).replace('T', ' '))
        expect(toIsoShanghai(ms)).toBe(`${wall.slice(0, 19)}+08:00`)
        const { startMs, endMs } = shanghaiDayBounds(ms)
        expect(startMs <= ms && ms < endMs && endMs - startMs === 86_400_000).toBe(true)
        expect(shanghaiWallClock(startMs)).toBe(`${wall.slice(0, 10)}T00:00:00.000`)
      }),
    )
  })
  test('the New York DST-hour instant the property test found', () => {
    expect(formatShanghai(1257012000000, 'YYYY-MM-DD HH:mm')).toBe('2009-11-01 02:00')
  })
  test.each([
    ['2026-01-01', Date.UTC(2025, 11, 31, 16)],
    ['2028-02-29', Date.UTC(2028, 1, 28, 16)],
    ['2025-02-29', null],
    ['2025-1-01', null],
  ])('midnight of %s', (date, expected) => {
    expect(shanghaiMidnightOf(date)).toBe(expected)
  })
})
