import { PlateError } from './plate'
import { StationError } from './stations'
import { BUNDLED_TOLL_DATA, type TollData } from '../policy/toll-scheme'
import { TimeError } from '../time'
import { TollWaiverError, checkTollWaiver, checkVehicleEligibility, type TollConditionId, type TollWaiverInput } from './waiver'

const FREE_TRIP: TollWaiverInput = {
  plate: '浙H12345',
  vehicleClass: 1,
  etcCard: 'postpaid',
  entry: '衢州东',
  exit: '江山',
  date: '2025-06-01',
}

/** For each condition, an input change that fails it and the reason it must give. */
const FAILURES: Record<TollConditionId, { change: Partial<TollWaiverInput>; reason: string }> = {
  plate: { change: { plate: '浙A12345' }, reason: '浙A·12345 不是浙H号牌：只有浙H号牌免费' },
  vehicleClass: { change: { vehicleClass: 2 }, reason: '车型为二类客车（10–19 座）：只有一类客车（9 座及以下小客车）免费' },
  etcCard: { change: { etcCard: 'prepaid' }, reason: '使用的是 ETC 储值卡：只有 ETC 记账卡免费' },
  entry: { change: { entry: '龙游北' }, reason: '入口 龙游北 不在“衢城畅行”免费收费站内' },
  exit: { change: { exit: '杨林' }, reason: '出口 杨林 不在“衢城畅行”免费收费站内' },
  period: { change: { date: '2026-01-01' }, reason: '2026-01-01 不在“衢城畅行”实施期内（2025-01-01 至 2025-12-31）' },
}
const CONDITIONS = Object.keys(FAILURES) as TollConditionId[]

/** Every subset of the six conditions: 64 cases, from all-pass to all-fail. */
const COMBINATIONS: TollConditionId[][] = Array.from({ length: 2 ** CONDITIONS.length }, (_, mask) =>
  CONDITIONS.filter((_condition, index) => mask & (1 << index)),
)

