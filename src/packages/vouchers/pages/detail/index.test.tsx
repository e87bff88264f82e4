/**
 * The voucher detail page's code at the till: the voucher's secret is fetched once and kept; the
 * code is derived on the phone every 30 s with no request (src/domain/vouchers/offline-code.ts),
 * so it still verifies hours later with the network gone; a phone that never had the secret says
 * it needs the network once. Jest fake timers drive the clock, so the API is answered in-process
 * (src/test/api-test-server.ts) through the real client.
 */
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { createHmac } from 'node:crypto'
import {
  deriveOfflineCodeSecret,
  encodeOfflineCodeSecret,
  OFFLINE_CODE_STEP_SECONDS,
  verifyOfflineCode,
} from '@/domain/vouchers/offline-code'
import type { Hmac } from '@/domain/vouchers/redemption-token'
import { toIsoShanghaiMs } from '@/domain/time/shanghai'
import { makeBatch } from '@/domain/vouchers/test-fixtures'
import type { WalletStatus } from '@/domain/vouchers/validity'
import type { OfflineCodeKey } from '@/services/api/vouchers'
import { resetResources } from '@/store/resource'
import { useSessionStore } from '@/store/session'
import { devLoginHandler, fail, inProcessApiServer, ok, testSession, useApiAt, type Reply } from '@/test/api-test-server'
import { setRouterParams } from '@/test/taro-shim'
import { asBatchView, walletVoucherView } from '@/test/voucher-fixtures'
import { useBatchLookupStore } from '@/packages/vouchers/store/batch-lookup'
import { useOfflineKeysStore } from '@/packages/vouchers/store/offline-keys'
import VoucherDetailPage from './index'

const batch = makeBatch({ id: 'b-20-5', title: '测试 满20减5' })
const serverHmac: Hmac = (message) => createHmac('sha256', 'server-key').update(message).digest()
const keys = { serverHmac, hmac: (key: Uint8Array, message: string) => createHmac('sha256', key).update(message).digest() }
const STEP_MS = OFFLINE_CODE_STEP_SECONDS * 1000

function keyNow(): OfflineCodeKey {
  const secret = deriveOfflineCodeSecret({ voucherId: 'v1', ownerId: 'u-resident' }, serverHmac)
  return {
    voucherId: 'v1',
    ownerId: 'u-resident',
    secret: encodeOfflineCodeSecret(secret),
    stepSeconds: 30,
    skewSteps: 2,
    serverTime: toIsoShanghaiMs(Date.now()),
    validTo: toIsoShanghaiMs(Date.now() + 9 * 86_400_000),
  }
}

const server = inProcessApiServer()
const keyCalls = () => server.requests.filter((request) => request.path === '/api/v1/me/vouchers/v1/offline-key').length
let nextKey: () => Reply
let voucher: () => Reply

/** The server of a resident holding voucher v1 of the 满20减5 batch in this status. */
function serveVoucher(status: WalletStatus = 'usable') {
  voucher = () => ok({ data: walletVoucherView('v1', batch, status) })
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/me/vouchers/v1' ? voucher() : undefined))
  server.on((request) => (request.method === 'POST' && request.path === '/api/v1/me/vouchers/v1/offline-key' ? nextKey() : undefined))
  server.on((request) =>
    request.path === '/api/v1/batches'
      ? ok({ data: [asBatchView(batch)], meta: { serverTime: toIsoShanghaiMs(Date.now()) } })
      : undefined,
  )
}

const networkDown = (): Reply => ({ drop: true })
const flush = () => act(async () => undefined)
const advance = (ms: number) =>
  act(async () => {
    jest.advanceTimersByTime(ms)
  })
const shownToken = () => screen.getByText(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).textContent!

beforeEach(() => {
  jest.useFakeTimers()
  localStorage.clear()
  setRouterParams({ id: 'v1' })
  server.reset()
  useApiAt(server)
  process.env.TARO_APP_DEV_LOGIN = 'true'
  server.on(devLoginHandler())
  useSessionStore.setState({ session: testSession() })
  nextKey = () => ok({ data: keyNow() })
  useOfflineKeysStore.setState({ keys: {} })
  useBatchLookupStore.getState().reset()
  resetResources()
})
afterEach(() => jest.useRealTimers())

test('the secret is fetched once; the code changes every 30 s on the phone and each one verifies', async () => {
  serveVoucher()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByRole('img', { name: '消费券二维码，请出示给收银员扫描' })).toBeInTheDocument()
  expect(screen.getByText('⟳ 每 30 秒自动更换，截图无效；没有网络也能出示')).toBeInTheDocument()
  expect(screen.getByText('满20减5', { selector: '.amount' })).toBeInTheDocument()
  expect(await screen.findByText('每人每轮限领 2 张，本券每人共限领 3 张')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '扫不出来？显示券码文字' }))
  const first = shownToken()
  expect(verifyOfflineCode(first, Date.now(), keys)).toMatchObject({ ok: true })

  await advance(STEP_MS - (Date.now() % STEP_MS) + 10)
  const second = shownToken()
  expect(second).not.toBe(first)
  expect(verifyOfflineCode(second, Date.now(), keys)).toMatchObject({ ok: true })
  await advance(10 * STEP_MS)
  expect(shownToken()).not.toBe(second)
  expect(keyCalls()).toBe(1)
})

