import { targetPeriod, targetProgress } from './targets'
import { realEvents2025 } from './real-events-2025'
import { sampleEvents } from './sample-events'
import { EVENT_TARGETS_2025, eventTargetSetSchema, eventTargetsFor } from '../policy/event-targets'
import { getClause } from '../policy/clauses'
import { makeEvent, weeklyMarket } from './test-fixtures'

function row(progress: ReturnType<typeof targetProgress>, id: string) {
  const found = progress.rows.find((item) => item.id === id)
  if (!found) throw new Error(`no row ${id}`)
  return found
}

describe('clause (十五) targets as data', () => {
  it('holds every promised count, each quoted in the clause text', () => {
    const text = getClause('十五').text
    expect(EVENT_TARGETS_2025.published).toBe(true)
    if (!EVENT_TARGETS_2025.published) return
    const quoted: Record<string, string> = {
      promotion: '促消费活动100场',
      dining: '餐饮消费欢乐季活动10场',
      market: '南孔市集40场以上',
      'sports-national': '国家级体育赛事10场以上',
      'sports-provincial': '省级体育赛事20场以上',
      'sports-municipal': '市级体育赛事300场以上',
      concert: '音乐节20场以上',
    }
    expect(EVENT_TARGETS_2025.targets.map((target) => target.id)).toEqual(Object.keys(quoted))
    for (const target of EVENT_TARGETS_2025.targets) {
      expect(text).toContain(quoted[target.id])
      expect(quoted[target.id]).toContain(String(target.value))
      expect(quoted[target.id].endsWith('以上')).toBe(target.atLeast)
      expect(target.clause).toBe('十五')
      expect(target.status).toBe('confirmed')
    }
    expect(eventTargetSetSchema.safeParse(EVENT_TARGETS_2025).success).toBe(true)
  })

  it('says no target is published for 2026 (and for years without data)', () => {
    expect(eventTargetsFor(2026)).toMatchObject({ published: false, note: expect.stringContaining('2026') })
    expect(targetProgress(realEvents2025, 2026)).toEqual({
      year: 2026,
      published: false,
      note: expect.stringContaining('尚未公布'),
      rows: [],
    })
    expect(targetProgress(realEvents2025, 2030).published).toBe(false)
  })
})

describe('targetProgress', () => {
  it('counts the real 2025 events: one national sports event, one music festival', () => {
    const progress = targetProgress(realEvents2025, 2025)
    expect(progress.published && progress.clause).toBe('十五')
    expect(row(progress, 'sports-national')).toMatchObject({
      actual: 1,
      target: 10,
      met: false,
      remaining: 9,
      percent: 10,
      eventIds: ['national-athletics-championships-2025'],
      targetDisplay: '10 场以上',
    })
    expect(row(progress, 'concert')).toMatchObject({ actual: 1, target: 20, eventIds: ['xinfeng-music-festival-2025'] })
    expect(row(progress, 'promotion')).toMatchObject({ actual: 0, target: 100, targetDisplay: '100 场', statusLabel: '已确认' })
  })

  it('counts market occurrences in the year they start, not the ones in the next year', () => {
    // 2025-11-01 … 2026-01-31 Saturdays: 9 in 2025 (11-01 … 12-27), one excepted.
    const market = weeklyMarket('market-1', '2025-11-01', '2026-01-31', ['2025-12-27'])
    expect(row(targetProgress([market], 2025), 'market')).toMatchObject({ actual: 8, eventIds: ['market-1'] })
    expect(targetProgress([market], 2026).published).toBe(false)
  })

  it("counts inside the target set's own period, which the data gives", () => {
    expect(targetPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    expect(targetPeriod(2027)).toEqual({ from: '2027-01-01', to: '2027-12-31' })
    if (!EVENT_TARGETS_2025.published) throw new Error('2025 targets are published')
    // A set that only counts the second half of 2025: the Saturdays of Jan–Jun are not counted.
    const secondHalf = { ...EVENT_TARGETS_2025, effective: { from: '2025-07-01', to: '2025-12-31' } }
    const markets = weeklyMarket('market-1', '2025-01-04', '2025-12-27') // 52 Saturdays, 26 from July
    expect(row(targetProgress([markets], 2025, { targets: secondHalf }), 'market')).toMatchObject({ actual: 26 })
  })

  it('meets a target once the count is reached, capping the percentage at 100', () => {
    const markets = weeklyMarket('market-1', '2025-01-04', '2025-12-27') // 52 Saturdays
    expect(row(targetProgress([markets], 2025), 'market')).toMatchObject({ actual: 52, met: true, remaining: 0, percent: 100 })
  })

  it('counts a multi-day event once, by its start year, and never cancelled or sample events', () => {
    const events = [
      makeEvent({ id: 'cross-year', type: 'concert', allDay: true, start: '2025-12-31', end: '2026-01-01' }),
      makeEvent({ id: 'cancelled', type: 'concert', status: 'cancelled', changeNote: '取消' }),
      ...sampleEvents('2025-06-01'),
    ]
    const progress = targetProgress(events, 2025)
    expect(row(progress, 'concert')).toMatchObject({ actual: 1, eventIds: ['cross-year'] })
    expect(progress.rows.filter((item) => item.id !== 'concert').every((item) => item.actual === 0)).toBe(true)
  })

  it('separates sports events by level', () => {
    const events = ['national', 'provincial', 'provincial', 'municipal'].map((level, i) =>
      makeEvent({ id: `sports-${i}`, type: 'sports', sportsLevel: level as 'national' }),
    )
    const progress = targetProgress(events, 2025)
    expect([
      row(progress, 'sports-national').actual,
      row(progress, 'sports-provincial').actual,
      row(progress, 'sports-municipal').actual,
    ]).toEqual([1, 2, 1])
  })
})
