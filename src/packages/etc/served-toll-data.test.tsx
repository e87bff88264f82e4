/**
 * The ETC pages with the operator's 衢城畅行 data served by GET /api/v1/toll (clause 二十六), through
 * the real API client and Taro.request against a loopback server: a period extended to 2026-12-31
 * turns a 2026 trip from 收费 into 免费 as soon as it arrives; a replaced station list is what 站点一览
 * and the pickers show; a logged trip at a station the new list dropped is skipped with the reason;
 * offline, the pages say they judge with the app's own data.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { BUNDLED_TOLL_DATA } from '@/domain/policy/toll-scheme'
import { apiTestServerForSuite } from '@/test/api-test-server'
import { fixClock } from '@/test/fixed-clock'
import { PERIOD_2026, REPLACED_STATIONS, answerToll, servedToll, useTollDataAt } from '@/test/toll-fixtures'
import { useEtcTripsStore } from '@/store/etc-trips'
import { useEtcVehicleStore } from '@/store/etc-vehicle'
import { loadTollData, tollDataView } from '@/store/etc-toll-data'
import EtcCarPage from './pages/car/index'
import EtcStationsPage from './pages/stations/index'
import EtcTripPage from './pages/trip/index'
import EtcTripsPage from './pages/trips/index'

const server = apiTestServerForSuite()
let restoreClock: () => void

beforeEach(() => {
  restoreClock = fixClock('2026-03-02T10:00:00+08:00')
  useTollDataAt(server.baseUrl)
  useEtcVehicleStore.setState({ plateText: '浙H·12345', vehicleClass: 1, etcCard: 'postpaid' })
  useEtcTripsStore.setState({ trips: [] })
})

afterEach(() => {
  restoreClock()
  jest.restoreAllMocks()
})

const loaded = () => waitFor(() => expect(tollDataView().loading).toBe(false))

function chooseStation(scope: HTMLElement, fieldLabel: string, search: string, station: string) {
  fireEvent.click(within(scope).getByRole('button', { name: new RegExp(`^(选择)?${fieldLabel}`) }))
  const panel = within(scope).getByRole('region', { name: `选择${fieldLabel}` })
  fireEvent.input(within(panel).getByRole('textbox'), { target: { value: search } })
  fireEvent.click(within(panel).getAllByRole('option', { name: new RegExp(`^${station}，`) })[0])
}

const verdict = () => screen.getByText(/^✓ 免费$|^✗ 收费$|^？ 是否免费待官方确认$/).closest('[role="status"]') as HTMLElement

async function judgeQuzhouDongToLongyouOnceLoaded() {
  render(<EtcTripPage />)
  await loaded()
  chooseStation(document.body, '入口收费站', 'qzd', '衢州东')
  chooseStation(document.body, '出口收费站', 'ly', '龙游')
}

describe('行程查询', () => {
  test('a 2026 trip is 待官方确认 on the bundled data and turns 免费 when the extended period arrives', async () => {
    answerToll(server, servedToll(PERIOD_2026))
    render(<EtcTripPage />)
    // Chosen before the server answered: judged with the bundled data, and the page says so.
    chooseStation(document.body, '入口收费站', 'qzd', '衢州东')
    chooseStation(document.body, '出口收费站', 'ly', '龙游')
    expect(verdict()).toHaveTextContent('？ 是否免费待官方确认')
    expect(verdict()).toHaveTextContent('2026-03-02 在已知实施期（2025-01-01 至 2025-12-31）之后：是否延续待官方确认')
    expect(screen.getByText(/正在获取运营方的最新数据/)).toBeInTheDocument()

    await waitFor(() => expect(verdict()).toHaveTextContent('✓ 免费'))
    expect(verdict()).toHaveTextContent('2026-03-02 在“衢城畅行”实施期内（2025-01-01 至 2026-12-31）')
    expect(screen.queryByRole('group', { name: /公布时提醒/ })).not.toBeInTheDocument()
    expect(verdict()).toHaveTextContent(/预计省下约 ¥\d+\.\d{2}（估算）/)
    expect(within(verdict()).getByText('数据状态').parentElement).toHaveTextContent('数据版本 2026.1')
    expect(screen.getByText('数据版本 2026.1 · 运营方更新于 2026-01-05 09:30')).toBeInTheDocument()
    expect(screen.queryByText(/正在获取/)).not.toBeInTheDocument()
  })

  test('the pickers offer the operator’s stations: a new one by name, a shared one by its bundled pinyin, a dropped one not at all', async () => {
    answerToll(server, servedToll(REPLACED_STATIONS))
    render(<EtcTripPage />)
    await loaded()
    fireEvent.click(screen.getByRole('button', { name: '选择入口收费站' }))
    const panel = screen.getByRole('region', { name: '选择入口收费站' })
    expect(
      within(panel)
        .getAllByRole('option')
        .map((option) => option.textContent?.replace(/G\d.*$/, '')),
    ).toEqual(['衢州东', '龙游', '衢州北'])
    fireEvent.input(within(panel).getByRole('textbox'), { target: { value: '江山' } })
    expect(within(panel).getByRole('status')).toHaveTextContent('没有找到“江山”')
    fireEvent.click(screen.getByRole('button', { name: '收起列表' }))

    chooseStation(document.body, '入口收费站', 'qzd', '衢州东')
    chooseStation(document.body, '出口收费站', '衢州北', '衢州北')
    expect(verdict()).toHaveTextContent('✓ 免费')
    expect(verdict()).toHaveTextContent('出口 衢州北 在“衢城畅行”范围内')
    fireEvent.click(screen.getByRole('button', { name: '记入我的行程' }))
    expect(useEtcTripsStore.getState().trips).toEqual([
      expect.objectContaining({ date: '2026-03-02', entry: 'quzhoudong', exit: 'quzhoubei' }),
    ])
  })

  test('offline with nothing stored: the bundled verdict, and the page says it could not get the operator’s data', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    answerToll(server, { drop: true })
    await judgeQuzhouDongToLongyouOnceLoaded()
    expect(verdict()).toHaveTextContent('？ 是否免费待官方确认')
    expect(screen.getByText(/暂时拿不到运营方的最新数据（网络.*），按应用内置数据（版本 2025\.1）判断/)).toBeInTheDocument()
    expect(screen.getByText('数据版本 2025.1 · 应用内置数据')).toBeInTheDocument()
  })

  test('offline with a stored copy: the operator’s data from it, saying when it was fetched', async () => {
    answerToll(server, servedToll(PERIOD_2026))
    await act(() => loadTollData())
    useTollDataAt(server.baseUrl)
    server.reset()
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    answerToll(server, { drop: true })
    await judgeQuzhouDongToLongyouOnceLoaded()
    expect(verdict()).toHaveTextContent('✓ 免费')
    expect(screen.getByText(/网络不可用，用的是上次获取的数据（3月2日 10:00 获取）/)).toBeInTheDocument()
  })
})

describe('我的行程', () => {
  const TRIPS = [
    { id: 'kept', date: '2026-03-02', entry: 'quzhoudong', exit: 'longyou' },
    { id: 'dropped', date: '2026-02-27', entry: 'quzhoudong', exit: 'jiangshan' },
  ]

  test('with the extended period a 2026 trip is free and counted; savings follow the data', async () => {
    useEtcTripsStore.setState({ trips: [TRIPS[0]] })
    answerToll(server, servedToll(PERIOD_2026))
    render(<EtcTripsPage />)
    const card = () => within(screen.getByRole('list', { name: '行程记录' })).getByRole('listitem')
    expect(card()).toHaveTextContent('？ 是否免费待官方确认（未计入省下的钱）')
    await waitFor(() => expect(card()).toHaveTextContent(/✓ 免费，省下 约 ¥\d+\.\d{2}（估算）/))
    expect(screen.getByRole('region', { name: '省下的通行费' })).toHaveTextContent('2026 年 3 月省下 约')
    expect(screen.getByRole('region', { name: '省下的通行费' })).toHaveTextContent('数据版本 2026.1 · 运营方更新于 2026-01-05 09:30')
  })

  test('a logged trip at a station the new list dropped: named, skipped with the reason, not counted; editing asks for the station again', async () => {
    useEtcTripsStore.setState({ trips: TRIPS })
    answerToll(server, servedToll(REPLACED_STATIONS))
    render(<EtcTripsPage />)
    await loaded()
    const dropped = screen.getByRole('button', { name: '修改 2026-02-27 衢州东 → 江山 的行程' }).closest('[role="listitem"]') as HTMLElement
    expect(dropped).toHaveTextContent(
      '✗ 无法判断：江山 不在当前的收费站名单中（数据版本 2026.2），无法判断是否免费；可点“修改”重新选择收费站',
    )
    const summary = screen.getByRole('region', { name: '省下的通行费' })
    expect(summary).toHaveTextContent('另有 1 趟无法判断，未计入')
    expect(summary).toHaveTextContent('免费 1 趟 / 共 1 趟')

    fireEvent.click(within(dropped).getByRole('button', { name: /^修改/ }))
    const form = screen.getByRole('form', { name: '修改行程' })
    expect(within(form).getByRole('button', { name: '入口收费站：衢州东，点按更换' })).toBeInTheDocument()
    expect(within(form).getByRole('button', { name: '选择出口收费站' })).toBeInTheDocument()
    fireEvent.click(within(form).getByRole('button', { name: '保存' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('请选择出口收费站')
    chooseStation(form, '出口收费站', '衢州北', '衢州北')
    fireEvent.click(within(form).getByRole('button', { name: '保存' }))
    expect(useEtcTripsStore.getState().trips.find((trip) => trip.id === 'dropped')).toMatchObject({ exit: 'quzhoubei' })
    expect(screen.queryByText(/无法判断/)).not.toBeInTheDocument()
  })
})

test('站点一览 shows the operator’s list, count, status and version', async () => {
  answerToll(server, servedToll(REPLACED_STATIONS))
  render(<EtcStationsPage />)
  const status = screen.getByRole('region', { name: '数据状态' })
  expect(status).toHaveTextContent(`共 ${BUNDLED_TOLL_DATA.stations.length} 个高速收费站`)
  await waitFor(() => expect(status).toHaveTextContent('共 3 个高速收费站，其中 3 个在“衢城畅行”范围内。免费站点数：3 个'))
  expect(status).toHaveTextContent('免费范围内的站点名单✓ 已确认')
  expect(status).toHaveTextContent('来源：衢州市交通运输局公告（示例）')
  expect(status).toHaveTextContent('数据版本 2026.2 · 运营方更新于 2026-01-05 09:30')
  const names = screen.getAllByRole('listitem').map((row) => row.querySelector('.etc-station__name')?.firstChild?.textContent)
  expect(names).toEqual(['衢州东', '龙游', '衢州北'])
})

test('我的车 counts the operator’s stations', async () => {
  answerToll(server, servedToll(REPLACED_STATIONS))
  render(<EtcCarPage />)
  await waitFor(() => expect(screen.getByText(/在衢州市 3 个高速收费站之间通行免费/)).toBeInTheDocument())
  expect(screen.getByRole('status')).toHaveTextContent('范围内的站点名单✓ 已确认')
})
