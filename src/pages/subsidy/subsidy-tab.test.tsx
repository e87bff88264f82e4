/**
 * The 补贴 tab on a day in 2026: the 2025 measures have ended, the 2026 national rules apply to
 * appliances and cars, the other measures have no rule now and say what they paid in 2025. The
 * headlines come from the server's overview when it answers (an operator's override shows), from
 * the bundled snapshot otherwise.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { getClause } from '@/domain/policy/clauses'
import { policyApi } from '@/services/api/policy'
import { navigate } from '@/services/navigation'
import { useSubsidyBasketStore } from '@/store/subsidy-basket'
import { ok } from '@/test/api-test-server'
import { quietNetworkErrors, setUpPolicyServer, settlePolicyWithoutOverrides, usePolicyAt } from '@/test/policy-fixtures'
import SubsidyPage from './index'

jest.mock('@/services/navigation', () => ({ navigate: jest.fn(() => Promise.resolve()) }))

const card = (name: string) => within(screen.getByRole('group', { name }))

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-15T02:00:00Z'))
  useSubsidyBasketStore.setState({ entries: [] })
  settlePolicyWithoutOverrides()
  jest.mocked(navigate).mockClear()
})

afterEach(() => jest.restoreAllMocks())

test('says which rules apply today and that the 2025 measures ended', () => {
  render(<SubsidyPage />)
  const today = within(screen.getByText('今天（2026-03-15）适用的规则').parentElement as HTMLElement)
  expect(today.getByText(/2026 年消费品以旧换新（国家统一标准，待官方确认）/)).toBeInTheDocument()
  expect(today.getByText('⚠ 待官方确认')).toBeInTheDocument()
  expect(today.getByText(/衢州 2025 年消费品以旧换新.*已于 2025-12-31 结束/)).toBeInTheDocument()
})

test('appliances: the 2026 headline, 待官方确认 and the deadline, linking to the calculator', () => {
  render(<SubsidyPage />)
  const appliance = card('家电')
  expect(appliance.getByText('✓ 可以申请')).toBeInTheDocument()
  expect(appliance.getByText('一级能效 15% · 最高 ¥1,500/件')).toBeInTheDocument()
  expect(appliance.getAllByText('⚠ 待官方确认').length).toBeGreaterThan(0)
  expect(appliance.getByText(/截止 2026-12-31/)).toBeInTheDocument()
  fireEvent.click(appliance.getByRole('link', { name: '家电补贴计算' }))
  expect(navigate).toHaveBeenCalledWith('subsidy-appliance')
})

test('digital products: the 2026 national standard with smart glasses, 待官方确认', () => {
  render(<SubsidyPage />)
  const digital = card('数码产品')
  expect(digital.getByText('✓ 可以申请')).toBeInTheDocument()
  expect(digital.getByText('单价 ¥6,000 以下 15% · 最高 ¥500/件')).toBeInTheDocument()
  expect(digital.getByText(/手机、平板、智能手表（手环）、智能眼镜/)).toBeInTheDocument()
  expect(digital.getAllByText('⚠ 待官方确认').length).toBeGreaterThan(0)
})

test.each([
  ['家居', '2026 年家居换新补贴的规则尚未公布'],
  ['电动自行车', '2026 年电动自行车以旧换新补贴的规则尚未公布'],
  ['家装（旧房装修、厨卫改造、适老化改造）', '智能家居产品（含适老化家居产品）'],
])('%s has no published 2026 rule: 待公布 with the source and its 2025 headline, never ✗ or 没有', (name, text) => {
  render(<SubsidyPage />)
  const measure = card(name)
  expect(measure.getByText('⚠ 待公布')).toBeInTheDocument()
  expect(measure.queryByText('✗ 现在没有')).toBeNull()
  expect(measure.getByText(new RegExp(text))).toBeInTheDocument()
  expect(measure.getByText(/依据：发改环资〔2025〕1745号的报道/)).toBeInTheDocument()
  expect(measure.getByText(/^2025 年：/)).toBeInTheDocument()
  expect(measure.getByRole('group', { name: /^公布时提醒：.*补贴新规则$/ })).toBeInTheDocument()
  expect(screen.getByRole('group', { name }).textContent).not.toMatch(/没有.*补贴|不能补贴|不符合/)
  fireEvent.click(measure.getByRole('link', { name: `${name}补贴计算` }))
  expect(navigate).toHaveBeenLastCalledWith(expect.stringMatching(/^subsidy-/))
  fireEvent.click(measure.getByRole('link', { name: `${name}按 2025 年规则计算` }))
  expect(navigate).toHaveBeenLastCalledWith(expect.stringMatching(/^subsidy-/), { date: '2025-12-31' })
})

test('no source on the tab is a repository file, a rule-set id or a data version', () => {
  render(<SubsidyPage />)
  expect(document.body.textContent).not.toMatch(/shared\/|facts\.md|quzhou-2025|national-2026|数据版本/)
})

test('every measure of clause (十四) has a card, a calculator and a guide', () => {
  render(<SubsidyPage />)
  for (const name of ['家电', '家居', '数码产品', '汽车报废更新', '汽车置换更新', '电动自行车', '家装（旧房装修、厨卫改造、适老化改造）']) {
    expect(card(name).getByRole('link', { name: `${name}补贴计算` })).toBeInTheDocument()
    expect(card(name).getByRole('link', { name: `${name}怎么申请` })).toBeInTheDocument()
  }
})

test('entries to 购物清单 (with its count) and 怎么申请, and the clause link stays', () => {
  useSubsidyBasketStore.setState({
    entries: [{ id: 'a', input: { measure: 'digital', category: 'phone', priceYuan: '3000', purchaseDate: '2025-05-01' } }],
  })
  render(<SubsidyPage />)
  fireEvent.click(screen.getByRole('link', { name: '购物清单，1 项' }))
  fireEvent.click(screen.getByRole('link', { name: '怎么申请' }))
  expect(jest.mocked(navigate).mock.calls).toEqual([['subsidy-basket'], ['subsidy-guide']])
  const clause = getClause('十四')
  expect(screen.getByText(`${clause.label}${clause.title}`)).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '阅读（十四）政策原文' })).toBeInTheDocument()
  expect(document.body.textContent).not.toMatch(/NaN|undefined/)
})

describe('the overview the server builds from the rule sets in force', () => {
  const policyServer = setUpPolicyServer()

  /** Until the tab's request has its answer (or has failed) and the tab has rendered it. */
  async function answered() {
    await waitFor(() => expect(policyApi.getPolicy).toHaveBeenCalled())
    const { results } = jest.mocked(policyApi.getPolicy).mock
    await act(() => results[results.length - 1].value.catch(() => undefined))
  }

  test("an operator's override changes the headline, and the tab says when the operator updated it", async () => {
    render(<SubsidyPage />)
    await waitFor(() => expect(card('家电').getByText('一级能效 12% · 最高 ¥1,200/件')).toBeInTheDocument(), { timeout: 5000 })
    expect(screen.getByText('补贴数据：运营方更新于 3月14日 18:00')).toBeInTheDocument()
    // What the override leaves alone stays as bundled.
    expect(card('汽车报废更新').getByText('✓ 可以申请')).toBeInTheDocument()
  })

  test('an overview of the wrong shape (an old stored copy, a newer server) is not used', async () => {
    policyServer.answer(
      ok({ data: { overrides: [], subsidyOverview: { updatedAt: null, note: null, ruleSets: [{ id: 'x', measures: [{}] }] } } }),
    )
    render(<SubsidyPage />)
    await answered()
    expect(card('家电').getByText('一级能效 15% · 最高 ¥1,500/件')).toBeInTheDocument()
    expect(screen.getByText('补贴数据：应用内置')).toBeInTheDocument()
  })

  test('offline with no stored copy: the bundled overview', async () => {
    quietNetworkErrors()
    policyServer.answer({ drop: true })
    render(<SubsidyPage />)
    await answered()
    expect(card('家电').getByText('一级能效 15% · 最高 ¥1,500/件')).toBeInTheDocument()
    expect(screen.getByText('补贴数据：应用内置')).toBeInTheDocument()
  })

  test('offline after one answer: the stored overview', async () => {
    const first = render(<SubsidyPage />)
    await waitFor(() => expect(card('家电').getByText('一级能效 12% · 最高 ¥1,200/件')).toBeInTheDocument(), { timeout: 5000 })
    first.unmount()
    quietNetworkErrors()
    usePolicyAt(policyServer.baseUrl())
    policyServer.answer({ drop: true })
    render(<SubsidyPage />)
    await answered()
    expect(card('家电').getByText('一级能效 12% · 最高 ¥1,200/件')).toBeInTheDocument()
    expect(screen.getByText('补贴数据：运营方更新于 3月14日 18:00')).toBeInTheDocument()
  })
})
