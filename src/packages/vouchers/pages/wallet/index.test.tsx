/**
 * 我的券包 against a real HTTP server: each filter asks the server for its status and shows every
 * voucher's status in words and a mark, not colour alone; opening it signs in when needed.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { makeBatch } from '@/domain/vouchers/test-fixtures'
import type { WalletStatus } from '@/domain/vouchers/validity'
import { resetRemindersStore } from '@/store/reminders'
import { resetResources } from '@/store/resource'
import { useSessionStore } from '@/store/session'
import { devLoginHandler, fail, ok, apiTestServerForSuite, testSession, useApiAt } from '@/test/api-test-server'
import { reminderHandler, type FakeReminderServer } from '@/test/reminder-fixtures'
import { walletVoucherView } from '@/test/voucher-fixtures'
import WalletPage from './index'

const batch = makeBatch({ id: 'b-20-5', title: '测试 满20减5' })
const WALLET: Record<WalletStatus, ReturnType<typeof walletVoucherView>[]> = {
  usable: [walletVoucherView('v-usable', batch, 'usable')],
  used: [walletVoucherView('v-used', batch, 'used')],
  expired: [walletVoucherView('v-expired', batch, 'expired')],
  'returned-after-refund': [walletVoucherView('v-returned', batch, 'returned-after-refund')],
}

const server = apiTestServerForSuite()

beforeEach(() => {
  process.env.TARO_APP_DEV_LOGIN = 'true'
  server.on(devLoginHandler())
  server.on((request) =>
    request.method === 'GET' && request.path === '/api/v1/me/vouchers'
      ? ok({
          data: request.query.get('status') ? (WALLET[request.query.get('status') as WalletStatus] ?? []) : Object.values(WALLET).flat(),
        })
      : undefined,
  )
  useApiAt(server)
  resetResources()
  useSessionStore.setState({ session: null })
})

const walletRequests = () => server.requests.filter((request) => request.path === '/api/v1/me/vouchers')

test('opens on 可使用 after signing in, and each filter shows its vouchers with the status in words', async () => {
  render(<WalletPage />)
  expect(await screen.findByText('✓ 可使用')).toBeInTheDocument()
  expect(server.requests[0].path).toBe('/api/v1/auth/dev')
  expect(walletRequests()[0].query.get('status')).toBeNull()
  expect(walletRequests()[0].headers.authorization).toBe('Bearer tok-dev-u-resident')
  expect(screen.getByRole('tab', { name: /可使用/ })).toHaveAttribute('aria-selected', 'true')
  expect(screen.getByRole('link', { name: /测试 满20减5，满20减5，有效期至/ })).toBeInTheDocument()
  // A voucher given back by a full refund can be spent again: it is listed under 可使用 too, with its note.
  const usable = screen.getByRole('list', { name: '可使用的券' })
  expect(within(usable).getAllByRole('listitem')).toHaveLength(2)
  expect(within(usable).getByText('↩ 退款已退回')).toBeInTheDocument()
  expect(within(usable).getByText(/全额退款后退回，仍可使用，有效期至/)).toBeInTheDocument()
  expect(within(usable).queryByText('● 已使用')).not.toBeInTheDocument()

  const cases: [string, string, RegExp][] = [
    ['已使用', '● 已使用', /已于 .+ 使用/],
    ['已过期', '✗ 已过期', /已于 .+ 过期/],
    ['退款已退回', '↩ 退款已退回', /全额退款后退回，仍可使用，有效期至/],
  ]
  for (const [tab, badge, line] of cases) {
    fireEvent.click(screen.getByRole('tab', { name: new RegExp(tab) }))
    const list = await screen.findByRole('list', { name: `${tab}的券` })
    expect(await within(list).findByText(badge)).toBeInTheDocument()
    expect(within(list).getByText(line)).toBeInTheDocument()
    expect(within(list).getAllByRole('listitem')).toHaveLength(1)
    expect(screen.getByRole('tab', { name: new RegExp(tab) })).toHaveAttribute('aria-selected', 'true')
  }
  expect(walletRequests().map((request) => request.query.get('status'))).toEqual([null, 'used', 'expired', 'returned-after-refund'])
})

test('每张可使用的券 offers 到期前提醒我 (1 day before by default); used ones do not', async () => {
  useSessionStore.setState({ session: testSession() })
  resetRemindersStore()
  const reminders: FakeReminderServer = { reminders: [], wechat: false, subjects: { 'v-usable': { title: '测试 满20减5', targetAt: WALLET.usable[0].validTo } } }
  server.on(reminderHandler(reminders))
  render(<WalletPage />)
  const usable = await screen.findByRole('list', { name: '可使用的券' })
  const groups = await within(usable).findAllByRole('group', { name: '消费券到期提醒：测试 满20减5' })
  expect(groups).toHaveLength(2)
  const first = within(groups[0])
  expect(first.getByRole('radio', { name: '到期前 1 天' })).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(first.getByRole('button', { name: '到期前提醒我：测试 满20减5' }))
  expect(await first.findByText(/已设置提醒：到期前 1 天/, undefined, { timeout: 5000 })).toBeInTheDocument()
  expect(server.requests.find((request) => request.method === 'POST' && request.path === '/api/v1/me/reminders')?.body).toEqual({
    kind: 'voucher-expiring',
    subjectId: 'v-usable',
    offsetsMs: [86_400_000],
  })
  fireEvent.click(screen.getByRole('tab', { name: /已使用/ }))
  const used = await screen.findByRole('list', { name: '已使用的券' })
  await within(used).findByText('● 已使用')
  expect(within(used).queryByRole('group', { name: /到期提醒/ })).not.toBeInTheDocument()
})

test('an empty filter says so and points to the 消费券 tab', async () => {
  useSessionStore.setState({ session: testSession() })
  server.on((request) => (request.path === '/api/v1/me/vouchers' ? ok({ data: [] }) : undefined))
  render(<WalletPage />)
  expect(await screen.findByText('没有可使用的券。')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '去领消费券' })).toBeInTheDocument()
})

test('a wallet that cannot be loaded says why in Chinese, and 重试 loads it', async () => {
  useSessionStore.setState({ session: testSession() })
  let failures = 1
  server.on((request) =>
    request.path === '/api/v1/me/vouchers' && failures-- > 0 ? fail(503, 'UNAVAILABLE', '服务繁忙，请稍后再试') : undefined,
  )
  render(<WalletPage />)
  expect(await screen.findByRole('alert')).toHaveTextContent('服务繁忙，请稍后再试')
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect(await screen.findByText('✓ 可使用')).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(walletRequests()).toHaveLength(2)
})

test('a long wallet shows 20 at a time', async () => {
  useSessionStore.setState({ session: testSession() })
  const many = Array.from({ length: 45 }, (_, index) => walletVoucherView(`v-${index}`, batch, 'usable'))
  server.on((request) => (request.path === '/api/v1/me/vouchers' ? ok({ data: many }) : undefined))
  render(<WalletPage />)
  const list = await screen.findByRole('list', { name: '可使用的券' })
  expect(await within(list).findAllByRole('listitem')).toHaveLength(20)
  fireEvent.click(screen.getByRole('button', { name: '显示更多（还有 25 张）' }))
  expect(within(list).getAllByRole('listitem')).toHaveLength(40)
})
