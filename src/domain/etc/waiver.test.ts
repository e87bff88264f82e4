import fc from 'fast-check'
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

/** Conditions a trip between two stations can fail for certain (the U-turn's 'route' is tested apart). */
type KnownCondition = Exclude<TollConditionId, 'route'>

/** For each condition, an input change that fails it and the reason it must give. */
const FAILURES: Record<KnownCondition, { change: Partial<TollWaiverInput>; reason: string }> = {
  plate: { change: { plate: '浙A12345' }, reason: '浙A·12345 不是浙H号牌：只有浙H号牌免费' },
  vehicleClass: { change: { vehicleClass: 2 }, reason: '车型为二类客车（10–19 座）：只有一类客车（9 座及以下小客车）免费' },
  etcCard: { change: { etcCard: 'prepaid' }, reason: '使用的是 ETC 储值卡：只有 ETC 记账卡免费' },
  entry: { change: { entry: '龙游北' }, reason: '入口 龙游北 不在“衢城畅行”免费收费站内' },
  exit: { change: { exit: '杨林' }, reason: '出口 杨林 不在“衢城畅行”免费收费站内' },
  period: { change: { date: '2024-12-31' }, reason: '2024-12-31 不在“衢城畅行”实施期内（2025-01-01 至 2025-12-31）' },
}
const CONDITIONS = Object.keys(FAILURES) as KnownCondition[]

/** Every subset of the six conditions: 64 cases, from all-pass to all-fail. */
const COMBINATIONS: KnownCondition[][] = Array.from({ length: 2 ** CONDITIONS.length }, (_, mask) =>
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
    ['first day', '2025-01-01', 'free', '✓ 免费'],
    ['last day', '2025-12-31', 'free', '✓ 免费'],
    ['day before', '2024-12-31', 'charged', '✗ 收费'],
    ['day after: not known', '2026-01-01', 'period-unknown', '？ 是否免费待官方确认'],
    ['a year later: not known', '2026-12-06', 'period-unknown', '？ 是否免费待官方确认'],
  ] as const)('period boundary: %s (%s) → %s', (_case, date, outcome, headline) => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, date })
    expect(verdict.outcome).toBe(outcome)
    expect(verdict.headline).toBe(headline)
    expect(verdict.free).toBe(outcome === 'free')
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

