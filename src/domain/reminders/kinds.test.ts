import { chooseOffsets, reminderFireTimes, REMINDER_KINDS, REMINDER_KIND_SPECS, ReminderError, type ReminderKindSpec } from './kinds'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('reminderFireTimes', () => {
  const target = Date.UTC(2025, 4, 4, 2, 0) // 2025-05-04 10:00 Shanghai

  it.each([
    ['round-opening', [60 * MINUTE, 15 * MINUTE, 5 * MINUTE]],
    ['voucher-expiring', [3 * DAY, DAY]],
    ['event-starting', [DAY, HOUR]],
    ['rule-set-ending', [7 * DAY, 3 * DAY, DAY]],
    ['rule-published', [0]],
    ['toll-period-ending', [7 * DAY, DAY]],
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
    expect(reminderFireTimes('round-opening', '2025-03-01T00:05:00+08:00').map((time) => time.fireAt)).toEqual([
      '2025-02-28T23:05:00+08:00',
      '2025-02-28T23:50:00+08:00',
      '2025-03-01T00:00:00+08:00',
    ])
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

describe('chooseOffsets', () => {
  it('gives each kind its default when nothing is chosen: a round 5 minutes before, a voucher 1 day before', () => {
    expect(chooseOffsets('round-opening', undefined)).toEqual([5 * MINUTE])
    expect(chooseOffsets('voucher-expiring', undefined)).toEqual([DAY])
    expect(chooseOffsets('event-starting', undefined)).toEqual([DAY, HOUR])
  })

  it('every default is one of its kind’s offsets, and a one-choice kind defaults to one', () => {
    for (const kind of REMINDER_KINDS) {
      const spec = REMINDER_KIND_SPECS[kind]
      expect(spec.defaultOffsetsMs.every((value) => spec.offsets.some((offset) => offset.beforeMs === value))).toBe(true)
      if (spec.choose === 'one') expect(spec.defaultOffsetsMs).toHaveLength(1)
    }
  })

  it.each([
    ['round-opening', [15 * MINUTE], [15 * MINUTE]],
    ['round-opening', [60 * MINUTE, 60 * MINUTE], [60 * MINUTE]],
    ['event-starting', [HOUR, DAY], [DAY, HOUR]],
  ] as const)('%s keeps %p as %p', (kind, given, kept) => {
    expect(chooseOffsets(kind, given)).toEqual(kept)
  })

  it.each([
    ['round-opening', [5 * MINUTE, 15 * MINUTE], /选择一个：/],
    ['round-opening', [10 * MINUTE], /300000（开抢前 5 分钟）/],
    ['event-starting', [], /一个或几个/],
  ] as const)('%s refuses %p with a Chinese message', (kind, given, message) => {
    expect(() => chooseOffsets(kind, given)).toThrow(message)
    expect(() => chooseOffsets(kind, given)).toThrow(ReminderError)
  })
})
