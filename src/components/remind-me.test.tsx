/**
 * 提醒我 for every kind with a moment (issue 14), against a real HTTP server: the lead time chosen
 * from the kind's data (a round 5 / 15 / 60 minutes before, default 5), only those still ahead;
 * set with one tap (sign-in only then), shown as set, edited from the same chips, listed in the
 * store; a refusal in WeChat keeps the reminder in-app and says so; the calendar fallback; and the
 * H5 build, which cannot sign in, never shows a 提醒我 that can only fail.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { addEntryToPhoneCalendar } from '@/services/platform/calendar-entry'
import { requestSubscribe } from '@/services/platform/subscribe'
import { subscribeSupport } from '@/test/subscribe-mock'
import type { ReminderView } from '@/services/api/reminders'
import { remindersKey, useRemindersStore } from '@/store/reminders'
import { resourceOf } from '@/store/resource'
import { useSessionStore } from '@/store/session'
import { fixClock } from '@/test/fixed-clock'
import { serveReminders } from '@/test/reminder-api-server'
import { DeadlineReminder } from './deadline-reminder'
import { RemindMe } from './remind-me'

const mockLogin = { canSignIn: true }
jest.mock('@/services/platform/login', () => ({
  ...jest.requireActual('@/services/platform/login'),
  canSignIn: () => mockLogin.canSignIn,
}))
jest.mock('@/services/platform/subscribe', () => jest.requireActual('@/test/subscribe-mock').subscribeAdapter)
const mockCalendar = { kind: 'ics' as 'ics' | 'phone' }
jest.mock('@/services/platform/calendar-entry', () => ({
  get calendarKind() {
    return mockCalendar.kind
  },
  addEntryToPhoneCalendar: jest.fn(async () => ({ ok: true, outcome: 'downloaded', message: '已下载日历文件 test.ics，打开它即可加入手机日历' })),
}))
const mockedSubscribe = requestSubscribe as jest.MockedFunction<typeof requestSubscribe>
const mockedCalendar = addEntryToPhoneCalendar as jest.MockedFunction<typeof addEntryToPhoneCalendar>

const MINUTE = 60_000
const NOW = '2025-10-15T08:30:00+08:00'
const OPENS = Date.parse('2025-10-15T10:00:00+08:00')
const ROUND = 'b-autumn:r-2'
const VOUCHER = 'v-123'
const EXPIRES = Date.parse('2025-10-31T23:59:59+08:00')

let restoreClock: () => void

const api = serveReminders(() => ({
    [ROUND]: { title: '金秋消费券（第 2 轮）', targetAt: '2025-10-15T10:00:00+08:00' },
    [VOUCHER]: { title: '金秋消费券', targetAt: '2025-10-31T23:59:59+08:00' },
    'quzhou-2025': { title: '2025 年衢州以旧换新补贴', targetAt: '2026-01-01T00:00:00+08:00' },
    'toll-period': { title: '“衢城畅行”实施期结束', targetAt: '2026-01-01T00:00:00+08:00' },
}))

beforeEach(() => {
  restoreClock = fixClock(NOW)
  mockLogin.canSignIn = true
  subscribeSupport.supported = false
  mockCalendar.kind = 'ics'
  mockedSubscribe.mockReset()
  mockedCalendar.mockClear()
})
afterEach(() => restoreClock())

const posts = () => api.server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/me/reminders')
const patches = () => api.server.requests.filter((request) => request.method === 'PATCH')
const roundReminder = () => <RemindMe kind='round-opening' subjectId={ROUND} subjectTitle='金秋消费券（第 2 轮）' targetMs={OPENS} compact />

test('a round: 5 / 15 / 60 minutes before, 5 chosen by default; one tap signs in and sets the one chosen', async () => {
  render(roundReminder())
  const leads = screen.getByRole('radiogroup', { name: '什么时候提醒：金秋消费券（第 2 轮）' })
  expect(within(leads).getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'))).toEqual(['开抢前 1 小时', '开抢前 15 分钟', '开抢前 5 分钟'])
  expect(screen.getByRole('radio', { name: '开抢前 5 分钟' })).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByRole('radio', { name: '开抢前 15 分钟' }))
  expect(screen.getByRole('radio', { name: '开抢前 15 分钟' })).toHaveAttribute('aria-checked', 'true')
  expect(posts()).toHaveLength(0)

  fireEvent.click(screen.getByRole('button', { name: '提醒我：金秋消费券（第 2 轮）' }))
  await screen.findByText('已设置提醒：开抢前 15 分钟 · 应用内提醒（在「我的提醒」查看）', undefined, { timeout: 5000 })
  expect(posts()[0].body).toEqual({ kind: 'round-opening', subjectId: ROUND, offsetsMs: [15 * MINUTE] })
  // Listed in the store 我的提醒 reads.
  const userId = useSessionStore.getState().session!.userId
  await waitFor(() => expect(resourceOf<ReminderView[]>(remindersKey(userId)).data?.map((item) => [item.kind, item.subjectId])).toEqual([['round-opening', ROUND]]))
  expect(screen.getByRole('status')).toHaveTextContent('提醒已保存在「我的 → 我的提醒」')
})

test('once set, another lead time edits the saved reminder (PATCH), not a second one', async () => {
  render(roundReminder())
  fireEvent.click(screen.getByRole('button', { name: '提醒我：金秋消费券（第 2 轮）' }))
  await screen.findByText(/已设置提醒：开抢前 5 分钟/, undefined, { timeout: 5000 })
  fireEvent.click(screen.getByRole('radio', { name: '开抢前 1 小时' }))
  await screen.findByText(/已设置提醒：开抢前 1 小时/, undefined, { timeout: 5000 })
  expect(patches()).toHaveLength(1)
  expect(patches()[0].body).toEqual({ offsetsMs: [60 * MINUTE] })
  expect(posts()).toHaveLength(1)
  expect(screen.getByRole('status')).toHaveTextContent('已改为开抢前 1 小时提醒')
})

test('a lead time already past is not offered; too late for 5 minutes, the nearest one left is chosen', () => {
  restoreClock()
  restoreClock = fixClock('2025-10-15T09:50:00+08:00')
  render(roundReminder())
  expect(screen.queryByRole('radio', { name: '开抢前 1 小时' })).not.toBeInTheDocument()
  expect(screen.getByRole('radio', { name: '开抢前 5 分钟' })).toHaveAttribute('aria-checked', 'true')
  restoreClock()
  restoreClock = fixClock('2025-10-15T10:00:01+08:00')
  render(<RemindMe kind='round-opening' subjectId='b-autumn:r-3' subjectTitle='已开抢' targetMs={OPENS} />)
  expect(screen.queryByRole('button', { name: /已开抢/ })).not.toBeInTheDocument()
})

test('refused in WeChat: the reminder is kept in-app, and the resident is told so', async () => {
  api.state.wechat = true
  subscribeSupport.supported = true
  mockedSubscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'TPL-EXPIRING': 'reject' })
  render(<RemindMe kind='voucher-expiring' subjectId={VOUCHER} subjectTitle='金秋消费券' targetMs={EXPIRES} action='到期前提醒我' />)
  await waitFor(() => expect(useRemindersStore.getState().templates['voucher-expiring']?.wechat).toBe(true))
  expect(screen.getByRole('radio', { name: '到期前 1 天' })).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(screen.getByRole('button', { name: '到期前提醒我：金秋消费券' }))
  // WeChat's dialog opened inside the tap, before anything was awaited.
  expect(mockedSubscribe).toHaveBeenCalledWith(['TPL-EXPIRING'])
  expect(await screen.findByRole('status', undefined, { timeout: 5000 })).toHaveTextContent('你没有允许微信通知；提醒已保存在「我的 → 我的提醒」，到时在应用内提醒你')
  expect(posts()[0].body).toMatchObject({ kind: 'voucher-expiring', subjectId: VOUCHER, offsetsMs: [86_400_000] })
  expect(screen.getByText('已设置提醒：到期前 1 天 · 应用内提醒（在「我的提醒」查看）')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '管理我的提醒' })).toBeInTheDocument()
})

test('accepted in WeChat: the reminder goes out as a WeChat message', async () => {
  api.state.wechat = true
  subscribeSupport.supported = true
  mockedSubscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'TPL-ROUND': 'accept' })
  render(roundReminder())
  await waitFor(() => expect(useRemindersStore.getState().templates['round-opening']?.wechat).toBe(true))
  fireEvent.click(screen.getByRole('button', { name: '提醒我：金秋消费券（第 2 轮）' }))
  await screen.findByText('已设置提醒：开抢前 5 分钟 · 微信通知', undefined, { timeout: 5000 })
  expect(screen.getByRole('status')).toHaveTextContent('已订阅，到时微信会提醒你')
})

test('the calendar fallback where the moment is known: an .ics on H5, the phone calendar on weapp, at the lead time chosen', async () => {
  render(<RemindMe kind='voucher-expiring' subjectId={VOUCHER} subjectTitle='金秋消费券' targetMs={EXPIRES} action='到期前提醒我' />)
  fireEvent.click(screen.getByRole('radio', { name: '到期前 3 天' }))
  fireEvent.click(screen.getByRole('button', { name: '下载日历文件（.ics）：金秋消费券' }))
  expect(mockedCalendar).toHaveBeenCalledWith(
    expect.objectContaining({ title: '金秋消费券到期', startMs: EXPIRES, alarmBeforeMs: 3 * 86_400_000, uid: 'voucher-expiring-v-123' }),
  )
  expect(await screen.findByRole('status')).toHaveTextContent('已下载日历文件 test.ics')
  mockCalendar.kind = 'phone'
  render(<RemindMe kind='toll-period-ending' subjectId='toll-period' subjectTitle='“衢城畅行”实施期结束' targetMs={Date.parse('2026-01-01T00:00:00+08:00')} />)
  expect(screen.getByRole('button', { name: '加入手机日历：“衢城畅行”实施期结束' })).toBeInTheDocument()
})

test('H5 without sign-in: no 提醒我 that can only fail — the .ics where the moment is known, else why not', () => {
  mockLogin.canSignIn = false
  render(<DeadlineReminder ruleSetId='quzhou-2025' title='2025 年衢州以旧换新补贴' lastDay='2025-12-31' />)
  expect(screen.queryByRole('button', { name: /截止前提醒我/ })).not.toBeInTheDocument()
  expect(screen.getByRole('note')).toHaveTextContent('网页版不能登录：可以下载日历文件，让手机日历到时提醒你')
  fireEvent.click(screen.getByRole('button', { name: '下载日历文件（.ics）：2025 年衢州以旧换新补贴' }))
  expect(mockedCalendar).toHaveBeenCalledWith(expect.objectContaining({ startMs: Date.parse('2026-01-01T00:00:00+08:00'), alarmBeforeMs: 7 * 86_400_000 }))
  expect(api.server.requests.filter((request) => request.path === '/api/v1/auth/dev')).toHaveLength(0)
})

test('截止前提醒: 7 / 3 / 1 days before the rule set’s last day, nothing once it has ended', async () => {
  render(<DeadlineReminder ruleSetId='quzhou-2025' title='2025 年衢州以旧换新补贴' lastDay='2025-12-31' />)
  expect(screen.getByText('本套规则截止日期：2025-12-31')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '截止前 3 天' }))
  fireEvent.click(screen.getByRole('button', { name: '截止前提醒我：2025 年衢州以旧换新补贴' }))
  await screen.findByText(/已设置提醒：截止前 3 天/, undefined, { timeout: 5000 })
  expect(posts()[0].body).toEqual({ kind: 'rule-set-ending', subjectId: 'quzhou-2025', offsetsMs: [3 * 86_400_000] })
  const { container } = render(<DeadlineReminder ruleSetId='old' title='旧规则' lastDay='2025-10-01' />)
  expect(container).toBeEmptyDOMElement()
})

test('a server that refuses says so in Chinese and nothing is shown as set', async () => {
  delete api.state.subjects[ROUND]
  render(roundReminder())
  fireEvent.click(screen.getByRole('button', { name: '提醒我：金秋消费券（第 2 轮）' }))
  expect(await screen.findByRole('status', undefined, { timeout: 5000 })).toHaveTextContent(/^没能设置提醒：/)
  expect(screen.queryByText(/已设置提醒/)).not.toBeInTheDocument()
})