describe('checkTollWaiver: clause (二十六) conditions', () => {
  it('is free when all hold, with one positive reason', () => {
    const verdict = checkTollWaiver(FREE_TRIP)
    expect(verdict.free).toBe(true)
    expect(verdict.failed).toEqual([])
    expect(verdict.reasons).toEqual([
      '免费：浙H·12345，一类客车（9 座及以下小客车），使用 ETC 记账卡，在 衢州东 与 江山 之间通行，属于“衢城畅行”减免范围',
    ])
    expect(verdict.checks.every((check) => check.passed)).toBe(true)
  })

  it.each(COMBINATIONS.map((failing) => [failing.join(' + ') || 'none', failing] as const))(
    'failing %s gives exactly those reasons',
    (_name, failing) => {
      const input = failing.reduce<TollWaiverInput>((trip, condition) => ({ ...trip, ...FAILURES[condition].change }), FREE_TRIP)
      const verdict = checkTollWaiver(input)
      expect(verdict.free).toBe(failing.length === 0)
      expect(verdict.failed).toEqual(failing)
      if (failing.length > 0) expect(verdict.reasons).toEqual(failing.map((condition) => FAILURES[condition].reason))
      else expect(verdict.reasons).toHaveLength(1)
      expect(verdict.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual(failing)
    },
  )

  it.each([
    ['储值卡', 'prepaid', '使用的是 ETC 储值卡：只有 ETC 记账卡免费'],
    ['no ETC at all', 'none', '未使用 ETC：只有使用 ETC 记账卡通行才免费'],
  ] as const)('names the card problem: %s', (_case, etcCard, reason) => {
    expect(checkTollWaiver({ ...FREE_TRIP, etcCard }).reasons).toEqual([reason])
  })

  it.each([
    ['class 3', 3, '车型为三类客车（20–39 座）：只有一类客车（9 座及以下小客车）免费'],
    ['class 4', 4, '车型为四类客车（40 座及以上）：只有一类客车（9 座及以下小客车）免费'],
  ] as const)('names the vehicle class: %s', (_case, vehicleClass, reason) => {
    expect(checkTollWaiver({ ...FREE_TRIP, vehicleClass }).reasons).toEqual([reason])
  })

  it('takes the plate as people type it (the e2e example 浙h·12345)', () => {
    expect(checkTollWaiver({ ...FREE_TRIP, plate: '浙h·12345' }).free).toBe(true)
    expect(checkTollWaiver({ ...FREE_TRIP, plate: '浙hd12345' }).free).toBe(true)
  })

  it.each([
    ['first day', '2025-01-01', true],
    ['last day', '2025-12-31', true],
    ['day before', '2024-12-31', false],
    ['day after', '2026-01-01', false],
  ])('period boundary: %s (%s)', (_case, date, free) => {
    expect(checkTollWaiver({ ...FREE_TRIP, date }).free).toBe(free)
  })

  it('uses today in Shanghai when no date is given', () => {
    jest.useFakeTimers({ now: Date.parse('2025-12-31T16:30:00Z') })
    try {
      expect(checkTollWaiver({ ...FREE_TRIP, date: undefined }).date).toBe('2026-01-01')
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('checkTollWaiver: what a screen needs besides the verdict', () => {
  it('estimates the toll saved, always 约, with distance, stations and sources', () => {
    const verdict = checkTollWaiver(FREE_TRIP)
    expect(verdict.estimatedTollFen).toBe(2229)
    expect(verdict.estimatedTollText).toBe('约 ¥22.29')
    expect(verdict.distanceKm).toBeCloseTo(36.92, 2)
    expect(verdict.entry.name).toBe('衢州东')
    expect(verdict.exit.id).toBe('jiangshan')
    expect(verdict.source).toMatchObject({ clause: '二十六', clauseLabel: '（二十六）', dataVersion: BUNDLED_TOLL_DATA.version })
    expect(verdict.source.clauseText).toMatch(/13个高速收费站间通行且使用ETC记账卡的浙H牌照1类客车免收通行费/)
    expect(verdict.notes.join('\n')).toMatch(
      /通行费为估算：直线距离 36\.9 公里 × 1\.25 ≈ 46\.1 公里，按 0\.40 元\/公里 \+ 5\.00 元\/次、ETC 优惠 5%计算/,
    )
  })

  it('is provisional, shown as 待官方确认, while the 13 stations are unpublished', () => {
    const verdict = checkTollWaiver(FREE_TRIP)
    expect(verdict.provisional).toBe(true)
    expect(verdict.statusLabel).toBe('待官方确认')
    expect(verdict.notes.some((note) => note.includes('13 个收费站名单官方尚未公布'))).toBe(true)
  })

  it('is not provisional when every figure it rests on is confirmed', () => {
    const confirmed: TollData = {
      ...BUNDLED_TOLL_DATA,
      period: { ...BUNDLED_TOLL_DATA.period, status: 'confirmed' },
      stationSet: { ...BUNDLED_TOLL_DATA.stationSet, status: 'confirmed' },
      stations: BUNDLED_TOLL_DATA.stations.map((station) => ({ ...station, status: 'confirmed' })),
    }
    const verdict = checkTollWaiver(FREE_TRIP, confirmed)
    expect(verdict.provisional).toBe(false)
    expect(verdict.statusLabel).toBe('已确认')
  })

  it('charges the full toll without ETC (no discount)', () => {
    expect(checkTollWaiver({ ...FREE_TRIP, etcCard: 'none' }).estimatedTollFen).toBe(2346)
  })

  it('gives no estimate for classes whose rates are not in the data', () => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, vehicleClass: 2 })
    expect(verdict.estimatedTollFen).toBeUndefined()
    expect(verdict.distanceKm).toBeCloseTo(36.92, 2)
    expect(verdict.notes).toContain('二类客车（10–19 座）的费率未收录，不估算通行费')
  })

  it('judges a U-turn at an in-scheme station as free, without an estimate', () => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, exit: '衢州东站' })
    expect(verdict.free).toBe(true)
    expect(verdict.sameStation).toBe(true)
    expect(verdict.estimatedTollFen).toBeUndefined()
    expect(verdict.distanceKm).toBe(0)
    expect(verdict.reasons[0]).toMatch(/在 衢州东 同站进出/)
    expect(verdict.notes[0]).toMatch(/同一收费站进出（掉头）/)
  })

  it('judges a U-turn at an out-of-scheme station as charged, both ends named', () => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, entry: '杨林', exit: '杨林' })
    expect(verdict.free).toBe(false)
    expect(verdict.failed).toEqual(['entry', 'exit'])
  })
})

