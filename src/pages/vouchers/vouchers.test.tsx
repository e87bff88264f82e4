/**
 * The 消费券 tab against a real HTTP server on loopback: the rounds in each state, the claim
 * button through sign-in to every answer of docs/api-vouchers.md, the retry that must reuse the
 * Idempotency-Key, and the offline copy with its age.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import * as rounds from '@/domain/vouchers/rounds'
import { useMyClaimsStore } from '@/store/my-claims'
import { resetRemindersStore } from '@/store/reminders'
import { useSessionStore } from '@/store/session'
import { resetResources, resourceOf } from '@/store/resource'
import { BATCHES_KEY, loadBatches } from '@/store/voucher-batches'
import { useVoucherClaimsStore } from '@/store/voucher-claims'
import { devLoginHandler, fail, ok, apiTestServerForSuite, testSession, useApiAt, type RecordedRequest } from '@/test/api-test-server'
import { reminderHandler, type FakeReminderServer } from '@/test/reminder-fixtures'
import { batchView, claimedAnswer, fromNow, HOUR, walletVoucherView } from '@/test/voucher-fixtures'
import VouchersPage from './index'

const MINUTE = 60_000

function sampleBatches() {
  return [
    batchView('b-open', [{ id: 'r1', opensInMs: -HOUR, closesInMs: 5 * HOUR }], { r1: 37 }),
    batchView('b-upcoming', [{ id: 'r1', opensInMs: HOUR + 2 * MINUTE + 3000, closesInMs: 6 * HOUR }]),
    batchView(
      'b-soldout',
      [
        { id: 'r1', opensInMs: -HOUR, closesInMs: 5 * HOUR },
        { id: 'r2', opensInMs: 24 * HOUR, closesInMs: 30 * HOUR },
      ],
      { r1: 0, r2: 100 },
    ),
    batchView('b-closed', [{ id: 'r1', opensInMs: -5 * HOUR, closesInMs: -HOUR }]),
  ]
}

/** The open batch's rules, for the vouchers its claims answer with. */
const OPEN_BATCH = sampleBatches()[0]

const server = apiTestServerForSuite()

beforeEach(() => {
  process.env.TARO_APP_DEV_LOGIN = 'true'
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/batches' ? ok({ data: sampleBatches(), meta: { serverTime: fromNow(0) } }) : undefined))
  server.on(devLoginHandler())
  useApiAt(server)
  useSessionStore.setState({ session: null })
  resetResources()
  useVoucherClaimsStore.getState().reset()
  useVoucherClaimsStore.setState({ retryDelaysMs: [0, 0] })
  useMyClaimsStore.getState().reset()
})

afterEach(() => jest.restoreAllMocks())

const card = (id: string) => within(screen.getByRole('region', { name: `测试券 ${id}` }))
const claims = () => server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/claims'))

async function renderTab() {
  render(<VouchersPage />)
  await screen.findByRole('region', { name: '测试券 b-open' })
}

