/**
 * 用哪张最划算 against a real HTTP server: the amount as typed (parsed by the domain, errors in
 * Chinese under the field), the best voucher and why each other one was not picked, with and
 * without a chosen shop.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { setRouterParams } from '@/test/taro-shim'
import { makeBatch, NOODLES } from '@/domain/vouchers/test-fixtures'
import type { Merchant } from '@/domain/vouchers/schema'
import { useSessionStore } from '@/store/session'
import { resetResources } from '@/store/resource'
import { ok, apiTestServerForSuite, testSession, useApiAt } from '@/test/api-test-server'
import { asBatchView, walletVoucherView, fromNow, HOUR } from '@/test/voucher-fixtures'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import BestVoucherPage from './index'

const small = makeBatch({ id: 'b-20-5', title: '小额券' })
const middle = makeBatch({ id: 'b-40-10', title: '中额券', faceValueFen: 1000, thresholdFen: 4000, merchants: { kind: 'categories', categories: ['catering', 'supermarket', 'retail'] } })
const large = makeBatch({ id: 'b-100-30', title: '面馆专享券', faceValueFen: 3000, thresholdFen: 10000, merchants: { kind: 'merchants', merchantIds: [NOODLES.id] } })
const SHOP: Merchant = { id: 'm-shop', name: '百货小店', county: '330802', category: 'retail', address: '柯城区' }

const server = apiTestServerForSuite()

beforeEach(() => {
  setRouterParams({})
  server.on((request) => (request.path === '/api/v1/batches' ? ok({ data: [small, middle, large].map((item) => asBatchView(item)), meta: { serverTime: fromNow(0) } }) : undefined))
  server.on((request) =>
    request.path === '/api/v1/me/vouchers'
      ? ok({
          data: [
            walletVoucherView('v-small', small, 'usable'),
            walletVoucherView('v-middle', middle, 'returned-after-refund'),
            walletVoucherView('v-large', large, 'usable', { validTo: fromNow(5 * HOUR) }),
            walletVoucherView('v-used', small, 'used'),
          ],
        })
      : undefined,
  )
  server.on((request) => (request.path === '/api/v1/merchants/m-shop' ? ok({ data: SHOP }) : undefined))
  server.on((request) => (request.path === '/api/v1/merchants' ? ok({ data: [NOODLES, SHOP], meta: { total: 2, page: 1, pageSize: 30 } }) : undefined))
  useApiAt(server)
  useSessionStore.setState({ session: testSession() })
  useBatchLookupStore.getState().reset()
  resetResources()
})

const bill = () => screen.getByRole('textbox', { name: '这笔消费多少钱（元）' })
const result = () => within(screen.getByRole('region', { name: '推荐结果' }))

async function typeBill(text: string) {
  fireEvent.input(bill(), { target: { value: text } })
}

test('picks the voucher that saves most and says why each other one was not picked', async () => {
  render(<BestVoucherPage />)
  expect(screen.getByText('填写金额后，这里会告诉您用哪张券最划算。')).toBeInTheDocument()
  await typeBill('￥45')
  expect(await result().findByText(/✓ 用这张省 ¥10，实付 ¥35（未选择商户，使用前请确认该店可用）/)).toBeInTheDocument()
  expect(result().getByText('中额券')).toBeInTheDocument()
  const others = within(result().getByRole('list', { name: '其他券为什么没选' }))
  expect(others.getByText('○ 满20减5 · 小额券')).toBeInTheDocument()
  expect(others.getByText('可用，但只省 ¥5')).toBeInTheDocument()
  expect(others.getByText('✗ 满100减30 · 面馆专享券')).toBeInTheDocument()
  expect(others.getByText('满100减30，还差 ¥55')).toBeInTheDocument()
  // The used voucher is not a candidate at all.
  expect(others.getAllByRole('listitem')).toHaveLength(2)
})

test('the amount is kept as typed and a mistake is explained in Chinese under the field', async () => {
  render(<BestVoucherPage />)
  await typeBill('45.678')
  expect(await screen.findByRole('alert')).toHaveTextContent(/✗ .*(小数|分)/)
  expect(bill()).toHaveValue('45.678')
  await typeBill('abc')
  expect(screen.getByRole('alert')).toHaveTextContent(/✗ /)
  await typeBill('1,200')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(await result().findByText(/✓ 用这张省 ¥30，实付 ¥1,170/)).toBeInTheDocument()
})

test('with a shop chosen, shop rules count: a retail shop takes neither the 餐饮/商超 nor the 面馆 voucher', async () => {
  setRouterParams({ merchantId: 'm-shop' })
  render(<BestVoucherPage />)
  expect(await screen.findByRole('radio', { name: '百货小店，百货零售' })).toHaveAttribute('aria-checked', 'true')
  await typeBill('150')
  expect(await result().findByText('✓ 用这张省 ¥10，实付 ¥140')).toBeInTheDocument()
  expect(result().getByText(/本券限餐饮、商超便利类商户使用，百货小店 属于百货零售/)).toBeInTheDocument()
  expect(result().getByText('百货小店 不在本券的适用商户名单中')).toBeInTheDocument()

  // Choosing the noodle shop in 柯城区 instead makes its own voucher the best.
  fireEvent.click(screen.getByRole('tab', { name: '柯城区' }))
  fireEvent.click(await screen.findByRole('radio', { name: '面馆，餐饮' }))
  expect(await result().findByText('✓ 用这张省 ¥30，实付 ¥120')).toBeInTheDocument()
})
