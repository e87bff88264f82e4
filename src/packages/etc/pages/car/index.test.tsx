/**
 * 我的车 with the real Taro H5 components: what people type is accepted, the verdict is instant and
 * gives every reason, and the car stays on the phone.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { etcPageSuite } from '@/test/toll-fixtures'
import EtcCarPage from './index'

// A day inside the bundled 2025 period; the last test moves past it.
const { moveClockTo } = etcPageSuite({ at: '2025-06-01T10:00:00+08:00', vehicle: { plateText: '', vehicleClass: null, etcCard: null } })

const plateInput = () => screen.getByRole('textbox', { name: '车牌号' })
const typePlate = (text: string) => fireEvent.input(plateInput(), { target: { value: text } })
const verdict = () => screen.getAllByRole('status')[0]

test('浙h·12345, 一类客车, 记账卡 → the car qualifies, every check passed in words', () => {
  render(<EtcCarPage />)
  typePlate('浙h·12345')
  fireEvent.click(screen.getByRole('radio', { name: /一类客车（9 座及以下小客车）/ }))
  fireEvent.click(screen.getByRole('radio', { name: /ETC 记账卡/ }))

  expect(verdict()).toHaveTextContent('✓ 您的车符合免费条件')
  const checks = within(verdict()).getAllByRole('listitem')
  expect(checks).toHaveLength(3)
  for (const check of checks) expect(check).toHaveTextContent('✓ 符合')
  expect(checks[0]).toHaveTextContent('浙H·12345 是浙H号牌')
  expect(within(verdict()).getByText(/待官方确认/)).toBeInTheDocument()
})

test('储值卡 → not free, with the reason, and the card check marked ✗ 不符合', () => {
  render(<EtcCarPage />)
  typePlate('浙h·12345')
  fireEvent.click(screen.getByRole('radio', { name: /一类客车/ }))
  fireEvent.click(screen.getByRole('radio', { name: /ETC 储值卡/ }))

  expect(verdict()).toHaveTextContent('✗ 您的车不符合免费条件')
  expect(within(verdict()).getAllByText('使用的是 ETC 储值卡：只有 ETC 记账卡免费').length).toBeGreaterThan(0)
  const cardCheck = within(verdict()).getAllByRole('listitem')[2]
  expect(cardCheck).toHaveTextContent('✗ 不符合')
})

test('every failed condition is its own reason', () => {
  render(<EtcCarPage />)
  typePlate('沪A12345')
  fireEvent.click(screen.getByRole('radio', { name: /二类客车/ }))
  fireEvent.click(screen.getByRole('radio', { name: /不使用 ETC/ }))
  const failed = within(verdict())
    .getAllByRole('listitem')
    .filter((item) => item.textContent?.includes('✗ 不符合'))
  expect(failed).toHaveLength(3)
})

test.each([
  ['浙HI2345', '车牌中不使用字母 I 和 O'],
  ['12345', '车牌要以省份简称开头'],
  ['浙H123456789', '车牌号位数太多'],
])('a plate that cannot be right (%s) shows the Chinese error under the field at once', (text, message) => {
  render(<EtcCarPage />)
  typePlate(text)
  expect(screen.getByRole('alert')).toHaveTextContent(message)
  expect(plateInput()).toHaveAttribute('aria-invalid', 'true')
})

test('a plate still being typed is not an error until the person leaves the field', () => {
  render(<EtcCarPage />)
  typePlate('浙H123')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  fireEvent.blur(plateInput())
  expect(screen.getByRole('alert')).toHaveTextContent('车牌号位数不够')
  expect(verdict()).toHaveTextContent('还差：车牌号、车型、ETC 卡类型')
})

test('leaving the field tidies a good plate into its printed form, and the car is stored on the phone', () => {
  render(<EtcCarPage />)
  typePlate(' 浙ｈ 1２345 ')
  fireEvent.blur(plateInput())
  expect(plateInput()).toHaveValue('浙H·12345')
  fireEvent.click(screen.getByRole('radio', { name: /一类客车/ }))
  const stored = JSON.parse(JSON.parse(localStorage.getItem('qht:etc-vehicle') ?? 'null').data)
  expect(stored.state).toMatchObject({ plateText: '浙H·12345', vehicleClass: 1 })
})

test('the card choices explain how to tell 记账卡 from 储值卡', () => {
  render(<EtcCarPage />)
  expect(screen.getByText(/先通行、后从卡里扣费/)).toBeInTheDocument()
  expect(screen.getByText(/要先往卡里充值才能通行/)).toBeInTheDocument()
})

test('a stored car comes back with its verdict', () => {
  useEtcVehicleStore.setState({ plateText: '浙H·D12345', vehicleClass: 1, etcCard: 'postpaid' })
  render(<EtcCarPage />)
  expect(plateInput()).toHaveValue('浙H·D12345')
  expect(verdict()).toHaveTextContent('✓ 您的车符合免费条件')
})

test('on 2026-12-06, after the last known period, the same car is told 待官方确认, never 通行免费', () => {
  moveClockTo('2026-12-06T10:00:00+08:00')
  useEtcVehicleStore.setState({ plateText: '浙H·12345', vehicleClass: 1, etcCard: 'postpaid' })
  render(<EtcCarPage />)
  expect(verdict()).toHaveTextContent('？ 2026 年是否免费待官方确认')
  expect(verdict()).not.toHaveTextContent('通行免费')
  expect(screen.getByText(/实施期内（2025-01-01 至 2025-12-31）/)).toBeInTheDocument()
  expect(within(verdict()).getByRole('group', { name: '公布时提醒：“衢城畅行”新实施期' })).toBeInTheDocument()
})