test('each round state reads in words: open with what is left, a countdown, sold out with the next round, closed', async () => {
  await renderTab()

  expect(card('b-open').getByText('第 1 轮进行中，剩余 37 张')).toBeInTheDocument()
  expect(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' })).not.toHaveAttribute('aria-disabled')
  expect(card('b-open').getByText('满20减5')).toBeInTheDocument()
  expect(card('b-open').getByText('有效期')).toBeInTheDocument()
  expect(card('b-open').getByText(/领取后 9 天有效/)).toBeInTheDocument()
  expect(card('b-open').getByText(/柯城区、衢江区的餐饮、商超便利类商户/)).toBeInTheDocument()

  expect(card('b-upcoming').getByRole('timer')).toHaveTextContent(/^01:02:0[23]$/)
  expect(card('b-upcoming').getByText(/开抢（北京时间），还有/)).toBeInTheDocument()
  expect(card('b-upcoming').getByRole('button', { name: /开抢：测试券 b-upcoming/ })).toHaveAttribute('aria-disabled', 'true')

  expect(card('b-soldout').getByText(/^第 1 轮已抢完，下一轮 .+ 开抢$/)).toBeInTheDocument()
  expect(card('b-soldout').getByRole('button', { name: '本轮已抢完：测试券 b-soldout' })).toHaveAttribute('aria-disabled', 'true')

  expect(card('b-closed').getByText('本批次领取已结束')).toBeInTheDocument()
  expect(card('b-closed').getByRole('button', { name: '领取已结束：测试券 b-closed' })).toHaveAttribute('aria-disabled', 'true')

  // Open first, then the next to open, then sold out, then over.
  const order = screen.getAllByRole('region').map((region) => region.getAttribute('aria-label')).filter((name) => name?.startsWith('测试券'))
  expect(order).toEqual(['测试券 b-open', '测试券 b-upcoming', '测试券 b-soldout', '测试券 b-closed'])
  expect(screen.getByRole('link', { name: '我的券包' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '用哪张最划算' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '适用商户' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '阅读（十五）政策原文' })).toBeInTheDocument()
})

test('claiming signs in first, sends the round with an Idempotency-Key, and says where the voucher went', async () => {
  server.on((request) =>
    request.path === '/api/v1/batches/b-open/claims' ? ok({ data: claimedAnswer('v-new', OPEN_BATCH) }, 201) : undefined,
  )
  await renderTab()
  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))

  expect(await card('b-open').findByText(/✓ 领取成功，已放入券包/)).toBeInTheDocument()
  const [login] = server.requests.filter((request) => request.path === '/api/v1/auth/dev')
  expect(login.body).toEqual({ name: expect.stringMatching(/^示例居民-[0-9a-z]{8}$/) })
  const [claim] = claims()
  expect(claim.body).toEqual({ roundId: 'r1' })
  expect(claim.headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(claim.headers.authorization).toBe('Bearer tok-dev-u-resident')
  expect(useSessionStore.getState().session?.userId).toBe('u-resident')
  expect(card('b-open').getByRole('link', { name: '去我的券包查看' })).toBeInTheDocument()
  expect(useVoucherClaimsStore.getState().pending).toEqual({})
})

test('after a claim the card shows it at once: one fewer left, 已领 n 张, the wallet link, then 本轮已领满', async () => {
  useSessionStore.setState({ session: testSession() })
  // The server's live count follows the claims it answered; the wallet starts empty.
  server.on((request) => {
    if (request.method === 'GET' && request.path === '/api/v1/batches') {
      return ok({ data: [batchView('b-open', [{ id: 'r1', opensInMs: -HOUR, closesInMs: 5 * HOUR }], { r1: 5 - claims().length })], meta: { serverTime: fromNow(0) } })
    }
    if (request.method === 'GET' && request.path === '/api/v1/me/vouchers') return ok({ data: [] })
    if (request.path === '/api/v1/batches/b-open/claims') {
      const voucher = walletVoucherView(`v-${claims().length}`, batchView('b-open', [{ id: 'r1', opensInMs: -HOUR, closesInMs: 5 * HOUR }]), 'usable')
      return ok({ data: { outcome: 'CLAIMED', voucher } }, 201)
    }
    return undefined
  })
  await renderTab()
  expect(card('b-open').getByText('第 1 轮进行中，剩余 5 张')).toBeInTheDocument()
  expect(card('b-open').queryByText(/已领/)).not.toBeInTheDocument()

  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))
  expect(await card('b-open').findByText(/✓ 领取成功/)).toBeInTheDocument()
  expect(card('b-open').getByText('第 1 轮进行中，剩余 4 张')).toBeInTheDocument()
  expect(card('b-open').getByText('已领 1 张（每人每轮限 2 张，本券共 3 张）')).toBeInTheDocument()
  expect(card('b-open').getByRole('link', { name: '去我的券包查看' })).toBeInTheDocument()
  expect(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' })).not.toHaveAttribute('aria-disabled')

  // The round allows two per person: after the second the button says so instead of 立即领取.
  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))
  expect(await card('b-open').findByText('已领 2 张（每人每轮限 2 张，本券共 3 张）')).toBeInTheDocument()
  expect(card('b-open').getByText('第 1 轮进行中，剩余 3 张')).toBeInTheDocument()
  expect(card('b-open').getByRole('button', { name: '本轮已领满：测试券 b-open' })).toHaveAttribute('aria-disabled', 'true')
  // Reading the list again (the server's count is up to a second old) keeps the new state.
  await act(() => loadBatches())
  expect(card('b-open').getByText('第 1 轮进行中，剩余 3 张')).toBeInTheDocument()
  expect(card('b-open').getByText('已领 2 张（每人每轮限 2 张，本券共 3 张）')).toBeInTheDocument()
})

