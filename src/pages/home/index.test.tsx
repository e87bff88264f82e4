/**
 * 首页 against a real HTTP server on loopback (the app's own client over Taro.request): today's
 * rounds with live countdowns and this week's events for anyone; expiring vouchers and due
 * reminders only with a session, and never a sign-in from here; 长辈模式's four tiles; and every
 * section's empty, error and offline states in Chinese.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { CityEvent } from '@/domain/events/model'
import { makeEvent } from '@/domain/events/test-fixtures'
import * as navigation from '@/services/navigation'
import { usePreferencesStore } from '@/store/preferences'
import { resetRemindersStore } from '@/store/reminders'
import { useSessionStore } from '@/store/session'
import { useMyClaimsStore } from '@/store/my-claims'
import { resetResources, resourceOf, useResources } from '@/store/resource'
import { BATCHES_KEY, currentBatches } from '@/store/voucher-batches'
import {
  fail,
  ok,
  startApiTestServer,
  testSession,
  useApiAt,
  type ApiTestServer,
  type RecordedRequest,
  type Reply,
} from '@/test/api-test-server'
import { reminderView } from '@/test/reminder-fixtures'
import { batchView, fromNow, walletVoucherView } from '@/test/voucher-fixtures'
import type { BatchView, WalletVoucherView } from '@/services/api/vouchers'
import type { ReminderView } from '@/services/api/reminders'
import HomePage from './index'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** What the test server answers; each test changes what it needs. */
let batches: BatchView[] | Reply
let events: CityEvent[] | Reply
let wallet: WalletVoucherView[] | Reply
let reminders: ReminderView[] | Reply

let server: ApiTestServer
const realNow = Date.now.bind(Date)
let clockOffset = 0

function answer<T>(value: T[] | Reply, wrap: (list: T[]) => Reply): Reply {
  return Array.isArray(value) ? wrap(value) : value
}

function handle(request: RecordedRequest): Reply | undefined {
  if (request.method !== 'GET') return undefined
  switch (request.path) {
    case '/api/v1/batches':
      return answer(batches, (data) => ok({ data, meta: { serverTime: fromNow(0) } }))
    case '/api/v1/events':
      return answer(events, (data) => ok({ data, meta: { total: data.length, page: 1, pageSize: 50 } }))
    case '/api/v1/me/vouchers':
      return answer(wallet, (data) => ok({ data }))
    case '/api/v1/me/reminders':
      return answer(reminders, (data) => ok({ data }))
    default:
      return undefined
  }
}

// Thursday 9 October 2025, 10:00 in Shanghai: the week runs 6–12 October.
const TODAY_FAIR = makeEvent({ id: 'fair', type: 'market', title: '衢江南孔市集', allDay: true, start: '2025-10-09', end: '2025-10-09' })
const SATURDAY_RUN = makeEvent({
  id: 'run',
  type: 'sports',
  sportsLevel: 'provincial',
  title: '江山半程马拉松',
  start: '2025-10-11T07:30:00+08:00',
  end: '2025-10-11T12:00:00+08:00',
})
const NEXT_WEEK = makeEvent({
  id: 'next-week',
  type: 'concert',
  title: '下周音乐会',
  start: '2025-10-14T19:00:00+08:00',
  end: '2025-10-14T21:00:00+08:00',
})

function sampleBatches(): BatchView[] {
  return [
    batchView('b-open', [{ id: 'r1', opensInMs: -HOUR, closesInMs: 5 * HOUR }], { r1: 37 }),
    batchView('b-later', [{ id: 'r1', opensInMs: 2 * HOUR + 3000, closesInMs: 6 * HOUR }]),
    batchView('b-tomorrow', [{ id: 'r1', opensInMs: 24 * HOUR, closesInMs: 30 * HOUR }]),
  ]
}

