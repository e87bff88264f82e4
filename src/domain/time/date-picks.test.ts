import fc from 'fast-check'
import { addMonths, formatChineseDate, isDateInRange, usableQuickPicks } from './date-picks'
import { isValidDate } from './index'

test.each([
  ['2026-12-06', -1, '2026-11-06'],
  ['2026-03-31', -1, '2026-02-28'],
  ['2024-03-31', -1, '2024-02-29'],
  ['2026-01-15', -1, '2025-12-15'],
  ['2025-12-31', 1, '2026-01-31'],
])('addMonths(%s, %i) → %s', (date, months, expected) => {
  expect(addMonths(date, months)).toBe(expected)
})

test('property: a month back is always a valid date in the month before, never later in it than the day itself', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
      const date = instant.toISOString().slice(0, 10)
      const back = addMonths(date, -1)
      return isValidDate(back) && back < date && Number(back.slice(8)) <= Number(date.slice(8))
    }),
  )
})

test('formatChineseDate and the range check', () => {
  expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日')
  expect(() => formatChineseDate('2026-02-30')).toThrow()
  expect(isDateInRange('2026-01-05', '2026-01-01', '2026-01-31')).toBe(true)
  expect(isDateInRange('2026-02-01', undefined, '2026-01-31')).toBe(false)
  expect(isDateInRange('2025-12-31', '2026-01-01')).toBe(false)
})

test('quick picks outside the range or repeating a date are left out', () => {
  const picks = [
    { label: '今天', date: '2026-12-06' },
    { label: '上个月', date: '2026-11-06' },
    { label: '2025 年内', date: '2025-12-31' },
    { label: '同一天', date: '2026-12-06' },
  ]
  expect(usableQuickPicks(picks, '2026-01-01', '2026-12-31').map((pick) => pick.label)).toEqual(['今天', '上个月'])
  expect(usableQuickPicks(picks).map((pick) => pick.label)).toEqual(['今天', '上个月', '2025 年内'])
})
