import { eventsTodayAndThisWeek, weekContaining, weeksAhead } from './this-week'
import { makeEvent, weeklyMarket } from './test-fixtures'

const names = (list: { occurrence: { key: string } }[]) => list.map((item) => item.occurrence.key)

// Thursday 9 October 2025; the week runs Monday 6 to Sunday 12 October.
const events = [
  makeEvent({ id: 'long-fair', allDay: true, start: '2025-10-08', end: '2025-10-10' }),
  makeEvent({ id: 'tonight', start: '2025-10-09T19:00:00+08:00', end: '2025-10-09T21:00:00+08:00' }),
  makeEvent({ id: 'overnight', start: '2025-10-08T22:00:00+08:00', end: '2025-10-09T02:00:00+08:00' }),
  makeEvent({ id: 'friday', start: '2025-10-10T19:00:00+08:00', end: '2025-10-10T21:00:00+08:00' }),
  makeEvent({ id: 'next-monday', start: '2025-10-13T19:00:00+08:00', end: '2025-10-13T21:00:00+08:00' }),
  makeEvent({ id: 'tuesday', start: '2025-10-07T19:00:00+08:00', end: '2025-10-07T21:00:00+08:00' }),
  weeklyMarket('market', '2025-10-04', '2025-11-29'),
]

test.each([
  ['a Thursday', '2025-10-09', { from: '2025-10-06', to: '2025-10-12' }],
  ['a Monday', '2025-10-06', { from: '2025-10-06', to: '2025-10-12' }],
  ['a Sunday', '2025-10-12', { from: '2025-10-06', to: '2025-10-12' }],
  ['across a year', '2025-12-31', { from: '2025-12-29', to: '2026-01-04' }],
])('the week of %s runs Monday to Sunday', (_case, date, week) => {
  expect(weekContaining(date)).toEqual(week)
})

test('today lists what touches today, the rest of the week what starts after it', () => {
  const result = eventsTodayAndThisWeek(events, '2025-10-09')
  expect(names(result.today)).toEqual(['long-fair@2025-10-08', 'overnight@2025-10-08', 'tonight@2025-10-09'])
  expect(names(result.laterThisWeek)).toEqual(['friday@2025-10-10', 'market@2025-10-11'])
  expect(result.week).toEqual({ from: '2025-10-06', to: '2025-10-12' })
})

test('on Sunday the days ahead are next week: events starting tomorrow are listed', () => {
  const result = eventsTodayAndThisWeek(events, '2025-10-12')
  expect(names(result.today)).toEqual([])
  expect(result.ahead).toEqual({ from: '2025-10-13', to: '2025-10-19', nextWeek: true })
  expect(names(result.laterThisWeek)).toEqual(['next-monday@2025-10-13', 'market@2025-10-18'])
})

test.each([
  ['a Thursday', '2025-10-09', { from: '2025-10-06', to: '2025-10-12', nextWeek: false }],
  ['a Saturday', '2025-10-11', { from: '2025-10-06', to: '2025-10-12', nextWeek: false }],
  ['a Sunday: this week and next', '2025-10-12', { from: '2025-10-06', to: '2025-10-19', nextWeek: true }],
  ['a Sunday across a year', '2026-01-04', { from: '2025-12-29', to: '2026-01-11', nextWeek: true }],
])('weeksAhead on %s', (_case, today, expected) => {
  expect(weeksAhead(today)).toEqual(expected)
})

test('a weekly market counts on its own day', () => {
  expect(names(eventsTodayAndThisWeek(events, '2025-10-11').today)).toEqual(['market@2025-10-11'])
})
