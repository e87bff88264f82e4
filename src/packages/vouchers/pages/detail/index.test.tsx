/**
 * The voucher detail page's QR code: fetched when the page opens, fetched again before refreshAt
 * (measured on the server clock inside the token), hidden when it expires without a successor,
 * and never asked for when the voucher cannot be used. Jest fake timers drive the minute.
 */
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { issueRedemptionToken } from '../../../../domain/vouchers/redemption-token'
import { toIsoShanghaiMs } from '../../../../domain/time/shanghai'
import { makeBatch } from '../../../../domain/vouchers/test-fixtures'
import type { WalletStatus } from '../../../../domain/vouchers/validity'
import { ApiError } from '../../../../services/api/errors'
import type { RedemptionCode, VoucherApi } from '../../../../services/api/vouchers'
import { useVoucherBatchesStore } from '../../../../store/voucher-batches'
import { useVoucherServices } from '../../../../store/voucher-services'
import { testSession } from '../../../../test/api-test-server'
import { setRouterParams } from '../../../../test/taro-shim'
import { walletVoucherView } from '../../../../test/voucher-fixtures'
import { useBatchLookupStore } from '../../store/batch-lookup'
import VoucherDetailPage from './index'

const batch = makeBatch({ id: 'b-20-5', title: '测试 满20减5' })
const hmac = () => new Uint8Array(32).fill(7)

function codeAt(issuedAt: number): RedemptionCode {
  const { token, payload } = issueRedemptionToken({ voucherId: 'v1', ownerId: 'u-resident', issuedAt }, hmac)
  return { token, expiresAt: toIsoShanghaiMs(payload.expiresAt), refreshAt: toIsoShanghaiMs(payload.expiresAt - 10_000) }
}

let codeCalls: number[]
let nextCode: () => Promise<{ data: RedemptionCode; fetchedAt: number; fromCache: false }>

function useFakeApi(status: WalletStatus = 'usable') {
  const fake: Partial<VoucherApi> = {
    getMyVoucher: async () => ({ data: walletVoucherView('v1', batch, status), fetchedAt: Date.now(), fromCache: false }),
    peekBatches: () => null,
    getBatches: async () => ({ data: [{ ...batch, updatedAt: batch.rounds[0].opensAt, live: { serverTime: toIsoShanghaiMs(Date.now()), remainingByRound: {}, claimedByRound: {} } }], fetchedAt: Date.now(), fromCache: false }),
    getVoucherCode: () => {
      codeCalls.push(Date.now())
      return nextCode()
    },
  }
  useVoucherServices.setState({ api: fake as VoucherApi, ensureLogin: async () => testSession() })
}

const flush = () => act(async () => undefined)
const advance = (ms: number) =>
  act(async () => {
    jest.advanceTimersByTime(ms)
  })
const shownToken = () => screen.getByText(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).textContent

beforeEach(() => {
  jest.useFakeTimers()
  localStorage.clear()
  setRouterParams({ id: 'v1' })
  codeCalls = []
  nextCode = async () => ({ data: codeAt(Date.now()), fetchedAt: Date.now(), fromCache: false })
  useBatchLookupStore.setState({ byId: {}, missing: {} })
  useVoucherBatchesStore.setState({ batches: null, fetchedAt: null, fromCache: false, clockOffsetMs: 0, loading: false, error: null })
})
afterEach(() => jest.useRealTimers())

test('the code is refreshed before refreshAt, every 50 s, with the note that screenshots do not work', async () => {
  useFakeApi()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByRole('img', { name: '消费券二维码，请出示给收银员扫描' })).toBeInTheDocument()
  expect(screen.getByText('⟳ 每分钟自动刷新，截图无效')).toBeInTheDocument()
  expect(screen.getByText('满20减5', { selector: '.amount' })).toBeInTheDocument()
  expect(await screen.findByText('每人每轮限领 2 张，本券每人共限领 3 张')).toBeInTheDocument()
  expect(codeCalls).toHaveLength(1)
  fireEvent.click(screen.getByRole('button', { name: '扫不出来？显示券码文字' }))
  const first = shownToken()

  await advance(49_000)
  expect(codeCalls).toHaveLength(1)
  await advance(1_500)
  expect(codeCalls).toHaveLength(2)
  expect(codeCalls[1] - codeCalls[0]).toBeGreaterThanOrEqual(50_000)
  expect(codeCalls[1] - codeCalls[0]).toBeLessThan(51_000)
  const second = shownToken()
  expect(second).not.toBe(first)

  await advance(50_000)
  expect(codeCalls).toHaveLength(3)
  expect(shownToken()).not.toBe(second)
})

