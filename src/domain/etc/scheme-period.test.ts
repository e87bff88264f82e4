import { BUNDLED_TOLL_DATA, type TollData } from '../policy/toll-scheme'
import { schemePeriodStatus, type SchemePeriodState } from './scheme-period'

const withPeriod = (from: string, to: string | null): Pick<TollData, 'period'> => ({
  period: { ...BUNDLED_TOLL_DATA.period, value: { from, to } },
})

describe('schemePeriodStatus (clause 二十六)', () => {
  test.each<[string, Pick<TollData, 'period'>, string, SchemePeriodState]>([
    ['bundled, first day', BUNDLED_TOLL_DATA, '2025-01-01', 'in-period'],
    ['bundled, last day', BUNDLED_TOLL_DATA, '2025-12-31', 'in-period'],
    ['bundled, the day before', BUNDLED_TOLL_DATA, '2024-12-31', 'not-started'],
    ['bundled, the day after', BUNDLED_TOLL_DATA, '2026-01-01', 'after-period'],
    ['bundled, 2026-12-06', BUNDLED_TOLL_DATA, '2026-12-06', 'after-period'],
    ['an imported 2026 period', withPeriod('2026-01-01', '2026-12-31'), '2026-12-06', 'in-period'],
    ['an open-ended period', withPeriod('2025-01-01', null), '2031-05-01', 'in-period'],
  ])('%s: %s → %s', (_case, data, date, state) => {
    expect(schemePeriodStatus(data, date).state).toBe(state)
  })

  test('after the period the sentence says 待官方确认 and neither 免费 nor 收费 as a verdict', () => {
    const status = schemePeriodStatus(BUNDLED_TOLL_DATA, '2026-12-06')
    expect(status.text).toBe(
      '“衢城畅行”已知的实施期为 2025-01-01 至 2025-12-31；2025-12-31 之后是否延续待官方确认，官方公布前不能确定免费还是收费',
    )
    expect(status.periodText).toBe('2025-01-01 至 2025-12-31')
  })
})