test('提醒我 on each upcoming round (5 / 15 / 60 minutes before, 5 by default), and 到期前提醒我 right after a claim', async () => {
  resetRemindersStore()
  const reminders: FakeReminderServer = {
    reminders: [],
    wechat: false,
    subjects: {
      'b-upcoming:r1': { title: '测试券 b-upcoming', targetAt: fromNow(HOUR) },
      'v-new': { title: '测试券 b-open', targetAt: fromNow(9 * 24 * HOUR) },
    },
  }
  server.on(reminderHandler(reminders))
  server.on((request) =>
    request.path === '/api/v1/batches/b-open/claims'
      ? ok({ data: claimedAnswer('v-new', OPEN_BATCH, { validTo: fromNow(9 * 24 * HOUR) }) }, 201)
      : undefined,
  )
  await renderTab()
  const round = within(card('b-upcoming').getByRole('group', { name: '消费券开抢提醒：测试券 b-upcoming' }))
  expect(round.getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'))).toEqual(['开抢前 1 小时', '开抢前 15 分钟', '开抢前 5 分钟'])
  expect(round.getByRole('radio', { name: '开抢前 5 分钟' })).toHaveAttribute('aria-checked', 'true')
  // The sold-out batch's next round (tomorrow) has its own; rounds over or open have none.
  expect(card('b-soldout').getByRole('group', { name: '消费券开抢提醒：测试券 b-soldout（第 2 轮）' })).toBeInTheDocument()
  expect(card('b-open').queryByRole('group', { name: /消费券开抢提醒/ })).not.toBeInTheDocument()

  fireEvent.click(round.getByRole('button', { name: '提醒我：测试券 b-upcoming' }))
  expect(await round.findByText('已设置提醒：开抢前 5 分钟 · 应用内提醒（在「我的提醒」查看）', undefined, { timeout: 5000 })).toBeInTheDocument()
  const posted = server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/me/reminders')
  expect(posted.map((request) => request.body)).toEqual([{ kind: 'round-opening', subjectId: 'b-upcoming:r1', offsetsMs: [5 * MINUTE] }])

  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))
  const expiry = within(await card('b-open').findByRole('group', { name: '消费券到期提醒：测试券 b-open' }, { timeout: 5000 }))
  expect(expiry.getByRole('radio', { name: '到期前 1 天' })).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(expiry.getByRole('button', { name: '到期前提醒我：测试券 b-open' }))
  expect(await expiry.findByText(/已设置提醒：到期前 1 天/, undefined, { timeout: 5000 })).toBeInTheDocument()
})

test('a resident whose wallet holds the batch limit is not offered 立即领取', async () => {
  useSessionStore.setState({ session: testSession() })
  const open = batchView('b-open', [{ id: 'r1', opensInMs: -HOUR, closesInMs: 5 * HOUR }])
  server.on((request) =>
    request.method === 'GET' && request.path === '/api/v1/me/vouchers'
      ? ok({ data: ['v1', 'v2', 'v3'].map((id) => walletVoucherView(id, open, 'used', { roundId: 'r0' })) })
      : undefined,
  )
  await renderTab()
  expect(await card('b-open').findByRole('button', { name: '已领满：测试券 b-open' })).toHaveAttribute('aria-disabled', 'true')
  expect(card('b-open').getByText('已领 3 张（每人每轮限 2 张，本券共 3 张）')).toBeInTheDocument()
})

test.each([
  ['SOLD_OUT', 409, {}, /✗ 本轮已抢完，本批次没有后面的轮次了/],
  ['LIMIT_REACHED', 409, {}, /✗ 您已领满本券的限领张数（每人每轮 2 张，本券共 3 张）/],
  ['NOT_OPEN', 409, {}, /✗ 还没开抢/],
  ['CLOSED', 409, {}, /✗ 本轮领取已结束/],
  ['NOT_ELIGIBLE', 403, {}, /✗ 您不在本券的领取范围内/],
  ['NOT_FOUND', 404, {}, /✗ 这批消费券已下架/],
  ['RATE_LIMITED', 429, { 'Retry-After': '30' }, /⚠ 现在领券的人很多/],
] as const)('%s is told in plain words', async (code, status, headers, expected) => {
  useSessionStore.setState({ session: testSession() })
  server.on((request) => (request.path === '/api/v1/batches/b-open/claims' ? fail(status, code, 'server words', headers) : undefined))
  await renderTab()
  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))
  expect(await card('b-open').findByText(expected)).toBeInTheDocument()
  expect(useVoucherClaimsStore.getState().pending).toEqual({})
  if (code === 'RATE_LIMITED') {
    const button = card('b-open').getByRole('button', { name: '请稍后再试：测试券 b-open' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(within(button).getByRole('timer')).toHaveTextContent(/^(30|29) 秒$/)
  }
})

