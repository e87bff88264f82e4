import { reminderFireTimes, REMINDER_KIND_SPECS, ReminderError, type ReminderKindSpec } from './kinds'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('reminderFireTimes', () => {
  const target = Date.UTC(2025, 4, 4, 2, 0) // 2025-05-04 10:00 Shanghai

  it.each([
    ['round-opening', [10 * MINUTE]],
    ['voucher-expiring', [DAY]],
    ['event-starting', [DAY, HOUR]],
    ['rule-set-ending', [7 * DAY]],
    ['rule-published', [0]],
  ] as const)('%s fires %p ms before the target', (kind, befores) => {
    const times = reminderFireTimes(kind, target)
    expect(times.map((time) => target - time.fireAtMs)).toEqual(befores)
    expect(times.every((time) => time.targetMs === target && time.kind === kind)).toBe(true)
  })

  it('gives Shanghai ISO times and stable keys', () => {
    const times = reminderFireTimes('event-starting', '2025-05-04T10:00:00+08:00')
    expect(times.map((time) => time.fireAt)).toEqual(['2025-05-03T10:00:00+08:00', '2025-05-04T09:00:00+08:00'])
    expect(times.map((time) => time.label)).toEqual(['开始前 1 天', '开始前 1 小时'])
    expect(times[0].key).toBe(`event-starting:${target}:${DAY}`)
  })

  it('crosses month and year ends', () => {
    expect(reminderFireTimes('rule-set-ending', '2026-01-03T00:00:00+08:00')[0].fireAt).toBe('2025-12-27T00:00:00+08:00')
    expect(reminderFireTimes('round-opening', '2025-03-01T00:05:00+08:00')[0].fireAt).toBe('2025-02-28T23:55:00+08:00')
  })

  it('drops times already past when told now, and gives none once the target has passed', () => {
    expect(reminderFireTimes('event-starting', target, { now: target - 5 * HOUR }).map((time) => time.label)).toEqual(['开始前 1 小时'])
    expect(reminderFireTimes('event-starting', target, { now: target - 30 * MINUTE })).toEqual([])
    expect(reminderFireTimes('round-opening', target, { now: target + 1 })).toEqual([])
  })

  it('takes its offsets from data', () => {
    const spec: ReminderKindSpec = { ...REMINDER_KIND_SPECS['round-opening'], offsets: [{ beforeMs: 30 * MINUTE, label: '开抢前 30 分钟' }] }
    expect(reminderFireTimes('round-opening', target, { spec })[0].fireAtMs).toBe(target - 30 * MINUTE)
  })

  it('rejects a target that is not a Shanghai time', () => {
    expect(() => reminderFireTimes('round-opening', '2025-05-04 10:00')).toThrow(ReminderError)
    expect(() => reminderFireTimes('round-opening', '2025-05-04T10:00:00Z')).toThrow(ReminderError)
    expect(() => reminderFireTimes('round-opening', NaN)).toThrow(ReminderError)
  })
})
