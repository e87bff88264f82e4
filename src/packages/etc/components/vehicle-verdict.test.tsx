import { render, screen } from '@testing-library/react'
import { BUNDLED_TOLL_DATA, type TollData } from '@/domain/policy/toll-scheme'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { fixClock } from '@/test/fixed-clock'
import { VehicleVerdict } from './vehicle-verdict'

let restoreClock: () => void = () => undefined
beforeEach(() => {
  localStorage.clear()
  // Inside the bundled 2025 period unless a test says otherwise.
  restoreClock = fixClock('2025-06-01T10:00:00+08:00')
})
afterEach(() => restoreClock())

test('says what is still missing before any verdict', () => {
  useEtcVehicleStore.setState({ plateText: '浙H12345', vehicleClass: null, etcCard: null })
  render(<VehicleVerdict data={BUNDLED_TOLL_DATA} />)
  expect(screen.getByRole('status')).toHaveTextContent('还差：车型、ETC 卡类型')
})

test('a qualifying car: the positive reason, three passed checks, and the station list marked 待官方确认', () => {
  useEtcVehicleStore.setState({ plateText: '浙H·12345', vehicleClass: 1, etcCard: 'postpaid' })
  render(<VehicleVerdict data={BUNDLED_TOLL_DATA} />)
  const status = screen.getByRole('status')
  expect(status).toHaveTextContent('✓ 您的车符合免费条件')
  expect(status).toHaveTextContent('符合条件：浙H号牌、一类客车（9 座及以下小客车）、ETC 记账卡')
  expect(screen.getAllByRole('listitem').map((item) => item.textContent?.slice(0, 4))).toEqual(['✓ 符合', '✓ 符合', '✓ 符合'])
  expect(status).toHaveTextContent('范围内的站点名单⚠ 待官方确认')
  expect(screen.queryByRole('group', { name: /公布时提醒/ })).not.toBeInTheDocument()
  // Inside a period with a known last day: 结束前提醒 (7 or 1 day before); this build cannot sign
  // in, so it offers the calendar file for that moment instead of a button that must fail.
  const ending = screen.getByRole('group', { name: '衢城畅行到期提醒：“衢城畅行”实施期结束' })
  expect(ending).toHaveTextContent('网页版不能登录')
  expect(screen.getByRole('button', { name: '下载日历文件（.ics）：“衢城畅行”实施期结束' })).toBeInTheDocument()
})

test('a car from elsewhere: the plate reason', () => {
  useEtcVehicleStore.setState({ plateText: '浙A12345', vehicleClass: 1, etcCard: 'postpaid' })
  render(<VehicleVerdict data={BUNDLED_TOLL_DATA} />)
  expect(screen.getByRole('status')).toHaveTextContent('✗ 您的车不符合免费条件')
  expect(screen.getAllByText('浙A·12345 不是浙H号牌：只有浙H号牌免费').length).toBeGreaterThan(0)
})

describe('after the last known period (2026-12-06)', () => {
  beforeEach(() => {
    restoreClock()
    restoreClock = fixClock('2026-12-06T10:00:00+08:00')
    useEtcVehicleStore.setState({ plateText: '浙H12345', vehicleClass: 1, etcCard: 'postpaid' })
  })

  test('a qualifying car is promised nothing: 待官方确认, and the reminder for a new period is offered', () => {
    render(<VehicleVerdict data={BUNDLED_TOLL_DATA} />)
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('？ 2026 年是否免费待官方确认')
    expect(status).not.toHaveTextContent('通行免费')
    expect(status).not.toHaveTextContent('✓ 您的车符合免费条件')
    expect(status).toHaveTextContent('2025-12-31 之后是否延续待官方确认')
    expect(status).toHaveTextContent('“衢城畅行”新的实施期官方尚未公布')
    // The offer (a browser test build cannot sign in, so it explains why instead of a button).
    expect(screen.getByRole('group', { name: '公布时提醒：“衢城畅行”新实施期' })).toBeInTheDocument()
  })

  test('an imported period covering today makes it 免费 again, without the offer', () => {
    const extended: TollData = {
      ...BUNDLED_TOLL_DATA,
      period: { ...BUNDLED_TOLL_DATA.period, value: { from: '2026-01-01', to: '2026-12-31' } },
    }
    render(<VehicleVerdict data={extended} />)
    expect(screen.getByRole('status')).toHaveTextContent('✓ 您的车符合免费条件')
    expect(screen.queryByRole('group', { name: /公布时提醒/ })).not.toBeInTheDocument()
    expect(screen.getByRole('group', { name: '衢城畅行到期提醒：“衢城畅行”实施期结束' })).toBeInTheDocument()
  })
})