test('a batch for one county\'s residents lets the person say where they live, then claims again', async () => {
  useSessionStore.setState({ session: testSession() })
  server.on((request) =>
    request.path === '/api/v1/batches'
      ? ok({ data: [batchView('b-kecheng', [{ id: 'r1', opensInMs: -HOUR, closesInMs: HOUR }], { r1: 5 }, { residentCounties: ['330802'] })], meta: { serverTime: fromNow(0) } })
      : undefined,
  )
  let county: string | null = null
  server.on((request) => {
    if (request.method === 'PUT' && request.path === '/api/v1/me/resident-county') {
      county = (request.body as { county: string }).county
      return ok({ data: { county } })
    }
    if (request.path === '/api/v1/batches/b-kecheng/claims') {
      return county === '330802' ? ok({ data: claimedAnswer('v1', OPEN_BATCH) }, 201) : fail(403, 'NOT_ELIGIBLE', '本券限柯城区居民领取')
    }
    return undefined
  })
  render(<VouchersPage />)
  fireEvent.click(await screen.findByRole('button', { name: '立即领取：测试券 b-kecheng' }))
  expect(await screen.findByText('✗ 本券只限柯城区居民领取')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '我是柯城区居民' }))
  expect(await screen.findByText(/✓ 领取成功/)).toBeInTheDocument()
  const [refused, claimed] = claims()
  expect(claimed.headers['idempotency-key']).not.toBe(refused.headers['idempotency-key'])
})

test('after a network error the retry sends the SAME Idempotency-Key; a new tap after an answer sends a new one', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  useSessionStore.setState({ session: testSession() })
  let answer: 'drop' | 'claimed' | 'limit' = 'drop'
  server.on((request) => {
    if (request.path !== '/api/v1/batches/b-open/claims') return undefined
    if (answer === 'drop') return { drop: true }
    if (answer === 'claimed') return ok({ data: claimedAnswer('v1', OPEN_BATCH) }, 201)
    return fail(409, 'LIMIT_REACHED', '您已领满')
  })
  await renderTab()
  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))

  // The first try and both automatic retries go unanswered: the key is kept and offered again.
  const retry = await card('b-open').findByRole('button', { name: '重试领取：测试券 b-open' })
  expect(card('b-open').getByText(/网络不稳定，没有收到领取结果.*不会重复领券/)).toBeInTheDocument()
  expect(claims()).toHaveLength(3)
  const key = claims()[0].headers['idempotency-key']
  expect(useVoucherClaimsStore.getState().pending['b-open']?.key).toBe(key)

  answer = 'claimed'
  fireEvent.click(retry)
  expect(await card('b-open').findByText(/✓ 领取成功/)).toBeInTheDocument()
  expect(claims()).toHaveLength(4)
  expect(new Set(claims().map((request: RecordedRequest) => request.headers['idempotency-key']))).toEqual(new Set([key]))
  expect(claims().map((request) => request.body)).toEqual(Array(4).fill({ roundId: 'r1' }))

  answer = 'limit'
  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))
  expect(await card('b-open').findByText(/✗ 您已领满本券的限领张数/)).toBeInTheDocument()
  expect(claims()[4].headers['idempotency-key']).not.toBe(key)
})