describe('checkTollWaiver: input errors', () => {
  it('throws PlateError for an unreadable plate', () => {
    expect(() => checkTollWaiver({ ...FREE_TRIP, plate: '浙H1234' })).toThrow(PlateError)
  })

  it('throws StationError listing similar names for an unknown station', () => {
    let caught: unknown
    try {
      checkTollWaiver({ ...FREE_TRIP, exit: '衢州北站' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(StationError)
    expect((caught as StationError).field).toBe('exit')
    expect((caught as StationError).message).toBe('没有找到收费站“衢州北站”。您是不是要找：衢州东、衢州西、衢州南？')
  })

  it('throws TimeError for an impossible date', () => {
    expect(() => checkTollWaiver({ ...FREE_TRIP, date: '2025-02-30' })).toThrow(TimeError)
  })

  it.each([
    ['vehicle class 5', { vehicleClass: 5 }, 'VEHICLE_CLASS_INVALID'],
    ['card "credit"', { etcCard: 'credit' }, 'ETC_CARD_INVALID'],
  ])('throws TollWaiverError for %s', (_case, change, code) => {
    expect(() => checkTollWaiver({ ...FREE_TRIP, ...(change as object) } as TollWaiverInput)).toThrow(
      expect.objectContaining({ code, constructor: TollWaiverError }),
    )
  })
})

describe('checkTollWaiver follows the data it is given', () => {
  it('an operator period extended into 2026 makes a 2026 trip free', () => {
    const extended: TollData = {
      ...BUNDLED_TOLL_DATA,
      period: { ...BUNDLED_TOLL_DATA.period, value: { from: '2025-01-01', to: '2026-12-31' } },
    }
    expect(checkTollWaiver({ ...FREE_TRIP, date: '2026-03-01' }, extended).free).toBe(true)
    expect(checkTollWaiver({ ...FREE_TRIP, date: '2026-03-01' }).free).toBe(false)
  })

  it('an open-ended period says 起', () => {
    const open: TollData = { ...BUNDLED_TOLL_DATA, period: { ...BUNDLED_TOLL_DATA.period, value: { from: '2025-07-01', to: null } } }
    expect(checkTollWaiver({ ...FREE_TRIP, date: '2030-01-01' }, open).free).toBe(true)
    expect(checkTollWaiver({ ...FREE_TRIP, date: '2025-06-30' }, open).reasons).toEqual([
      '2025-06-30 不在“衢城畅行”实施期内（2025-07-01 起）',
    ])
  })
})

describe('checkVehicleEligibility (我的车)', () => {
  it('passes an eligible car with one positive reason', () => {
    const result = checkVehicleEligibility({ plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' })
    expect(result.eligible).toBe(true)
    expect(result.reasons).toEqual(['符合条件：浙H号牌、一类客车（9 座及以下小客车）、ETC 记账卡；在“衢城畅行”收费站之间通行免费'])
  })

  it('lists each car-level failure', () => {
    const result = checkVehicleEligibility({ plate: '沪A12345', vehicleClass: 2, etcCard: 'none' })
    expect(result.eligible).toBe(false)
    expect(result.checks.map((check) => check.passed)).toEqual([false, false, false])
    expect(result.reasons).toHaveLength(3)
  })

  it('accepts an already parsed plate', () => {
    const parsed = checkVehicleEligibility({ plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' }).plate
    expect(checkVehicleEligibility({ plate: parsed, vehicleClass: 1, etcCard: 'postpaid' }).plate).toEqual(parsed)
  })
})