function sampleWallet(): WalletVoucherView[] {
  const batch = sampleBatches()[0]
  return [
    walletVoucherView('v-soon', batch, 'usable', { validTo: fromNow(13 * HOUR + 59 * MINUTE) }),
    walletVoucherView('v-later', batch, 'usable', { validTo: fromNow(8 * 24 * HOUR) }),
    walletVoucherView('v-used', batch, 'used', { validTo: fromNow(5 * HOUR) }),
  ]
}

const DUE = reminderView({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'event-starting',
  subjectId: 'run@2025-10-11',
  title: '江山半程马拉松',
  targetAt: '2025-10-11T07:30:00+08:00',
  nextFireAt: '2025-10-11T06:30:00+08:00',
  due: true,
})
const UPCOMING = reminderView({
  id: '00000000-0000-4000-8000-000000000002',
  kind: 'round-opening',
  subjectId: 'b-tomorrow/r1',
  title: '测试券 b-tomorrow',
  targetAt: '2025-10-10T10:00:00+08:00',
  nextFireAt: '2025-10-10T09:50:00+08:00',
})

beforeAll(async () => {
  clockOffset = Date.parse('2025-10-09T10:00:00+08:00') - realNow()
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clockOffset)
  server = await startApiTestServer()
})

afterAll(() => server.close())

let navigateSpy: jest.SpyInstance

beforeEach(() => {
  localStorage.clear()
  server.reset()
  server.on(handle)
  batches = sampleBatches()
  events = [TODAY_FAIR, SATURDAY_RUN, NEXT_WEEK]
  wallet = sampleWallet()
  reminders = [DUE, UPCOMING]
  useApiAt(server)
  useSessionStore.setState({ session: null })
  usePreferencesStore.setState({ elderMode: false, elderModePrompted: true, fontScale: 1 })
  resetResources()
  resetRemindersStore()
  useMyClaimsStore.getState().reset()
  navigateSpy = jest.spyOn(navigation, 'navigate').mockResolvedValue(undefined)
})

afterEach(() => navigateSpy.mockRestore())

const region = (name: string) => within(screen.getByRole('region', { name }))
const personalRequests = () =>
  server.requests.filter((request) => request.path.startsWith('/api/v1/me/') || request.path.startsWith('/api/v1/auth/'))

async function renderHome() {
  render(<HomePage />)
  await region('今天开抢').findByText(/数据更新于/)
  await region('今天和本周的活动').findByText(/数据更新于/)
}

