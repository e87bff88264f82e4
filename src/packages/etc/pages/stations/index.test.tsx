import { fireEvent, render, screen, within } from '@testing-library/react'
import { stations } from '@/domain/etc/stations'
import { wgs84ToGcj02 } from '@/domain/geo/gcj02'
import { BUNDLED_TOLL_DATA } from '@/domain/policy/toll-scheme'
import { fixClock } from '@/test/fixed-clock'
import { serveBundledTollData } from '@/test/toll-fixtures'
import EtcStationsPage from './index'

let restoreClock: () => void = () => undefined
beforeEach(() => {
  serveBundledTollData()
  restoreClock = fixClock('2025-06-01T10:00:00+08:00')
})
afterEach(() => restoreClock())

test('every station is listed, in or out of the scheme in words, with the data status and source', () => {
  render(<EtcStationsPage />)
  const inScheme = stations.filter((station) => station.inScheme)
  const status = screen.getByRole('region', { name: '数据状态' })
  expect(status).toHaveTextContent(`共 ${stations.length} 个高速收费站，其中 ${inScheme.length} 个在“衢城畅行”范围内。`)
  expect(status).toHaveTextContent('免费站点数：13 个')
  expect(status).toHaveTextContent('免费范围内的站点名单⚠ 待官方确认')
  expect(status).toHaveTextContent(BUNDLED_TOLL_DATA.stationSet.source)
  expect(status).toHaveTextContent('实施期：2025-01-01 至 2025-12-31⚠ 待官方确认')

  const rows = screen.getAllByRole('listitem')
  expect(rows).toHaveLength(stations.length)
  expect(rows.filter((row) => row.textContent?.includes('✓ 衢城畅行站'))).toHaveLength(inScheme.length)
  expect(rows.filter((row) => row.textContent?.includes('— 非衢城畅行站'))).toHaveLength(stations.length - inScheme.length)
})

test('grouped by highway first, by county on request', () => {
  render(<EtcStationsPage />)
  expect(screen.getByRole('list', { name: 'G60 沪昆高速' })).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '按区县' }))
  const kecheng = screen.getByRole('list', { name: '柯城区' })
  expect(
    within(kecheng)
      .getAllByRole('listitem')
      .map((row) => row.querySelector('.etc-station__name')?.firstChild?.textContent),
  ).toEqual(stations.filter((station) => station.county.name === '柯城区').map((station) => station.name))
})

test('the 13 are said to be this app’s provisional choice, with the reason from the data', () => {
  render(<EtcStationsPage />)
  // The other note in the region is the 结束前提醒我 one (this build cannot sign in: it says why).
  const note = within(screen.getByRole('region', { name: '数据状态' }))
    .getAllByRole('note')
    .find((item) => item.classList.contains('etc-notice'))
  expect(note).toHaveTextContent(
    `这 13 个站点是本应用暂定的选择，不是官方名单。原因：${BUNDLED_TOLL_DATA.stationSet.note!.replace(/[。.]$/, '')}。`,
  )
})

test('after the last known period it says whether the scheme continues is 待官方确认 and offers the reminder', () => {
  restoreClock()
  restoreClock = fixClock('2026-12-06T10:00:00+08:00')
  render(<EtcStationsPage />)
  const status = screen.getByRole('region', { name: '数据状态' })
  expect(within(status).getByRole('status')).toHaveTextContent(
    '今天（2026-12-06）已过已知实施期：“衢城畅行”已知的实施期为 2025-01-01 至 2025-12-31；2025-12-31 之后是否延续待官方确认',
  )
  expect(within(status).getByRole('group', { name: '公布时提醒：“衢城畅行”新实施期' })).toBeInTheDocument()
})

test('inside the period there is no such notice', () => {
  render(<EtcStationsPage />)
  expect(screen.queryByText(/已过已知实施期/)).not.toBeInTheDocument()
  expect(screen.queryByRole('group', { name: /公布时提醒/ })).not.toBeInTheDocument()
})

test('each station opens the phone’s map at its GCJ-02 position to navigate (高德 on H5)', () => {
  const open = jest.spyOn(window, 'open').mockReturnValue({} as Window)
  render(<EtcStationsPage />)
  const first = stations[0]
  fireEvent.click(screen.getByRole('link', { name: `${first.name}：打开地图导航` }))
  expect(open).toHaveBeenCalledTimes(1)
  const url = new URL(String(open.mock.calls[0][0]))
  expect(url.origin).toBe('https://uri.amap.com')
  const [lng, lat] = (url.searchParams.get('position') ?? '').split(',').map(Number)
  const gcj = wgs84ToGcj02(first.lng, first.lat)
  expect(lng).toBeCloseTo(gcj.lng, 5)
  expect(lat).toBeCloseTo(gcj.lat, 5)
  expect(Math.abs(lng - first.lng)).toBeGreaterThan(0.001)
  expect(url.searchParams.get('name')).toBe(`${first.name}收费站`)
  expect(screen.getAllByRole('link', { name: /：打开地图导航$/ })).toHaveLength(stations.length)
  open.mockRestore()
})
