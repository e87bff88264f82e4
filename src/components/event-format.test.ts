import { formatFetchedAt } from './event-format'

const NOW = Date.parse('2025-10-11T12:00:00+08:00')

test.each([
  ['2025-10-11T09:05:00+08:00', '今天 09:05'],
  ['2025-10-10T23:59:00+08:00', '10月10日 23:59'],
  ['2024-12-31T08:00:00+08:00', '2024年12月31日 08:00'],
  ['not a date', ''],
])('formatFetchedAt(%s) in Shanghai time → %p', (iso, words) => {
  expect(formatFetchedAt(Date.parse(iso), NOW)).toBe(words)
})
