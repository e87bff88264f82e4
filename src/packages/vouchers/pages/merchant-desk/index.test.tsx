/**
 * 商户核销 against a real HTTP server: a redemption from code and amount to the result in words
 * for success and each refusal, the retry after a lost answer with the same key and order id, and
 * today's redemptions refunded in full or in part with what that does to the voucher.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { makeBatch } from '@/domain/vouchers/test-fixtures'
import type { Redemption } from '@/domain/vouchers/schema'
import { todayInShanghai } from '@/domain/time'
import { useSessionStore } from '@/store/session'
import { resetResources } from '@/store/resource'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import { fail, ok, apiTestServerForSuite, testSession, useApiAt } from '@/test/api-test-server'
import { asBatchView, fromNow, walletVoucherView } from '@/test/voucher-fixtures'
import { newOrderId, useMerchantDeskStore } from '@/packages/vouchers/store/merchant-desk'
import MerchantDeskPage from './index'

const batch = makeBatch({ id: 'b-20-5', title: '测试 满20减5' })
const neverBatch = makeBatch({ id: 'b-kecheng', title: '测试 柯城专场 满100减30', refund: 'never-restore' })
const CODE = 'AQEAAAAAAAAA.abcdefghijklmnopqrstuv'

function redemption(id: string, overrides: Partial<Redemption> = {}): Redemption {
  return {
    id,
    voucherId: `v-${id}`,
    batchId: batch.id,
    merchantId: 'm-noodles',
    orderId: `order-${id}`,
    orderAmountFen: 3200,
    discountFen: 500,
    redeemedAt: fromNow(-60_000),
    refund: null,
    ...overrides,
  }
}

const server = apiTestServerForSuite()
let today: Redemption[]

beforeEach(() => {
  today = [redemption('red-1'), redemption('red-2', { orderId: 'order-red-2' })]
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/merchant/redemptions' ? ok({ data: today }) : undefined))
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/batches' ? ok({ data: [batch, neverBatch].map((item) => asBatchView(item)) }) : undefined))
  resetResources()
  useBatchLookupStore.getState().reset()
  useApiAt(server)
  useSessionStore.setState({ session: testSession({ token: 'tok-merchant', role: 'merchant', merchantId: 'm-noodles', displayName: '示例商户-1' }) })
  useMerchantDeskStore.setState({ orderId: newOrderId(), attempt: null, redeeming: false, result: null, refundAttempts: {}, refunding: {}, refundResults: {} })
})

afterEach(() => jest.restoreAllMocks())

const redeemRequests = () => server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/merchant/redemptions')
const refundRequests = () => server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/merchant/refunds')

async function fillAndConfirm(amount = '26.5') {
  fireEvent.input(screen.getByRole('textbox', { name: '券码' }), { target: { value: ` ${CODE} ` } })
  fireEvent.input(screen.getByRole('textbox', { name: '订单金额（元）' }), { target: { value: amount } })
  fireEvent.click(screen.getByRole('button', { name: '确认核销' }))
}

test('a redemption goes out with the code, the amount in fen, a generated order id and a key; the result is in words', async () => {
  server.on((request) =>
    request.method === 'POST' && request.path === '/api/v1/merchant/redemptions'
      ? ok({ data: { redemption: redemption('red-new', { orderId: (request.body as { orderId: string }).orderId, orderAmountFen: 2650 }), voucher: walletVoucherView('v-red-new', batch, 'used') } }, 201)
      : undefined,
  )
  render(<MerchantDeskPage />)
  expect(await screen.findByText('今日核销（2 笔）')).toBeInTheDocument()
  expect(server.requests[0].query.get('date')).toBe(todayInShanghai())
  const orderId = (screen.getByRole('textbox', { name: '订单号' }) as HTMLInputElement).value
  expect(orderId).toMatch(/^QHT\d{14}-[0-9A-Z]{4}$/)

  await fillAndConfirm()
  expect(await screen.findByText('✓ 核销成功：优惠 ¥5，顾客实付 ¥21.50')).toBeInTheDocument()
  expect(screen.getByText('券：测试 满20减5')).toBeInTheDocument()
  const [sent] = redeemRequests()
  expect(sent.body).toEqual({ code: CODE, orderAmountFen: 2650, orderId })
  expect(sent.headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(sent.headers.authorization).toBe('Bearer tok-merchant')
  // Ready for the next customer: fields cleared, a new order id.
  expect(screen.getByRole('textbox', { name: '券码' })).toHaveValue('')
  expect((screen.getByRole('textbox', { name: '订单号' }) as HTMLInputElement).value).not.toBe(orderId)
})

test.each([
  ['BELOW_THRESHOLD', 409, '满20减5，还差 ¥3.50', '✗ 不能核销：订单金额没有达到使用门槛', '满20减5，还差 ¥3.50'],
  ['TOKEN_EXPIRED', 422, 'token expired', '✗ 不能核销：券码已过期', '券码已过期（每 30 秒更换），请让顾客出示当前的券码；若一直过期，请顾客把手机时间设为自动'],
  ['CODE_REUSED', 409, 'reused', '✗ 不能核销：这个券码已经用过了', '这个券码已经用过了，请让顾客出示当前的新券码'],
  ['TOKEN_FORGED', 422, 'bad signature', '✗ 不能核销：券码校验没有通过', '券码校验失败，请让顾客打开券包重新出示'],
  ['ALREADY_USED', 409, '这张券已经用过了', '✗ 不能核销：这张券已经用过了', '这张券已经用过了'],
  ['WRONG_MERCHANT', 409, '示例面馆 不在本券的适用商户名单中', '✗ 不能核销：本店不在这张券的适用商户名单里', '示例面馆 不在本券的适用商户名单中'],
  ['DAILY_CAP', 409, '本店今日已核销 50 张，达到每日 50 张上限，请明天再用', '✗ 不能核销：本店今天的核销已到上限', '本店今日已核销 50 张，达到每日 50 张上限，请明天再用'],
  ['EXPIRED', 409, '这张券已过期', '✗ 不能核销：这张券已过期', '这张券已过期'],
] as const)('%s is explained to the cashier', async (code, status, serverMessage, headline, detail) => {
  server.on((request) => (request.method === 'POST' && request.path === '/api/v1/merchant/redemptions' ? fail(status, code, serverMessage) : undefined))
  render(<MerchantDeskPage />)
  await fillAndConfirm('16.5')
  expect(await screen.findByText(headline)).toBeInTheDocument()
  expect(screen.getByText(detail)).toBeInTheDocument()
  expect(useMerchantDeskStore.getState().attempt).toBeNull()
})

test('a lost answer is resubmitted with the same key and order id, never as a second redemption', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  let drop = true
  server.on((request) => {
    if (request.method !== 'POST' || request.path !== '/api/v1/merchant/redemptions') return undefined
    if (drop) return { drop: true }
    return ok({ data: { redemption: redemption('red-new'), voucher: walletVoucherView('v-red-new', batch, 'used') } }, 201)
  })
  render(<MerchantDeskPage />)
  await fillAndConfirm()
  expect(await screen.findByText(/没有收到核销结果，点“重新提交”查看，不会重复核销/)).toBeInTheDocument()
  drop = false
  fireEvent.click(screen.getByRole('button', { name: '重新提交核销' }))
  expect(await screen.findByText(/✓ 核销成功/)).toBeInTheDocument()
  const [first, second] = redeemRequests()
  expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key'])
  expect(second.body).toEqual(first.body)
})

test('full refund restores the voucher, partial keeps it used, a second refund is refused — each in words', async () => {
  server.on((request) => {
    if (request.path !== '/api/v1/merchant/refunds') return undefined
    const { redemptionId, full } = request.body as { redemptionId: string; full: boolean }
    if (redemptionId === 'red-1') {
      today = today.map((item) => (item.id === 'red-1' ? { ...item, refund: { at: fromNow(0), full, restored: full } } : item))
      return ok({ data: { outcome: full ? 'RESTORED' : 'KEPT_USED_PARTIAL', voucher: walletVoucherView('v-red-1', batch, full ? 'returned-after-refund' : 'used') } })
    }
    return fail(409, 'ALREADY_REFUNDED', '这笔核销已经退过款了')
  })
  render(<MerchantDeskPage />)
  const list = await screen.findByRole('list', { name: '今日核销记录' })
  const rows = await within(list).findAllByRole('listitem')
  expect(within(rows[0]).getByText('订单 ¥32 · 优惠 ¥5')).toBeInTheDocument()
  expect(within(rows[0]).getByText('已核销')).toBeInTheDocument()

  fireEvent.click(within(rows[0]).getByRole('button', { name: '为订单 order-red-1 全额退款' }))
  expect(await within(rows[0]).findByText(/确认为订单 order-red-1 办理全额退款？券在有效期内会退回顾客券包，有效期不变；已过有效期则不退回。/)).toBeInTheDocument()
  fireEvent.click(within(rows[0]).getByRole('button', { name: '确认全额退款：订单 order-red-1' }))
  expect(await within(list).findByText('✓ 已全额退款，消费券已退回顾客的券包，有效期不变')).toBeInTheDocument()
  expect(await within(list).findByText('已全额退款，券已退回顾客')).toBeInTheDocument()
  expect(refundRequests()[0].body).toEqual({ redemptionId: 'red-1', full: true })
  expect(refundRequests()[0].headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

  const second = within(list).getAllByRole('listitem')[1]
  fireEvent.click(within(second).getByRole('button', { name: '为订单 order-red-2 部分退款' }))
  fireEvent.click(within(second).getByRole('button', { name: '确认部分退款：订单 order-red-2' }))
  expect(await within(list).findByText('✗ 这笔核销已经退过款了，不会重复处理')).toBeInTheDocument()
  expect(refundRequests()[1].body).toEqual({ redemptionId: 'red-2', full: false })
})

test('partial refund: the voucher stays used and the cashier is told so', async () => {
  server.on((request) =>
    request.path === '/api/v1/merchant/refunds' ? ok({ data: { outcome: 'KEPT_USED_PARTIAL', voucher: walletVoucherView('v-red-1', batch, 'used') } }) : undefined,
  )
  render(<MerchantDeskPage />)
  const list = await screen.findByRole('list', { name: '今日核销记录' })
  const [row] = await within(list).findAllByRole('listitem')
  fireEvent.click(within(row).getByRole('button', { name: '为订单 order-red-1 部分退款' }))
  expect(within(row).getByText(/部分退款时券不退回，顾客的券仍算已使用。/)).toBeInTheDocument()
  fireEvent.click(within(row).getByRole('button', { name: '确认部分退款：订单 order-red-1' }))
  expect(await within(row).findByText('✓ 已部分退款。部分退款时消费券不退回，顾客的券仍算已使用')).toBeInTheDocument()
})

test.each([
  // A batch that never gives a voucher back (柯城专场): nothing may promise the customer a return.
  ['never-restore', neverBatch, 'KEPT_USED_NO_RETURN', /这批消费券的规则是用过后退款也不退回/, '✓ 已全额退款。这批消费券的规则是用过后不退回', '已全额退款，本批券规则不退回'],
  // Returned while valid, but this voucher is past its validity: the promise was conditional, the result says why.
  ['restore within validity, expired', batch, 'KEPT_USED_EXPIRED', /券在有效期内会退回顾客券包，有效期不变；已过有效期则不退回/, '✓ 已全额退款。这张券已过有效期，所以不退回', '已全额退款，券已过有效期不退回'],
] as const)('full refund under the batch rule %s: the prompt and the result follow the rule', async (_rule, refundBatch, outcome, prompt, result, state) => {
  today = [redemption('red-3', { batchId: refundBatch.id, orderId: 'order-red-3' })]
  server.on((request) => {
    if (request.path !== '/api/v1/merchant/refunds') return undefined
    today = today.map((item) => ({ ...item, refund: { at: fromNow(0), full: true, restored: false } }))
    return ok({ data: { outcome, voucher: walletVoucherView('v-red-3', refundBatch, 'used') } })
  })
  render(<MerchantDeskPage />)
  const list = await screen.findByRole('list', { name: '今日核销记录' })
  const [row] = await within(list).findAllByRole('listitem')
  fireEvent.click(within(row).getByRole('button', { name: '为订单 order-red-3 全额退款' }))
  expect(await within(row).findByText(prompt)).toBeInTheDocument()
  if (refundBatch.refund === 'never-restore') expect(within(row).queryByText(/会退回顾客券包/)).not.toBeInTheDocument()
  fireEvent.click(within(row).getByRole('button', { name: '确认全额退款：订单 order-red-3' }))
  expect(await within(row).findByText(result)).toBeInTheDocument()
  expect(await within(row).findByText(state)).toBeInTheDocument()
})

test('a resident account is told this desk is for merchants', async () => {
  useSessionStore.setState({ session: testSession() })
  render(<MerchantDeskPage />)
  expect(screen.getByText(/当前账号（示例居民）不是商户账号/)).toBeInTheDocument()
  expect(screen.queryByRole('textbox', { name: '券码' })).not.toBeInTheDocument()
})
