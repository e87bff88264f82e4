import { render, screen } from '@testing-library/react'
import { BUNDLED_TOLL_DATA } from '../../../domain/policy/toll-scheme'
import { useEtcVehicleStore } from '../../../store/etc-vehicle'
import { VehicleVerdict } from './vehicle-verdict'

beforeEach(() => localStorage.clear())

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
})

test('a car from elsewhere: the plate reason', () => {
  useEtcVehicleStore.setState({ plateText: '浙A12345', vehicleClass: 1, etcCard: 'postpaid' })
  render(<VehicleVerdict data={BUNDLED_TOLL_DATA} />)
  expect(screen.getByRole('status')).toHaveTextContent('✗ 您的车不符合免费条件')
  expect(screen.getAllByText('浙A·12345 不是浙H号牌：只有浙H号牌免费').length).toBeGreaterThan(0)
})
