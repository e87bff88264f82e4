import { fireEvent, render, screen, within } from '@testing-library/react'
import { settlePolicyWithoutOverrides } from '@/test/policy-fixtures'
import { setRouterParams } from '@/test/taro-shim'
import ApplicationGuidePage from './pages/guide/index'

jest.mock('@/services/navigation', () => ({ navigate: jest.fn(() => Promise.resolve()) }))

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-15T02:00:00Z'))
  setRouterParams({})
  settlePolicyWithoutOverrides()
})

afterEach(() => jest.restoreAllMocks())

test('2025 appliances: channel, numbered steps, materials and the deadline, provisional lines marked', () => {
  render(<ApplicationGuidePage />)
  fireEvent.click(screen.getByRole('radio', { name: '2025 年内' }))
  expect(screen.getByText('家电：怎么申请')).toBeInTheDocument()
  const channel = within(screen.getByText('去哪里申请').parentElement as HTMLElement)
  expect(channel.getByText(/云闪付 App “浙江家电以旧换新”小程序/)).toBeInTheDocument()
  expect(channel.getByText('⚠ 待官方确认')).toBeInTheDocument()
  expect(screen.getByText('1.')).toBeInTheDocument()
  expect(screen.getByText(/在渠道中实名领取补贴资格/)).toBeInTheDocument()
  expect(screen.getByText(/开具给本人的发票/)).toBeInTheDocument()
  expect(within(screen.getByText('截止日期').parentElement as HTMLElement).getByText(/2025-12-31（已结束）/)).toBeInTheDocument()
})

test('opened for a measure whose 2026 rule is not published: says so (待官方确认, not "no") and points at the 2025 guide', () => {
  setRouterParams({ measure: 'ebike' })
  render(<ApplicationGuidePage />)
  expect(screen.getByRole('radio', { name: '电动自行车' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByText('这项补贴的规则尚未公布（待官方确认）')).toBeInTheDocument()
  expect(screen.getByText(/2026 年电动自行车以旧换新补贴的规则尚未公布/)).toBeInTheDocument()
  expect(document.body.textContent).not.toMatch(/没有这项补贴/)
  expect(screen.getByText('想看以前怎么申请，请在上面选“2025 年内”。')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '2025 年内' }))
  expect(screen.getByText('步骤')).toBeInTheDocument()
})

test('2026 car scrapping: the channel carried over from 2025 is marked 待官方确认', () => {
  setRouterParams({ measure: 'car-scrap' })
  render(<ApplicationGuidePage />)
  const channel = within(screen.getByText('去哪里申请').parentElement as HTMLElement)
  expect(channel.getByText(/全国汽车流通信息管理系统/)).toBeInTheDocument()
  expect(channel.getByText('⚠ 待官方确认')).toBeInTheDocument()
})