test('503 CLAIM_BUSY (the server\'s Redis restarting): the claim waits the Retry-After it was given and retries with the SAME key until answered', async () => {
  useSessionStore.setState({ session: testSession() })
  let busy = 3
  server.on((request) => {
    if (request.path !== '/api/v1/batches/b-open/claims') return undefined
    if (busy-- > 0) return fail(503, 'CLAIM_BUSY', '领券的人太多，系统正在处理，请 1 秒后再试（不会重复领券）', { 'Retry-After': '1' })
    return ok({ data: claimedAnswer('v1', OPEN_BATCH) }, 201)
  })
  const times: number[] = []
  server.on((request) => {
    if (request.path === '/api/v1/batches/b-open/claims') times.push(Date.now())
    return undefined
  })
  await renderTab()
  fireEvent.click(card('b-open').getByRole('button', { name: '立即领取：测试券 b-open' }))
  expect(await card('b-open').findByText(/✓ 领取成功/, undefined, { timeout: 6000 })).toBeInTheDocument()
  expect(claims()).toHaveLength(4)
  expect(new Set(claims().map((request) => request.headers['idempotency-key'])).size).toBe(1)
  for (let index = 1; index < times.length; index += 1) expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(900)
}, 10_000)

test('an unanswered claim survives closing the app: the key is on the phone and 重试领取 uses it', async () => {
  useSessionStore.setState({ session: testSession() })
  useVoucherClaimsStore.setState({ pending: { 'b-open': { key: 'claim-kept-key-1', batchId: 'b-open', body: { roundId: 'r1' }, createdAt: Date.now() - MINUTE } } })
  expect(localStorage.getItem('qht:voucher-claims')).toContain('claim-kept-key-1')
  server.on((request) => (request.path === '/api/v1/batches/b-open/claims' ? ok({ data: claimedAnswer('v1', OPEN_BATCH) }, 201) : undefined))
  await renderTab()
  expect(card('b-open').getByText(/上次领取没有收到结果/)).toBeInTheDocument()
  fireEvent.click(card('b-open').getByRole('button', { name: '重试领取：测试券 b-open' }))
  expect(await card('b-open').findByText(/✓ 领取成功/)).toBeInTheDocument()
  expect(claims()[0].headers['idempotency-key']).toBe('claim-kept-key-1')
})

test('offline, the last copy is shown with how old it is', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  await renderTab()
  expect(screen.getByText(/^数据更新于/)).toBeInTheDocument()
  act(() => resetResources())

  server.reset()
  server.on(() => ({ drop: true }))
  await act(() => loadBatches())
  expect(await screen.findByText(/⚠ 网络不可用，显示的是上次的数据。数据更新于 .+（刚刚）/)).toBeInTheDocument()
  // Remaining counts of an old copy are not repeated as if live.
  expect(card('b-open').getByText('第 1 轮进行中')).toBeInTheDocument()
})

describe('the countdown', () => {
  afterEach(() => jest.useRealTimers())

  test('ticks every second on its own: the page does not work out the rounds again', async () => {
    const batches = [batchView('b-soon', [{ id: 'r1', opensInMs: 5000, closesInMs: HOUR }])]
    server.on((request) => (request.path === '/api/v1/batches' ? ok({ data: batches, meta: { serverTime: fromNow(0) } }) : undefined))
    // A fake clock, but the page reads the list from the loopback server: let the fetch's own
    // timers run a millisecond at a time until the answer is in.
    const realSetTimeout = setTimeout
    jest.useFakeTimers()
    const roundState = jest.spyOn(rounds, 'roundState')
    render(<VouchersPage />)
    for (let step = 0; step < 200 && resourceOf(BATCHES_KEY).source !== 'server'; step += 1) {
      await act(async () => {
        jest.advanceTimersByTime(1)
        await new Promise((resolve) => realSetTimeout(resolve, 1))
      })
    }
    const timer = card('b-soon').getByRole('timer')
    expect(timer).toHaveTextContent('00:00:05')

    const callsBefore = roundState.mock.calls.length
    await act(async () => {
      jest.advanceTimersByTime(1010)
    })
    expect(timer).toHaveTextContent('00:00:04')
    await act(async () => {
      jest.advanceTimersByTime(2000)
    })
    expect(timer).toHaveTextContent('00:00:02')
    expect(roundState.mock.calls.length).toBe(callsBefore)

    // At the opening the page looks again, and the round is open.
    await act(async () => {
      jest.advanceTimersByTime(2100)
    })
    expect(card('b-soon').getByRole('button', { name: '立即领取：测试券 b-soon' })).not.toHaveAttribute('aria-disabled')
  })
})