test("anonymous: today's rounds and this week's events, no personal sections, no sign-in", async () => {
  await renderHome()

  const rounds = region('今天开抢')
  const [open, later] = rounds.getAllByRole('link', { name: /^测试券/ })
  expect(open).toHaveAccessibleName('测试券 b-open，满20减5，第 1 轮进行中，剩 37 张，15:00 结束，去消费券页')
  expect(within(open).getByText('● 第 1 轮进行中，剩 37 张，15:00 结束')).toBeInTheDocument()
  expect(later).toHaveAccessibleName('测试券 b-later，满20减5，第 1 轮 12:00 开抢，去消费券页')
  expect(within(later).getByRole('timer')).toHaveTextContent(/^02:00:0[23]$/)
  // Each upcoming round has its 提醒我; this build cannot sign in, so it offers the calendar file instead.
  const laterReminder = rounds.getByRole('group', { name: '消费券开抢提醒：测试券 b-later' })
  expect(within(laterReminder).queryByRole('button', { name: /^提醒我/ })).not.toBeInTheDocument()
  expect(within(laterReminder).getByRole('button', { name: '下载日历文件（.ics）：测试券 b-later' })).toBeInTheDocument()
  expect(rounds.queryByRole('group', { name: '消费券开抢提醒：测试券 b-open' })).not.toBeInTheDocument()
  // Tomorrow's round is not today's: it is the next opening, with its date and no countdown.
  expect(within(rounds.getByRole('list', { name: '今天开抢' })).queryByText(/b-tomorrow/)).not.toBeInTheDocument()
  const next = within(rounds.getByRole('list', { name: '下一场' })).getByRole('link', { name: /^测试券 b-tomorrow/ })
  expect(within(next).getByText('○ 第 1 轮 10月10日 10:00 开抢')).toBeInTheDocument()
  expect(within(next).queryByRole('timer')).not.toBeInTheDocument()
  fireEvent.click(open)
  expect(navigateSpy).toHaveBeenLastCalledWith('vouchers')

  const week = region('今天和本周的活动')
  expect(within(week.getByRole('list', { name: '今天' })).getByText('衢江南孔市集')).toBeInTheDocument()
  expect(within(week.getByRole('list', { name: /^本周接下来/ })).getByText('江山半程马拉松')).toBeInTheDocument()
  expect(week.queryByText('下周音乐会')).not.toBeInTheDocument()
  fireEvent.click(week.getByRole('link', { name: '查看全部活动，本周 2 个' }))
  expect(navigateSpy).toHaveBeenLastCalledWith('events')

  expect(screen.queryByRole('region', { name: '即将过期的券' })).not.toBeInTheDocument()
  expect(screen.queryByRole('region', { name: '我的提醒' })).not.toBeInTheDocument()
  expect(screen.getByText('即将过期的券和我的提醒，登录后可看。')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('link', { name: '去“我的”登录' }))
  expect(navigateSpy).toHaveBeenLastCalledWith('mine')
  expect(personalRequests()).toEqual([])
  expect(useSessionStore.getState().session).toBeNull()

  expect(region('政策依据').getAllByRole('link')).toHaveLength(3)
  fireEvent.click(region('政策依据').getByRole('link', { name: /（二十六）/ }))
  expect(navigateSpy).toHaveBeenLastCalledWith('policy-clause', { id: '二十六' })
})

test('the big entries: ETC 免费查询 opens the car page, 券包 the wallet (which signs in there)', async () => {
  await renderHome()
  const entries = within(screen.getByRole('navigation', { name: '常用功能' }))
  expect(entries.getAllByRole('link').map((link) => link.getAttribute('aria-label'))).toEqual([
    '补贴计算',
    'ETC 免费查询',
    '券包',
    '活动日历',
  ])
  fireEvent.click(entries.getByRole('link', { name: 'ETC 免费查询' }))
  expect(navigateSpy).toHaveBeenLastCalledWith('etc-car')
  fireEvent.click(entries.getByRole('link', { name: '券包' }))
  expect(navigateSpy).toHaveBeenLastCalledWith('vouchers-wallet')
  fireEvent.click(entries.getByRole('link', { name: '补贴计算' }))
  expect(navigateSpy).toHaveBeenLastCalledWith('subsidy')
  expect(screen.getByRole('link', { name: /搜索/ })).toBeInTheDocument()
  expect(personalRequests()).toEqual([])
})

test('with a session: vouchers lapsing within three days and the reminders that are due', async () => {
  useSessionStore.setState({ session: testSession() })
  await renderHome()

  const expiring = region('即将过期的券')
  const soon = await expiring.findByRole('link', { name: /测试券 b-open/ })
  expect(soon).toHaveAccessibleName('测试券 b-open，满20减5，今天 23:59 到期，查看券码')
  expect(expiring.getAllByRole('listitem')).toHaveLength(1)
  fireEvent.click(soon)
  expect(navigateSpy).toHaveBeenLastCalledWith('vouchers-detail', { id: 'v-soon' })

  const mine = region('我的提醒')
  expect(await mine.findByText('⏰ 1 个提醒到时间了')).toBeInTheDocument()
  const items = mine.getAllByRole('listitem')
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringMatching(/^活动开始提醒 · 江山半程马拉松⏰ 到时间了 · 开始时间 10月11日（周六）07:30/),
    expect.stringMatching(/^消费券开抢提醒 · 测试券 b-tomorrow下次提醒 10月10日（周五）09:50/),
  ])
  fireEvent.click(mine.getByRole('link', { name: '打开我的提醒' }))
  expect(navigateSpy).toHaveBeenLastCalledWith('my-reminders')

  const asked = personalRequests()
  expect([...new Set(asked.map((request) => request.path))].sort()).toEqual(['/api/v1/me/reminders', '/api/v1/me/vouchers'])
  expect(asked.every((request) => request.headers.authorization === 'Bearer tok-resident')).toBe(true)
  expect(screen.queryByText(/登录后可看/)).not.toBeInTheDocument()
})

