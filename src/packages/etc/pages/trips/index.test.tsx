/**
 * 我的行程 with the real Taro H5 components: totals per month and year from summariseSavings, add
 * (today in Shanghai by default), edit and delete with a confirmation the person answers.
 */
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { summariseSavings } from '@/domain/etc/savings'
import { formatEstimatedFen } from '@/domain/etc/toll-estimate'
import { useEtcTripsStore } from '@/store/etc-trips'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { etcPageSuite } from '@/test/toll-fixtures'
import EtcTripsPage from './index'

const CAR = { plate: '浙H12345', vehicleClass: 1 as const, etcCard: 'postpaid' as const }
const TRIPS = [
  { id: 'march-1', date: '2025-03-01', entry: 'quzhoudong', exit: 'longyou' },
  { id: 'march-2', date: '2025-03-05', entry: 'longyou', exit: 'quzhoudong' },
  { id: 'may-1', date: '2025-05-01', entry: 'quzhoudong', exit: 'longyoubei' },
]

etcPageSuite({
  at: '2025-06-16T10:00:00+08:00',
  vehicle: { plateText: '浙H·12345', vehicleClass: 1, etcCard: 'postpaid' },
  trips: TRIPS,
})

const totalsRow = (label: string) => screen.getByText(label).parentElement as HTMLElement
const tripCard = (name: RegExp) => screen.getByRole('button', { name }).closest('[role="listitem"]') as HTMLElement

function chooseStation(scope: HTMLElement, fieldLabel: string, station: string) {
  fireEvent.click(within(scope).getByRole('button', { name: new RegExp(`${fieldLabel}`) }))
  const panel = within(scope).getByRole('region', { name: `选择${fieldLabel}` })
  fireEvent.input(within(panel).getByRole('textbox'), { target: { value: station } })
  fireEvent.click(within(panel).getAllByRole('option', { name: new RegExp(`^${station}，`) })[0])
}

test('totals per month and per year are the domain’s, always 约 … 估算', () => {
  render(<EtcTripsPage />)
  const summary = summariseSavings(TRIPS, CAR)
  const march = summary.byMonth.find((total) => total.period === '2025-03')!
  expect(march.freeTrips).toBe(2)
  expect(summary.byMonth.find((total) => total.period === '2025-05')!.savedFen).toBe(0)

  expect(screen.getByRole('region', { name: '省下的通行费' })).toHaveTextContent(`共${summary.totalText}（估算）`)
  expect(totalsRow('2025 年 3 月')).toHaveTextContent(`省下 ${formatEstimatedFen(march.savedFen)}（估算）· 免费 2 趟 / 共 2 趟`)
  expect(totalsRow('2025 年 5 月')).toHaveTextContent('省下 约 ¥0.00（估算）· 免费 0 趟 / 共 1 趟')
  expect(totalsRow('2025 年')).toHaveTextContent(`省下 ${summary.totalText}（估算）· 免费 2 趟 / 共 3 趟`)
})

test('each trip says free or charged, with the reason when charged; newest first', () => {
  render(<EtcTripsPage />)
  const cards = within(screen.getByRole('list', { name: '行程记录' })).getAllByRole('listitem')
  expect(cards.map((card) => card.querySelector('.caption')?.textContent)).toEqual(['2025-05-01', '2025-03-05', '2025-03-01'])
  expect(cards[0]).toHaveTextContent('✗ 收费')
  expect(cards[0]).toHaveTextContent('出口 龙游北 不在“衢城畅行”免费收费站内')
  expect(cards[2]).toHaveTextContent(/✓ 免费，省下 约 ¥\d+\.\d{2}（估算）/)
})

test('adding a trip starts today in Shanghai and needs both stations', () => {
  useEtcTripsStore.setState({ trips: [] })
  render(<EtcTripsPage />)
  fireEvent.click(screen.getByRole('button', { name: '＋ 记一趟行程' }))
  const form = screen.getByRole('form', { name: '记一趟行程' })
  expect(within(form).getByLabelText('日期')).toHaveValue('2025-06-16')
  expect(within(form).getByLabelText('日期')).toHaveAccessibleDescription('2025年6月16日（今天）')

  fireEvent.click(within(form).getByRole('button', { name: '保存' }))
  expect(within(form).getByRole('alert')).toHaveTextContent('请选择入口收费站')

  chooseStation(form, '入口收费站', '衢州西')
  chooseStation(form, '出口收费站', '江山')
  fireEvent.click(within(form).getByRole('button', { name: '保存' }))
  expect(useEtcTripsStore.getState().trips).toEqual([expect.objectContaining({ date: '2025-06-16', entry: 'quzhouxi', exit: 'jiangshan' })])
  expect(screen.queryByRole('form')).not.toBeInTheDocument()
  expect(totalsRow('2025 年 6 月')).toHaveTextContent('免费 1 趟 / 共 1 趟')
})