test('two hours later with the network gone, a kept secret still shows a code the server accepts', async () => {
  serveVoucher()
  const first = render(<VoucherDetailPage />)
  await flush()
  expect(keyCalls()).toBe(1)
  first.unmount()

  nextKey = networkDown
  voucher = networkDown
  await advance(2 * 60 * 60 * 1000)
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByText('○ 现在没有网络：显示的是上次联网时的券信息，券码照常可以出示')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '扫不出来？显示券码文字' }))
  expect(verifyOfflineCode(shownToken(), Date.now(), keys)).toMatchObject({ ok: true })
  // One quiet attempt to refresh the two-hour-old secret: it fails offline and changes nothing.
  expect(keyCalls()).toBe(2)
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('a phone that never had the secret says it needs the network once, retries, and shows the code when it is back', async () => {
  nextKey = networkDown
  serveVoucher()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.queryByRole('img', { name: /消费券二维码/ })).not.toBeInTheDocument()
  expect(screen.getByText(/第一次出示券码需要联网/)).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent('网络连接失败，请检查网络后重试（会自动重试）')
  nextKey = () => ok({ data: keyNow() })
  await advance(5_000)
  expect(screen.getByRole('img', { name: /消费券二维码/ })).toBeInTheDocument()
  expect(keyCalls()).toBe(2)
})

test('a phone clock far off the server is told to set its time automatically', async () => {
  nextKey = () => ok({ data: { ...keyNow(), serverTime: toIsoShanghaiMs(Date.now() - 5 * 60_000) } })
  serveVoucher()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByRole('alert')).toHaveTextContent('手机时间与北京时间相差约 300 秒')
})

test.each(['used', 'expired'] as const)('a voucher that is %s shows no code and never asks for a secret', async (status) => {
  serveVoucher(status)
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.queryByRole('img', { name: /消费券二维码/ })).not.toBeInTheDocument()
  expect(screen.getByText(status === 'used' ? '● 已使用' : '✗ 已过期')).toBeInTheDocument()
  await advance(120_000)
  expect(keyCalls()).toBe(0)
})

test('the server saying NOT_USABLE stops asking', async () => {
  nextKey = () => fail(409, 'NOT_USABLE', '这张券已经用过了')
  serveVoucher()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByText('✗ 这张券已经用过了')).toBeInTheDocument()
  await advance(120_000)
  expect(keyCalls()).toBe(1)
})

describe('when there is no voucher to show', () => {
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })
  afterEach(() => navigateTo.mockRestore())

  test('an unknown id says 找不到这张券 and leads to 我的券包', async () => {
    setRouterParams({ id: 'not-a-voucher' })
    server.on((request) => (request.path.startsWith('/api/v1/me/vouchers/') ? fail(404, 'NOT_FOUND', '找不到这张券') : undefined))
    render(<VoucherDetailPage />)
    await flush()
    expect(server.requests.map((request) => request.path)).toEqual(['/api/v1/me/vouchers/not-a-voucher'])
    expect(screen.getByRole('heading', { name: '✗ 找不到这张券' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '去领消费券' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('link', { name: '打开我的券包' }))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/vouchers/pages/wallet/index' })
  })

  test('no id at all: the same state, without asking the server', async () => {
    setRouterParams({})
    render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '✗ 找不到这张券' })).toBeInTheDocument()
    expect(server.requests).toEqual([])
  })

  test('signing in fails: 请先登录后查看 with the reason, and 登录 tries again', async () => {
    serveVoucher()
    // Nobody signed in, on an H5 build without the development login: signing in cannot work.
    useSessionStore.setState({ session: null })
    delete process.env.TARO_APP_DEV_LOGIN
    const logins = () => server.requests.filter((request) => request.path === '/api/v1/auth/dev').length
    render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '请先登录后查看' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('网页版不能登录')
    expect(screen.getByRole('link', { name: '打开我的券包' })).toBeInTheDocument()

    expect(logins()).toBe(0)
    process.env.TARO_APP_DEV_LOGIN = 'true'
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await flush()
    expect(logins()).toBe(1)
    expect(screen.getByText('满20减5', { selector: '.amount' })).toBeInTheDocument()
  })

  test('an expired session (401) also asks to sign in; a network failure offers 重试', async () => {
    let answer: Reply = fail(401, 'UNAUTHORIZED', '登录已过期，请重新登录')
    server.on((request) => (request.path === '/api/v1/me/vouchers/v1' ? answer : undefined))
    const { unmount } = render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '请先登录后查看' })).toBeInTheDocument()
    unmount()

    answer = networkDown()
    useSessionStore.setState({ session: testSession() })
    render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '暂时打不开这张券' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('✗ 网络连接失败，请检查网络后重试')
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument()
  })
})