test('长辈模式: exactly the four big entries, one line about today and the search bar, nothing else', async () => {
  usePreferencesStore.setState({ elderMode: true })
  render(<HomePage />)
  const main = screen.getByRole('main')
  expect(main).toHaveClass('page--elder')
  const entries = within(screen.getByRole('navigation', { name: '常用功能' })).getAllByRole('link')
  expect(entries.map((link) => link.getAttribute('aria-label'))).toEqual(['补贴计算', '消费券', '活动', 'ETC 免费查询'])

  const line = await screen.findByRole('link', { name: '消费券正在开抢：测试券 b-open，去看看' })
  fireEvent.click(line)
  expect(navigateSpy).toHaveBeenLastCalledWith('vouchers')
  // The four tiles, the one line, and the search bar (search has no tab to reach it from).
  expect(screen.getAllByRole('link')).toHaveLength(6)
  expect(screen.getByRole('link', { name: '搜索补贴、活动、商户、收费站' })).toBeInTheDocument()
  expect(screen.queryAllByRole('region').map((item) => item.getAttribute('aria-label'))).toEqual(['今天'])
  expect(screen.queryByRole('timer')).not.toBeInTheDocument()
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('长辈模式 with a due reminder says that first; with nothing today it says nothing', async () => {
  usePreferencesStore.setState({ elderMode: true })
  useSessionStore.setState({ session: testSession() })
  render(<HomePage />)
  expect(await screen.findByRole('link', { name: '您有 1 个提醒到时间了，去看看' })).toBeInTheDocument()
  cleanup()

  useSessionStore.setState({ session: null })
  resetResources()
  resetResources()
  batches = []
  events = []
  render(<HomePage />)
  await waitFor(() => expect(currentBatches()).toEqual([]))
  await waitFor(() => expect(Object.keys(useResources.getState().entries).filter((key) => key.startsWith('events:'))).toHaveLength(1))
  expect(screen.queryByRole('region', { name: '今天' })).not.toBeInTheDocument()
  expect(screen.getAllByRole('link')).toHaveLength(5)
})

test('empty: no rounds today, no events, nothing about to lapse, no reminders — each said in words', async () => {
  batches = [batchView('b-tomorrow', [{ id: 'r1', opensInMs: 24 * HOUR, closesInMs: 30 * HOUR }])]
  events = [NEXT_WEEK]
  wallet = [sampleWallet()[1]]
  reminders = []
  useSessionStore.setState({ session: testSession() })
  render(<HomePage />)
  await within(await screen.findByRole('region', { name: '下一场开抢' })).findByText(/数据更新于/)
  // Nothing opens today and nothing is open: the section is named by what it holds, the next opening.
  expect(region('下一场开抢').getByRole('link', { name: /^测试券 b-tomorrow，满20减5，第 1 轮 10月10日 10:00 开抢/ })).toBeInTheDocument()
  await region('今天和本周的活动').findByText(/数据更新于/)
  expect(region('今天和本周的活动').getByText('今天没有活动')).toBeInTheDocument()
  expect(region('今天和本周的活动').getByText('本周接下来没有活动')).toBeInTheDocument()
  expect(await region('即将过期的券').findByText('3 天内没有要过期的券')).toBeInTheDocument()
  expect(await region('我的提醒').findByText(/没有待提醒的事项/)).toBeInTheDocument()
})

test("a round that opened yesterday is 正在抢 with its end, never today's; with nothing opening today the section is named 正在抢", async () => {
  batches = [
    batchView('b-week', [{ id: 'w1', opensInMs: -25 * HOUR, closesInMs: 36 * HOUR }], { w1: 12 }),
    batchView('b-later', [{ id: 'r1', opensInMs: 2 * HOUR, closesInMs: 6 * HOUR }]),
  ]
  await renderHome()
  const rounds = region('今天开抢')
  expect(
    within(rounds.getByRole('list', { name: '今天开抢' }))
      .getAllByRole('link')
      .map((link) => link.getAttribute('aria-label')),
  ).toEqual(['测试券 b-later，满20减5，第 1 轮 12:00 开抢，去消费券页'])
  const now = within(rounds.getByRole('list', { name: '正在抢' }))
  expect(now.getByText('● 第 1 轮进行中，剩 12 张，10月10日 22:00 结束')).toBeInTheDocument()
})

test('with nothing opening today and a round open since yesterday, the section is named 正在抢', async () => {
  batches = [batchView('b-week', [{ id: 'w1', opensInMs: -25 * HOUR, closesInMs: 36 * HOUR }], { w1: 12 })]
  render(<HomePage />)
  const section = await screen.findByRole('region', { name: '正在抢' })
  expect(await within(section).findByText('● 第 1 轮进行中，剩 12 张，10月10日 22:00 结束')).toBeInTheDocument()
  expect(screen.queryByRole('region', { name: '今天开抢' })).not.toBeInTheDocument()
})

test('signed in: a round says how many of its batch the resident holds, and 已领满 when the limit is used up', async () => {
  useSessionStore.setState({ session: testSession() })
  wallet = [walletVoucherView('v-1', sampleBatches()[0], 'used'), walletVoucherView('v-2', sampleBatches()[1], 'usable')]
  await renderHome()
  expect(await region('今天开抢').findByText('● 第 1 轮进行中，剩 37 张，15:00 结束，已领 1 张')).toBeInTheDocument()
  cleanup()
  useMyClaimsStore.getState().reset()
  wallet = sampleWallet()
  await renderHome()
  expect(await region('今天开抢').findByText('● 第 1 轮进行中，剩 37 张，15:00 结束，已领 3 张，已领满')).toBeInTheDocument()
})

test('长辈模式 promotes only a voucher the resident can still claim', async () => {
  usePreferencesStore.setState({ elderMode: true })
  useSessionStore.setState({ session: testSession() })
  reminders = []
  // Three of b-open: its per-person limit (3 per batch) is used up, so the line is about b-later.
  wallet = sampleWallet()
  render(<HomePage />)
  expect(await screen.findByRole('link', { name: '今天 12:00 消费券开抢：测试券 b-later，去看看' })).toBeInTheDocument()
  expect(screen.queryByText(/测试券 b-open/)).not.toBeInTheDocument()
  cleanup()

  // Anonymous, anyone may claim: the open round leads.
  useSessionStore.setState({ session: null })
  render(<HomePage />)
  expect(await screen.findByRole('link', { name: '消费券正在开抢：测试券 b-open，去看看' })).toBeInTheDocument()
  // Let the second page's reading of the batches finish here, not inside the next test.
  await waitFor(() => expect(resourceOf(BATCHES_KEY).loading).toBe(false))
})

test('errors: each section says what went wrong in Chinese and offers 重试; events fall back to the bundled data', async () => {
  batches = fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试')
  events = fail(503, 'UNAVAILABLE', '服务暂时不可用')
  wallet = fail(500, 'INTERNAL', 'boom')
  reminders = fail(500, 'INTERNAL', 'boom')
  useSessionStore.setState({ session: testSession() })
  render(<HomePage />)

  const rounds = region('今天开抢')
  expect(await rounds.findByRole('alert')).toHaveTextContent('✗ 服务暂时不可用，请稍后重试')
  expect(await region('今天和本周的活动').findByText(/暂时连不上服务器，显示的是应用内置的数据/)).toBeInTheDocument()
  expect(await region('即将过期的券').findByRole('alert')).toHaveTextContent('✗ 服务暂时不可用，请稍后重试')
  expect(await region('我的提醒').findByRole('alert')).toHaveTextContent(/^✗ 提醒暂时打不开：/)

  batches = sampleBatches()
  fireEvent.click(rounds.getByRole('button', { name: '重试' }))
  expect(await rounds.findByText('● 第 1 轮进行中，剩 37 张，15:00 结束')).toBeInTheDocument()
  wallet = sampleWallet()
  fireEvent.click(region('即将过期的券').getByRole('button', { name: '重试' }))
  expect(await region('即将过期的券').findByRole('link', { name: /今天 23:59 到期/ })).toBeInTheDocument()
})

test('offline: the stored copy is shown with its age, and remaining counts are not claimed', async () => {
  // jsdom reports the dropped connection on the console; the screen is what this test reads.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  await renderHome()
  cleanup()
  resetResources()
  batches = { drop: true }
  render(<HomePage />)
  const rounds = region('今天开抢')
  expect(await rounds.findByText('网络不可用，显示的是上次保存的数据，数据更新于 今天 10:00。')).toBeInTheDocument()
  expect(rounds.getByText('● 第 1 轮进行中，15:00 结束')).toBeInTheDocument()
  quiet.mockRestore()
})

test('a countdown that reaches zero turns its round to open, then asks for fresh remaining counts', async () => {
  batches = [batchView('b-soon', [{ id: 'r1', opensInMs: 1500, closesInMs: HOUR }])]
  await renderHome()
  const rounds = region('今天开抢')
  expect(rounds.getByRole('timer')).toHaveTextContent(/^00:00:0[12]$/)
  await waitFor(() => expect(rounds.getByText(/^● 第 1 轮进行中/)).toBeInTheDocument(), { timeout: 4000 })
  expect(rounds.queryByRole('timer')).not.toBeInTheDocument()
  // The opening asks for fresh remaining counts within 2 s; let that finish inside the test.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100))
  })
  expect(server.requests.filter((request) => request.path === '/api/v1/batches').length).toBeGreaterThanOrEqual(2)
})