test('the wait follows the server clock in the token, not the phone: a phone 5 minutes fast still waits 50 s', async () => {
  nextCode = async () => ({ data: codeAt(Date.now() - 5 * 60_000), fetchedAt: Date.now(), fromCache: false })
  useFakeApi()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByRole('img', { name: /消费券二维码/ })).toBeInTheDocument()
  await advance(49_000)
  expect(codeCalls).toHaveLength(1)
  await advance(1_500)
  expect(codeCalls).toHaveLength(2)
})

test('when refreshing fails the old code stays until it expires, then is hidden, and comes back when the network does', async () => {
  useFakeApi()
  render(<VoucherDetailPage />)
  await flush()
  nextCode = async () => {
    throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)
  }
  await advance(50_500)
  expect(codeCalls).toHaveLength(2)
  expect(screen.getByRole('img', { name: /消费券二维码/ })).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent('网络连接失败，请检查网络后重试（会自动重试）')

  await advance(10_000)
  expect(screen.queryByRole('img', { name: /消费券二维码/ })).not.toBeInTheDocument()
  expect(screen.getByText('⚠ 券码已失效，正在重新获取…')).toBeInTheDocument()

  nextCode = async () => ({ data: codeAt(Date.now()), fetchedAt: Date.now(), fromCache: false })
  await advance(5_000)
  expect(screen.getByRole('img', { name: /消费券二维码/ })).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test.each(['used', 'expired'] as const)('a voucher that is %s shows no code and never asks for one', async (status) => {
  useFakeApi(status)
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.queryByRole('img', { name: /消费券二维码/ })).not.toBeInTheDocument()
  expect(screen.getByText(status === 'used' ? '● 已使用' : '✗ 已过期')).toBeInTheDocument()
  await advance(120_000)
  expect(codeCalls).toHaveLength(0)
})

test('the server saying NOT_USABLE stops the refreshing', async () => {
  nextCode = async () => {
    throw new ApiError('NOT_USABLE', '这张券已经用过了', 409)
  }
  useFakeApi()
  render(<VoucherDetailPage />)
  await flush()
  expect(screen.getByText('✗ 这张券已经用过了')).toBeInTheDocument()
  await advance(120_000)
  expect(codeCalls).toHaveLength(1)
})

describe('when there is no voucher to show', () => {
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })
  afterEach(() => navigateTo.mockRestore())

  test('an unknown id says 找不到这张券 and leads to 我的券包', async () => {
    setRouterParams({ id: 'not-a-voucher' })
    const asked: string[] = []
    const fake: Partial<VoucherApi> = {
      getMyVoucher: async (id) => {
        asked.push(id)
        throw new ApiError('NOT_FOUND', '找不到这张券', 404)
      },
    }
    useVoucherServices.setState({ api: fake as VoucherApi, ensureLogin: async () => testSession() })
    render(<VoucherDetailPage />)
    await flush()
    expect(asked).toEqual(['not-a-voucher'])
    expect(screen.getByRole('heading', { name: '✗ 找不到这张券' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '去领消费券' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('link', { name: '打开我的券包' }))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/vouchers/pages/wallet/index' })
  })

  test('no id at all: the same state, without asking the server', async () => {
    setRouterParams({})
    const getMyVoucher = jest.fn()
    useVoucherServices.setState({ api: { getMyVoucher } as unknown as VoucherApi, ensureLogin: async () => testSession() })
    render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '✗ 找不到这张券' })).toBeInTheDocument()
    expect(getMyVoucher).not.toHaveBeenCalled()
  })

  test('signing in fails: 请先登录后查看 with the reason, and 登录 tries again', async () => {
    useFakeApi()
    let logins = 0
    useVoucherServices.setState({
      ensureLogin: async () => {
        logins += 1
        if (logins === 1) throw new ApiError('LOGIN_UNAVAILABLE', '网页版不能登录，请在微信里打开“衢惠通”小程序领券', 0)
        return testSession()
      },
    })
    render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '请先登录后查看' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('网页版不能登录')
    expect(screen.getByRole('link', { name: '打开我的券包' })).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await flush()
    expect(logins).toBe(2)
    expect(screen.getByText('满20减5', { selector: '.amount' })).toBeInTheDocument()
  })

  test('an expired session (401) also asks to sign in; a network failure offers 重试', async () => {
    let answer: ApiError = new ApiError('UNAUTHORIZED', '登录已过期，请重新登录', 401)
    const fake: Partial<VoucherApi> = {
      getMyVoucher: async () => {
        throw answer
      },
    }
    useVoucherServices.setState({ api: fake as VoucherApi, ensureLogin: async () => testSession() })
    const { unmount } = render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '请先登录后查看' })).toBeInTheDocument()
    unmount()

    answer = new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)
    render(<VoucherDetailPage />)
    await flush()
    expect(screen.getByRole('heading', { name: '暂时打不开这张券' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('✗ 网络连接失败，请检查网络后重试')
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument()
  })
})
