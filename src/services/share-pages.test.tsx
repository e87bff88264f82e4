/**
 * What each kind of page hands WeChat on 转发 / 分享到朋友圈 (issue 14, sharing), read from the
 * handler the page registered (the jest Taro shim records it): a calculator opens the same measure
 * and product but never the prices typed; a batch, an event and a station open themselves; the
 * personal pages register nothing.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { makeEvent } from '@/domain/events/test-fixtures'
import { fixClock } from '@/test/fixed-clock'
import { settlePolicyWithoutOverrides } from '@/test/policy-fixtures'
import { resetShareHandlers, setRouterParams, shareHandlers } from '@/test/taro-shim'
import { serveBundledTollData } from '@/test/toll-fixtures'
import { resetResources } from '@/store/resource'
import { apiTestServerForSuite, ok, useApiAt } from '@/test/api-test-server'
import { batchView, fromNow, HOUR } from '@/test/voucher-fixtures'
import ApplianceCalculatorPage from '@/packages/subsidy/pages/appliance/index'
import RenovationCalculatorPage from '@/packages/subsidy/pages/renovation/index'
import CarSubsidyPage from '@/packages/subsidy/pages/car/index'
import EtcStationsPage from '@/packages/etc/pages/stations/index'
import EventDetailPage from '@/packages/events/pages/detail/index'
import VoucherBatchPage from '@/packages/vouchers/pages/batch/index'
import BasketPage from '@/packages/subsidy/pages/basket/index'
import WalletPage from '@/packages/vouchers/pages/wallet/index'
import MerchantDeskPage from '@/packages/vouchers/pages/merchant-desk/index'
import RemindersPage from '@/packages/reminders/pages/list/index'
import MinePage from '@/pages/mine/index'

jest.mock('@/services/navigation', () => ({
  ...jest.requireActual('@/services/navigation'),
  navigate: jest.fn(() => Promise.resolve()),
  goBack: jest.fn(() => Promise.resolve()),
}))

const mockMarathon = makeEvent({
  id: 'jiangshan-run',
  type: 'sports',
  sportsLevel: 'provincial',
  title: '江山半程马拉松',
  county: '330881',
  start: '2026-10-11T07:30:00+08:00',
  end: '2026-10-11T12:00:00+08:00',
})
jest.mock('@/store/events', () => ({
  ...jest.requireActual('@/store/events'),
  loadEvent: jest.fn(async () => ({ event: mockMarathon, source: 'server', fetchedAt: Date.now() })),
}))

const server = apiTestServerForSuite()

type Handler = (options?: Record<string, unknown>) => unknown
function handlers(): { appMessage: Handler; timeline: Handler } {
  const { appMessage, timeline } = shareHandlers()
  if (!appMessage || !timeline) throw new Error('the page registered no share handler')
  return { appMessage, timeline }
}

let restoreClock: () => void = () => undefined
beforeEach(() => {
  resetShareHandlers()
  setRouterParams({})
  localStorage.clear()
  settlePolicyWithoutOverrides()
  restoreClock = fixClock('2026-03-15T10:00:00+08:00')
})
afterEach(() => {
  restoreClock()
  jest.clearAllMocks()
})

describe('calculators: same measure and product, never the prices typed', () => {
  test('家电 with 空调 chosen and ¥5,000 typed shares ?category=air-conditioner only', () => {
    render(<ApplianceCalculatorPage />)
    fireEvent.click(screen.getByRole('radio', { name: /空调/ }))
    fireEvent.input(screen.getByRole('textbox', { name: /售价/ }), { target: { value: '5000' } })
    const { appMessage, timeline } = handlers()
    const message = appMessage() as { title: string; path: string }
    expect(message).toEqual({
      title: '空调以旧换新能补多少？点开算一算',
      path: '/packages/subsidy/pages/appliance/index?category=air-conditioner',
    })
    expect(JSON.stringify(message)).not.toMatch(/5000|5,000|date/)
    expect(timeline()).toEqual({ title: '空调以旧换新能补多少？点开算一算', query: 'category=air-conditioner' })
  })

  test('家电 with nothing chosen shares the calculator itself', () => {
    render(<ApplianceCalculatorPage />)
    expect(handlers().appMessage()).toEqual({ title: '家电以旧换新能补多少？点开算一算', path: '/packages/subsidy/pages/appliance/index' })
  })

  test('家装 shares its kind; 汽车 shares the flow without the car', () => {
    setRouterParams({ kind: 'kitchen-bath' })
    const { unmount } = render(<RenovationCalculatorPage />)
    const renovation = handlers().appMessage() as { path: string }
    unmount()
    resetShareHandlers()
    setRouterParams({})
    render(<CarSubsidyPage />)
    expect(handlers().appMessage()).toEqual({ title: '汽车以旧换新能补多少？点开算一算', path: '/packages/subsidy/pages/car/index' })
    // Whatever the kind is called, the renovation share carries it and nothing else.
    expect(renovation.path).toMatch(/^\/packages\/subsidy\/pages\/renovation\/index(\?kind=[a-z-]+)?$/)
  })
})

test('a voucher batch opens its own page, titled with its rule', async () => {
  const batch = batchView('spring-200-50', [{ id: 'r1', opensInMs: 5 * 24 * HOUR, closesInMs: 5 * 24 * HOUR + 12 * HOUR }], { r1: 100 }, {
    title: '春季焕新券',
    faceValueFen: 5000,
    thresholdFen: 20000,
  })
  server.on((request) => (request.method === 'GET' && request.path === '/api/v1/batches' ? ok({ data: [batch], meta: { serverTime: fromNow(0) } }) : undefined))
  useApiAt(server)
  resetResources()
  setRouterParams({ id: 'spring-200-50' })
  render(<VoucherBatchPage />)
  expect(await screen.findByRole('region', { name: '春季焕新券' })).toBeInTheDocument()
  const message = handlers().appMessage() as { title: string; path: string }
  expect(message.title).toBe('春季焕新券｜满200减50')
  expect(message.path).toBe('/packages/vouchers/pages/batch/index?id=spring-200-50')
  expect(handlers().timeline()).toMatchObject({ query: 'id=spring-200-50' })
})

test('an event opens its detail on the same date', async () => {
  setRouterParams({ id: 'jiangshan-run', date: '2026-10-11' })
  render(<EventDetailPage />)
  expect(await screen.findByRole('heading', { name: '江山半程马拉松' })).toBeInTheDocument()
  const message = handlers().appMessage() as { title: string; path: string }
  expect(message.path).toBe('/packages/events/pages/detail/index?id=jiangshan-run&date=2026-10-11')
  expect(message.title).toMatch(/^江山半程马拉松｜/)
  expect(handlers().timeline()).toMatchObject({ query: 'id=jiangshan-run&date=2026-10-11' })
})

describe('stations', () => {
  beforeEach(() => serveBundledTollData())

  test('?station= marks that station, and the page shares it', async () => {
    setRouterParams({ station: 'quzhoudong' })
    render(<EtcStationsPage />)
    const row = document.getElementById('station-quzhoudong') as HTMLElement
    expect(row).toHaveAttribute('aria-current', 'true')
    expect(row).toHaveTextContent('转发给您的站点')
    expect(handlers().appMessage()).toEqual({
      title: '衢州东收费站在衢城畅行范围内',
      path: '/packages/etc/pages/stations/index?station=quzhoudong',
    })
  })

  test('a 转发 button of a row shares that row; the menu shares the list', () => {
    render(<EtcStationsPage />)
    expect(document.querySelector('[aria-current="true"]')).toBeNull()
    const { appMessage } = handlers()
    expect(appMessage({ from: 'menu' })).toEqual({
      title: '衢州高速收费站一览：哪些站在衢城畅行免费范围',
      path: '/packages/etc/pages/stations/index',
    })
    expect(appMessage({ from: 'button', target: { dataset: { station: 'quzhoudong' } } })).toMatchObject({
      path: '/packages/etc/pages/stations/index?station=quzhoudong',
    })
  })

  test('an unknown station is ignored', async () => {
    setRouterParams({ station: 'nowhere' })
    render(<EtcStationsPage />)
    await waitFor(() => expect(handlers().appMessage()).toMatchObject({ path: '/packages/etc/pages/stations/index' }))
  })
})

test.each([
  ['购物清单', BasketPage],
  ['我的券包', WalletPage],
  ['商户核销', MerchantDeskPage],
  ['我的提醒', RemindersPage],
  ['我的', MinePage],
])('%s registers no share handler', (_name, Page) => {
  render(<Page />)
  expect(shareHandlers()).toEqual({ appMessage: null, timeline: null })
})