test('editing a trip changes it in place and the totals follow', () => {
  render(<EtcTripsPage />)
  fireEvent.click(screen.getByRole('button', { name: '修改 2025-05-01 衢州东 → 龙游北 的行程' }))
  const form = screen.getByRole('form', { name: '修改行程' })
  expect(within(form).getByRole('button', { name: /出口收费站：龙游北/ })).toBeInTheDocument()
  chooseStation(form, '出口收费站', '龙游')
  fireEvent.click(within(form).getByRole('button', { name: '保存' }))

  expect(useEtcTripsStore.getState().trips.find((trip) => trip.id === 'may-1')).toEqual({
    id: 'may-1',
    date: '2025-05-01',
    entry: 'quzhoudong',
    exit: 'longyou',
  })
  expect(totalsRow('2025 年 5 月')).toHaveTextContent('免费 1 趟 / 共 1 趟')
  expect(tripCard(/修改 2025-05-01 衢州东 → 龙游 的行程/)).toHaveTextContent('✓ 免费')
})

test('cancelling an edit changes nothing', () => {
  render(<EtcTripsPage />)
  fireEvent.click(screen.getByRole('button', { name: '修改 2025-05-01 衢州东 → 龙游北 的行程' }))
  fireEvent.click(within(screen.getByRole('form', { name: '修改行程' })).getByRole('button', { name: '取消' }))
  expect(useEtcTripsStore.getState().trips).toEqual(TRIPS)
})

test('delete asks first (a question the person answers, not a timed pop-up) and keeps the trip on 保留', async () => {
  const showModal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
  render(<EtcTripsPage />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '删除 2025-03-01 衢州东 → 龙游 的行程' }))
  })
  expect(showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '删除这条行程？', content: '2025-03-01 衢州东 → 龙游', confirmText: '删除', cancelText: '保留' }),
  )
  expect(useEtcTripsStore.getState().trips).toHaveLength(3)

  showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '删除 2025-03-01 衢州东 → 龙游 的行程' }))
  })
  expect(useEtcTripsStore.getState().trips.map((trip) => trip.id)).toEqual(['march-2', 'may-1'])
  expect(totalsRow('2025 年 3 月')).toHaveTextContent('免费 1 趟 / 共 1 趟')
  showModal.mockRestore()
})

test('without a car the trips are listed and the page says what is needed for totals', () => {
  useEtcVehicleStore.setState({ plateText: '', vehicleClass: null, etcCard: null })
  render(<EtcTripsPage />)
  expect(screen.getByRole('link', { name: '去填写我的车' })).toBeInTheDocument()
  expect(within(screen.getByRole('list', { name: '行程记录' })).getAllByRole('listitem')).toHaveLength(3)
})

test('the trip list holds only trips: no list when there are none, and a trip being edited stays a listitem', () => {
  useEtcTripsStore.setState({ trips: [] })
  const { unmount } = render(<EtcTripsPage />)
  expect(screen.getByText('还没有记录行程。')).toBeInTheDocument()
  expect(screen.queryByRole('list', { name: '行程记录' })).not.toBeInTheDocument()
  unmount()

  useEtcTripsStore.setState({ trips: TRIPS })
  render(<EtcTripsPage />)
  fireEvent.click(screen.getByRole('button', { name: '修改 2025-05-01 衢州东 → 龙游北 的行程' }))
  const list = screen.getByRole('list', { name: '行程记录' })
  const items = within(list).getAllByRole('listitem')
  expect(items).toHaveLength(3)
  expect(Array.from(list.children).every((child) => child.getAttribute('role') === 'listitem')).toBe(true)
  expect(within(items[0]).getByRole('form', { name: '修改行程' })).toBeInTheDocument()
})
