/**
 * 适用商户 against a real HTTP server: filters become the query, the list comes a page at a time,
 * and opened from a batch it lists only that batch's shops.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { makeBatch } from '@/domain/vouchers/test-fixtures'
import type { Merchant } from '@/domain/vouchers/schema'
import { resetResources } from '@/store/resource'
import { ok, apiTestServerForSuite, useApiAt } from '@/test/api-test-server'
import { setRouterParams } from '@/test/taro-shim'
import { asBatchView, fromNow } from '@/test/voucher-fixtures'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import MerchantsPage, { MERCHANTS_PAGE_SIZE } from './index'

const merchants: Merchant[] = Array.from({ length: 45 }, (_, index) => ({
  id: `m-${index}`,
  name: `商户${index}`,
  county: index % 2 ? '330802' : '330881',
  category: index % 3 ? 'catering' : 'retail',
  address: `地址${index}`,
}))

const server = apiTestServerForSuite()

beforeEach(() => {
  setRouterParams({})
  server.on((request) => {
    if (request.path !== '/api/v1/merchants') return undefined
    const county = request.query.get('county')
    const category = request.query.get('category')
    const page = Number(request.query.get('page'))
    const pageSize = Number(request.query.get('pageSize'))
    const matching = merchants.filter((item) => (!county || item.county === county) && (!category || item.category === category))
    return ok({ data: matching.slice((page - 1) * pageSize, page * pageSize), meta: { total: matching.length, page, pageSize } })
  })
  server.on((request) => {
    const match = /^\/api\/v1\/merchants\/(.+)$/.exec(request.path)
    const merchant = match && merchants.find((item) => item.id === decodeURIComponent(match[1]))
    return merchant ? ok({ data: merchant }) : undefined
  })
  useApiAt(server)
  useBatchLookupStore.getState().reset()
  resetResources()
})

const listed = () => within(screen.getByRole('list', { name: '商户' })).queryAllByRole('listitem')
const merchantQueries = () => server.requests.filter((request) => request.path === '/api/v1/merchants').map((request) => request.query.toString())

test('pages through the directory and filters by county and category', async () => {
  render(<MerchantsPage />)
  expect(await screen.findByText('共 45 家')).toBeInTheDocument()
  expect(listed()).toHaveLength(MERCHANTS_PAGE_SIZE)
  fireEvent.click(screen.getByRole('button', { name: '加载更多商户' }))
  expect(await screen.findByText('商户39')).toBeInTheDocument()
  expect(listed()).toHaveLength(40)

  fireEvent.click(screen.getByRole('tab', { name: '柯城区' }))
  fireEvent.click(screen.getByRole('tab', { name: '百货零售' }))
  expect(await screen.findByText('共 7 家')).toBeInTheDocument()
  expect(screen.getByRole('tab', { name: /柯城区/ })).toHaveAttribute('aria-selected', 'true')
  expect(merchantQueries().at(-1)).toBe('county=330802&category=retail&page=1&pageSize=20')
  expect(screen.getAllByText('百货零售 · 柯城区')).toHaveLength(7)
  expect(screen.getByRole('link', { name: '在商户3用哪张券最划算' })).toBeInTheDocument()
})

test('from a batch that names its shops, only those shops', async () => {
  const batch = makeBatch({ id: 'b-named', title: '指定商户券', merchants: { kind: 'merchants', merchantIds: ['m-1', 'm-3'] }, counties: ['330802'] })
  server.on((request) => (request.path === '/api/v1/batches' ? ok({ data: [asBatchView(batch)], meta: { serverTime: fromNow(0) } }) : undefined))
  setRouterParams({ batchId: 'b-named' })
  render(<MerchantsPage />)
  expect(await screen.findByText('本券适用：柯城区指定的 2 家商户')).toBeInTheDocument()
  expect(await screen.findByText('商户3')).toBeInTheDocument()
  expect(listed().map((item) => within(item).getByText(/^商户\d+$/).textContent)).toEqual(['商户1', '商户3'])
  expect(screen.queryByRole('tab', { name: '江山市' })).not.toBeInTheDocument()
})