describe('checkTollWaiver after the last known period (待官方确认)', () => {
  it('an otherwise free trip is neither free nor charged: the period is unknown', () => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, date: '2026-12-06' })
    expect(verdict.failed).toEqual([])
    expect(verdict.unknown).toEqual(['period'])
    expect(verdict.provisional).toBe(true)
    expect(verdict.period.state).toBe('after-period')
    expect(verdict.reasons).toEqual([
      '“衢城畅行”已知的实施期为 2025-01-01 至 2025-12-31；2025-12-31 之后是否延续待官方确认，官方公布前不能确定免费还是收费',
      '其他条件都符合已知实施期的规定：若“衢城畅行”延续且条件不变，这趟免费；若不延续，按正常收费',
    ])
    expect(verdict.checks.find((check) => check.id === 'period')).toEqual({
      id: 'period',
      passed: false,
      unknown: true,
      text: '2026-12-06 在已知实施期（2025-01-01 至 2025-12-31）之后：是否延续待官方确认',
    })
    expect(verdict.estimatedTollText).toBe('约 ¥22.29')
  })

  it.each([
    ['浙A', { plate: '浙A12345' }, ['plate']],
    ['储值卡', { etcCard: 'prepaid' as const }, ['etcCard']],
    ['an out-of-scheme exit', { exit: '杨林' }, ['exit']],
  ])('a trip that fails %s is charged for that reason, and still says the period is unknown', (_case, change, failed) => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, ...change, date: '2026-12-06' })
    expect(verdict.outcome).toBe('charged')
    expect(verdict.failed).toEqual(failed)
    expect(verdict.reasons).toHaveLength(2)
    expect(verdict.reasons[1]).toMatch(/2025-12-31 之后是否延续待官方确认/)
  })

  it('never says 免费 nor a bare 收费 on any date after the period (property)', () => {
    const afterPeriod = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
    fc.assert(
      fc.property(
        afterPeriod,
        fc.constantFrom('衢州东', '江山', '杨林'),
        fc.constantFrom('浙H12345', '浙A12345'),
        (instant, exit, plate) => {
          const date = instant.toISOString().slice(0, 10)
          const verdict = checkTollWaiver({ ...FREE_TRIP, plate, exit, date })
          const car = checkVehicleEligibility({ plate, vehicleClass: 1, etcCard: 'postpaid' }, BUNDLED_TOLL_DATA, date)
          expect(verdict.free).toBe(false)
          expect(verdict.reasons.some((reason) => reason.includes('待官方确认'))).toBe(true)
          expect(car.reasons.join('')).not.toMatch(/通行免费/)
          expect(car.headline).not.toMatch(/^✓/)
        },
      ),
    )
  })

  it('an imported period covering the date makes it free again', () => {
    const extended: TollData = {
      ...BUNDLED_TOLL_DATA,
      period: { ...BUNDLED_TOLL_DATA.period, value: { from: '2026-01-01', to: '2026-12-31' } },
    }
    expect(checkTollWaiver({ ...FREE_TRIP, date: '2026-12-06' }, extended).outcome).toBe('free')
    expect(checkVehicleEligibility({ plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' }, extended, '2026-12-06').verdict).toBe(
      'free-in-period',
    )
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

  it('does not count a U-turn at an in-scheme station as a trip between stations: not free, no estimate', () => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, exit: '衢州东站' })
    expect(verdict.free).toBe(false)
    expect(verdict.outcome).toBe('charged')
    expect(verdict.failed).toEqual(['route'])
    expect(verdict.sameStation).toBe(true)
    expect(verdict.estimatedTollFen).toBeUndefined()
    expect(verdict.distanceKm).toBe(0)
    expect(verdict.reasons).toEqual(['在 衢州东 同站进出（掉头）：不是收费站之间的通行，不在“衢城畅行”减免范围内'])
    expect(verdict.notes[0]).toMatch(/同一收费站进出（掉头）：条款减免的是“收费站间通行”/)
  })

  it('judges a U-turn at an out-of-scheme station as charged, every reason named', () => {
    const verdict = checkTollWaiver({ ...FREE_TRIP, entry: '杨林', exit: '杨林' })
    expect(verdict.free).toBe(false)
    expect(verdict.failed).toEqual(['route', 'entry', 'exit'])
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
    expect(checkTollWaiver({ ...FREE_TRIP, date: '2026-03-01' }).outcome).toBe('period-unknown')
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
  const CAR = { plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' } as const
  const CONDITIONS_TEXT = '浙H号牌、一类客车（9 座及以下小客车）、ETC 记账卡'

  it.each([
    [
      'in the period',
      CAR,
      '2025-06-01',
      'free-in-period',
      '✓ 您的车符合免费条件',
      [`符合条件：${CONDITIONS_TEXT}；在“衢城畅行”收费站之间通行免费（实施期 2025-01-01 至 2025-12-31）`],
    ],
    [
      'after the period: never 通行免费',
      CAR,
      '2026-12-06',
      'period-unknown',
      '？ 2026 年是否免费待官方确认',
      [
        `您的车符合已知实施期（2025-01-01 至 2025-12-31）的条件：${CONDITIONS_TEXT}`,
        '“衢城畅行”已知的实施期为 2025-01-01 至 2025-12-31；2025-12-31 之后是否延续待官方确认，官方公布前不能确定免费还是收费',
      ],
    ],
    [
      'before the scheme',
      CAR,
      '2024-06-01',
      'not-started',
      '✗ “衢城畅行”尚未实施',
      [`符合条件：${CONDITIONS_TEXT}；但 2024-06-01 “衢城畅行”尚未实施（实施期 2025-01-01 至 2025-12-31）`],
    ],
    [
      'a 浙A car after the period',
      { ...CAR, plate: '浙A12345' },
      '2026-12-06',
      'not-eligible',
      '✗ 您的车不符合免费条件',
      [
        '浙A·12345 不是浙H号牌：只有浙H号牌免费',
        '“衢城畅行”已知的实施期为 2025-01-01 至 2025-12-31；2025-12-31 之后是否延续待官方确认，官方公布前不能确定免费还是收费',
      ],
    ],
  ] as const)('%s', (_case, car, date, verdict, headline, reasons) => {
    const result = checkVehicleEligibility(car, BUNDLED_TOLL_DATA, date)
    expect(result.verdict).toBe(verdict)
    expect(result.headline).toBe(headline)
    expect(result.reasons).toEqual(reasons)
  })

  it('judges today in Shanghai when no date is given', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-06T02:00:00Z') })
    try {
      expect(checkVehicleEligibility(CAR).verdict).toBe('period-unknown')
    } finally {
      jest.useRealTimers()
    }
  })

  it('lists each car-level failure', () => {
    const result = checkVehicleEligibility({ plate: '沪A12345', vehicleClass: 2, etcCard: 'none' }, BUNDLED_TOLL_DATA, '2025-06-01')
    expect(result.eligible).toBe(false)
    expect(result.checks.map((check) => check.passed)).toEqual([false, false, false])
    expect(result.reasons).toHaveLength(3)
  })

  it('accepts an already parsed plate', () => {
    const parsed = checkVehicleEligibility({ plate: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' }).plate
    expect(checkVehicleEligibility({ plate: parsed, vehicleClass: 1, etcCard: 'postpaid' }).plate).toEqual(parsed)
  })
})
