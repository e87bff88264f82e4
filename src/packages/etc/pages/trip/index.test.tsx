/**
 * 行程查询 with the real Taro H5 components: stations chosen from the searchable, grouped picker give
 * a verdict with reasons, the estimate (约 … 估算), the data status and the clause; the car can be
 * changed in place; location is optional.
 */
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { checkTollWaiver } from '@/domain/etc/waiver'
import { useEtcTripsStore } from '@/store/etc-trips'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { etcPageSuite } from '@/test/toll-fixtures'
import EtcTripPage from './index'

const CAR = { plateText: '浙H·12345', vehicleClass: 1 as const, etcCard: 'postpaid' as const }
const { moveClockTo } = etcPageSuite({ at: '2025-06-16T10:00:00+08:00', vehicle: CAR, trips: [] })

afterEach(() => {
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined })
})

function chooseStation(fieldLabel: string, search: string | null, station: string) {
  fireEvent.click(screen.getByRole('button', { name: `选择${fieldLabel}` }))
  const panel = screen.getByRole('region', { name: `选择${fieldLabel}` })
  if (search !== null) fireEvent.input(within(panel).getByRole('textbox'), { target: { value: search } })
  fireEvent.click(within(panel).getAllByRole('option', { name: new RegExp(`^${station}，`) })[0])
}

type StationPick = [search: string | null, station: string]
/** Picks the 入口 then the 出口 station, each as chooseStation does. */
function chooseTrip(entry: StationPick, exit: StationPick) {
  chooseStation('入口收费站', ...entry)
  chooseStation('出口收费站', ...exit)
}

const verdict = () => screen.getByText(/^✓ 免费$|^✗ 收费$|^？ 是否免费待官方确认$/).closest('[role="status"]') as HTMLElement

test('two in-scheme stations (one found by pinyin initials) → 免费, with the saving as 约 … 估算', () => {
  render(<EtcTripPage />)
  chooseTrip(['qzd', '衢州东'], [null, '龙游'])

  const expected = checkTollWaiver({
    plate: '浙H12345',
    vehicleClass: 1,
    etcCard: 'postpaid',
    entry: '衢州东',
    exit: '龙游',
    date: '2025-06-16',
  })
  expect(verdict()).toHaveTextContent('✓ 免费')
  expect(verdict()).toHaveTextContent(`预计省下${expected.estimatedTollText}（估算）`)
  expect(expected.estimatedTollText).toMatch(/^约 ¥\d+\.\d{2}$/)
  expect(within(verdict()).getAllByRole('listitem')).toHaveLength(6)
  const dataStatus = within(verdict()).getByText('数据状态').parentElement as HTMLElement
  expect(dataStatus).toHaveTextContent('⚠ 待官方确认')
  expect(dataStatus).toHaveTextContent('数据版本 2025.1')
})

test('switching the car to 储值卡 in place → 收费 with the reason', () => {
  render(<EtcTripPage />)
  chooseTrip(['衢州东', '衢州东'], ['ly', '龙游'])
  fireEvent.click(screen.getByRole('button', { name: '修改车辆信息' }))
  fireEvent.click(screen.getByRole('radio', { name: /ETC 储值卡/ }))

  expect(verdict()).toHaveTextContent('✗ 收费')
  expect(within(verdict()).getAllByText('使用的是 ETC 储值卡：只有 ETC 记账卡免费').length).toBeGreaterThan(0)
  expect(verdict()).toHaveTextContent(/预计通行费约 ¥\d+\.\d{2}（估算）/)
})

test.each<[string, StationPick, StationPick, string]>([
  [
    'a station outside the scheme → 收费, naming the station',
    ['qzd', '衢州东'],
    ['廿八都', '廿八都'],
    '出口 廿八都 不在“衢城畅行”免费收费站内',
  ],
  [
    'a U-turn at one station is not a trip between stations',
    ['qzd', '衢州东'],
    ['qzd', '衢州东'],
    '在 衢州东 同站进出（掉头）：不是收费站之间的通行，不在“衢城畅行”减免范围内',
  ],
])('%s', (_name, entry, exit, reason) => {
  render(<EtcTripPage />)
  chooseTrip(entry, exit)
  expect(verdict()).toHaveTextContent('✗ 收费')
  expect(verdict()).toHaveTextContent(reason)
})

