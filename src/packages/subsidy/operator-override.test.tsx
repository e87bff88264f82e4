/**
 * An operator's subsidy override reaches the calculators, the basket and the guide through the
 * real API client on loopback (GET /api/v1/policy): the amount and the rule line follow it and the
 * screen says 运营方更新于 …; a document that does not apply, or no network and no stored copy,
 * leaves the bundled rules and says so; with the network down the stored copy still answers.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { policyApi } from '@/services/api/policy'
import { useSubsidyBasketStore } from '@/store/subsidy-basket'
import { ok } from '@/test/api-test-server'
import { APPLIANCE_OVERRIDE, policyAnswer, quietNetworkErrors, setUpPolicyServer, usePolicyAt } from '@/test/policy-fixtures'
import { setRouterParams } from '@/test/taro-shim'
import ApplianceCalculatorPage from './pages/appliance/index'
import BasketPage from './pages/basket/index'
import ApplicationGuidePage from './pages/guide/index'
import { POLICY_CACHE_KEY } from '@/services/api/policy'
import { resourceOf } from '@/store/resource'

jest.mock('@/services/navigation', () => ({ navigate: jest.fn(() => Promise.resolve()), goBack: jest.fn(() => Promise.resolve()) }))

/** 2026-03-15 10:00 in Shanghai: the 2026 national rules apply to a purchase today. */
const NOW_2026 = Date.parse('2026-03-15T02:00:00Z')

// Before the policy server's set-up: the API client it makes reads the clock it is given.
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW_2026)
  useSubsidyBasketStore.setState({ entries: [] })
  setRouterParams({})
})

const policyServer = setUpPolicyServer()

afterEach(() => jest.restoreAllMocks())

const result = () => within(screen.getByText('能补贴多少').closest('.subsidy-result') as HTMLElement)

function airConditioner5000Grade1() {
  fireEvent.click(screen.getByRole('radio', { name: /空调/ }))
  fireEvent.input(screen.getByRole('textbox', { name: /售价/ }), { target: { value: '5000' } })
  fireEvent.click(screen.getByRole('radio', { name: /一级/ }))
}

test('家电: the served override changes the rule line and the amount, and the result says whose data it is', async () => {
  render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  await waitFor(() => expect(result().getByText('¥600.00')).toBeInTheDocument())
  expect(result().getByText('¥5,000.00 × 12% = ¥600.00；封顶 ¥1,200.00')).toBeInTheDocument()
  expect(screen.getByText('一级能效 12% · 最高 ¥1,200/件')).toBeInTheDocument()
  expect(result().getByText('补贴数据：运营方更新于 3月14日 18:00（2026-03 家电补贴标准调整）')).toBeInTheDocument()
  expect(result().getAllByText('来源：商务部 2026-03-10 通知（测试）', { exact: false }).length).toBeGreaterThan(0)
  expect(policyServer.requests().filter((request) => request.path === '/api/v1/policy')).toHaveLength(1)
})

test('before the answer the bundled rule answers, then the result recomputes', async () => {
  let answer: () => void = () => undefined
  const answered = new Promise<void>((resolve) => (answer = resolve))
  // Hold the answer: the page renders with the bundled rule first.
  jest.spyOn(policyApi, 'getPolicy').mockImplementation(async () => {
    await answered
    return { data: policyAnswer(APPLIANCE_OVERRIDE), fetchedAt: NOW_2026, fromCache: false }
  })
  render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  expect(result().getByText('¥750.00')).toBeInTheDocument()
  expect(result().getByText('补贴数据：应用内置（正在检查运营方有没有更新）')).toBeInTheDocument()
  await act(async () => answer())
  await waitFor(() => expect(result().getByText('¥600.00')).toBeInTheDocument())
})

test('购物清单: the total uses the override', async () => {
  useSubsidyBasketStore.setState({
    entries: [
      { id: 'a', input: { measure: 'appliance', category: 'air-conditioner', priceYuan: '5000', grade: 1, purchaseDate: '2026-03-15' } },
    ],
  })
  render(<BasketPage />)
  const total = within(screen.getByText('购物清单合计可补贴').closest('.subsidy-basket__total') as HTMLElement)
  await waitFor(() => expect(total.getByText('¥600.00')).toBeInTheDocument())
  expect(total.getByText(/补贴数据：运营方更新于 3月14日 18:00/)).toBeInTheDocument()
})

test('怎么申请: the channel the operator published', async () => {
  render(<ApplicationGuidePage />)
  await waitFor(() => expect(screen.getByText('云闪付“以旧换新”专区（测试）', { exact: false })).toBeInTheDocument())
  expect(screen.getByText(/补贴数据：运营方更新于/)).toBeInTheDocument()
})

test('a document that does not apply keeps the bundled rules, logs why and says so', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const broken = JSON.parse(JSON.stringify(APPLIANCE_OVERRIDE)) as typeof APPLIANCE_OVERRIDE
  broken.ruleSets[0].patch.measures.appliance.capFen.value = -1
  policyServer.answer(ok({ data: policyAnswer(broken) }))
  render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  await waitFor(() => expect(result().getByText('补贴数据：应用内置（运营方发布的更新与本版本不符，暂未采用）')).toBeInTheDocument())
  expect(result().getByText('¥750.00')).toBeInTheDocument()
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('仍用内置规则'), expect.anything())
})

test('an answer that is not a document at all keeps the bundled rules too', async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  policyServer.answer(ok({ data: { overrides: [{ kind: 'subsidy', document: null, updatedAt: 'x' }, null] } }))
  render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  await waitFor(() => expect(result().getByText(/运营方发布的更新与本版本不符/)).toBeInTheDocument())
  expect(result().getByText('¥750.00')).toBeInTheDocument()
})

test('offline with no stored copy: the bundled rules, and the screen says the update could not be checked', async () => {
  quietNetworkErrors()
  policyServer.answer({ drop: true })
  render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  await waitFor(() => expect(result().getByText('补贴数据：应用内置（暂时连不上服务器，无法检查运营方更新）')).toBeInTheDocument())
  expect(result().getByText('¥750.00')).toBeInTheDocument()
})

test('offline after one answer: the stored copy still applies the override, with its date', async () => {
  const first = render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  await waitFor(() => expect(result().getByText('¥600.00')).toBeInTheDocument())
  first.unmount()
  // The app starts again with the network down.
  quietNetworkErrors()
  usePolicyAt(policyServer.baseUrl())
  policyServer.answer({ drop: true })
  render(<ApplianceCalculatorPage />)
  airConditioner5000Grade1()
  expect(result().getByText('¥600.00')).toBeInTheDocument()
  await waitFor(() => expect(resourceOf(POLICY_CACHE_KEY).loading).toBe(false))
  expect(result().getByText('¥600.00')).toBeInTheDocument()
  expect(result().getByText(/运营方更新于 3月14日 18:00.*网络不可用，用的是 今天 10:00 保存的数据/)).toBeInTheDocument()
})