test("on a Sunday 本周接下来 is next week's: an event starting tomorrow is listed", async () => {
  clockOffset = Date.parse('2025-10-12T10:00:00+08:00') - realNow()
  try {
    batches = []
    await renderHome()
    const week = region('今天和本周的活动')
    const next = week.getByRole('list', { name: '下周（10月13日（周一）–10月19日（周日））' })
    expect(within(next).getByText('下周音乐会')).toBeInTheDocument()
    expect(week.queryByText('本周接下来没有活动')).not.toBeInTheDocument()
  } finally {
    clockOffset = Date.parse('2025-10-09T10:00:00+08:00') - realNow()
  }
})

test('a busy week shows three events per group and says how many more, outside the list', async () => {
  const evenings = ['2025-10-10', '2025-10-11', '2025-10-12'].map((date, index) =>
    makeEvent({ id: `evening-${index}`, title: `夜市 ${index}`, start: `${date}T18:00:00+08:00`, end: `${date}T21:00:00+08:00` }),
  )
  events = [TODAY_FAIR, SATURDAY_RUN, ...evenings]
  await renderHome()
  const later = region('今天和本周的活动').getByRole('list', { name: /^本周接下来/ })
  expect(within(later).getAllByRole('listitem')).toHaveLength(3)
  expect(Array.from(later.children).every((child) => child.getAttribute('role') === 'listitem')).toBe(true)
  expect(region('今天和本周的活动').getByText('还有 1 个')).toBeInTheDocument()
})
