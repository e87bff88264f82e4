import { fireEvent, render, screen, within } from '@testing-library/react'
import { stations } from '../../../../domain/etc/stations'
import { BUNDLED_TOLL_DATA } from '../../../../domain/policy/toll-scheme'
import { serveBundledTollData } from '../../../../test/toll-fixtures'
import EtcStationsPage from './index'

beforeEach(() => serveBundledTollData())

test('every station is listed, in or out of the scheme in words, with the data status and source', () => {
  render(<EtcStationsPage />)
  const inScheme = stations.filter((station) => station.inScheme)
  const status = screen.getByRole('region', { name: '数据状态' })
  expect(status).toHaveTextContent(`共 ${stations.length} 个高速收费站，其中 ${inScheme.length} 个在“衢城畅行”免费范围内。免费站点数：13 个`)
  expect(status).toHaveTextContent('免费范围内的站点名单⚠ 待官方确认')
  expect(status).toHaveTextContent(BUNDLED_TOLL_DATA.stationSet.source)
  expect(status).toHaveTextContent('实施期：2025-01-01 至 2025-12-31⚠ 待官方确认')

  const rows = screen.getAllByRole('listitem')
  expect(rows).toHaveLength(stations.length)
  expect(rows.filter((row) => row.textContent?.includes('✓ 免费范围内'))).toHaveLength(inScheme.length)
  expect(rows.filter((row) => row.textContent?.includes('— 不在免费范围'))).toHaveLength(stations.length - inScheme.length)
})

test('grouped by highway first, by county on request', () => {
  render(<EtcStationsPage />)
  expect(screen.getByRole('list', { name: 'G60 沪昆高速' })).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '按区县' }))
  const kecheng = screen.getByRole('list', { name: '柯城区' })
  expect(within(kecheng).getAllByRole('listitem').map((row) => row.querySelector('.etc-station__name')?.firstChild?.textContent)).toEqual(
    stations.filter((station) => station.county.name === '柯城区').map((station) => station.name),
  )
})