test('a day after the last known period → neither 免费 nor 收费: 待官方确认, with the reminder offer', () => {
  moveClockTo('2026-03-01T10:00:00+08:00')
  render(<EtcTripPage />)
  chooseTrip(['qzd', '衢州东'], ['ly', '龙游'])
  expect(verdict()).toHaveTextContent('？ 是否免费待官方确认')
  expect(verdict()).not.toHaveTextContent('✓ 免费')
  expect(verdict()).not.toHaveTextContent('✗ 收费')
  expect(verdict()).toHaveTextContent('2025-12-31 之后是否延续待官方确认')
  expect(verdict()).toHaveTextContent(/若收费，预计通行费约 ¥\d+\.\d{2}（估算）/)
  expect(verdict()).toHaveTextContent('？ 待官方确认2026-03-01 在已知实施期（2025-01-01 至 2025-12-31）之后')
  expect(within(verdict()).getByRole('group', { name: '公布时提醒：“衢城畅行”新实施期' })).toBeInTheDocument()
})

test('the clause link opens clause (二十六)', () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  render(<EtcTripPage />)
  chooseTrip(['qzd', '衢州东'], ['ly', '龙游'])
  fireEvent.click(screen.getByRole('link', { name: '阅读（二十六）政策原文' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/policy/pages/clause/index?id=${encodeURIComponent('二十六')}` })
  navigateTo.mockRestore()
})

test('the trip can be logged into 我的行程 once', () => {
  render(<EtcTripPage />)
  chooseTrip(['qzd', '衢州东'], ['ly', '龙游'])
  fireEvent.click(screen.getByRole('button', { name: '记入我的行程' }))
  expect(useEtcTripsStore.getState().trips).toEqual([expect.objectContaining({ date: '2025-06-16', entry: 'quzhoudong', exit: 'longyou' })])
  expect(screen.getByText('✓ 已记入我的行程')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '记入我的行程' })).not.toBeInTheDocument()
})

test('without a car the form is shown first and no verdict is guessed', () => {
  useEtcVehicleStore.setState({ plateText: '', vehicleClass: null, etcCard: null })
  render(<EtcTripPage />)
  expect(screen.getByRole('textbox', { name: '车牌号' })).toBeInTheDocument()
  chooseTrip(['qzd', '衢州东'], ['ly', '龙游'])
  expect(screen.getByText('先填好上面的车辆信息，才能判断这趟行程是否免费。')).toBeInTheDocument()
  expect(screen.queryByText('✓ 免费')).not.toBeInTheDocument()
})

test('allowed location puts the nearest stations first, with distances', async () => {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (success: PositionCallback) => success({ coords: { longitude: 118.62, latitude: 28.76 } } as GeolocationPosition),
    },
  })
  render(<EtcTripPage />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '用我的大致位置，把最近的收费站排在前面' }))
  })
  await waitFor(() => expect(screen.getByText('已按您的大致位置把最近的站排在前面。')).toBeInTheDocument())
  fireEvent.click(screen.getByRole('button', { name: '选择入口收费站' }))
  const nearestGroup = screen.getByRole('listbox', { name: '离我最近（直线距离）' })
  const first = within(nearestGroup).getAllByRole('option')[0]
  expect(first).toHaveAccessibleName(/^江山，.*约 \d+(\.\d)? 公里/)
})

test('refused location says so and everything still works', async () => {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (_success: PositionCallback, failure: PositionErrorCallback) => failure({ code: 1 } as GeolocationPositionError),
    },
  })
  render(<EtcTripPage />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '用我的大致位置，把最近的收费站排在前面' }))
  })
  await waitFor(() => expect(screen.getByText(/没有获得位置权限/)).toBeInTheDocument())
  chooseTrip(['qzd', '衢州东'], ['ly', '龙游'])
  expect(verdict()).toHaveTextContent('✓ 免费')
})
