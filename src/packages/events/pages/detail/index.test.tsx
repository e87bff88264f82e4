/**
 * The event page against a real HTTP server: a cancellation or change said first, time in
 * Shanghai, 加入手机日历 through the calendar adapter with the chosen occurrence, and 提醒我 —
 * WeChat's dialog opened inside the tap, login only after it, each template's answer sent to the
 * server: accepted → a WeChat credit, refused or H5 → kept in-app.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CityEvent } from '@/domain/events/model'
import { halfMarathon, weeklyMarket } from '@/domain/events/test-fixtures'
import { addToPhoneCalendar } from '@/services/platform/calendar'
import { requestSubscribe } from '@/services/platform/subscribe'
import { subscribeSupport } from '@/test/subscribe-mock'
import { resetResources } from '@/store/resource'
import { resetRemindersStore, useRemindersStore } from '@/store/reminders'
import { useSessionStore } from '@/store/session'
import { devLoginHandler, ok, startSignInTestServer, type ApiTestServer } from '@/test/api-test-server'
import { fixClock } from '@/test/fixed-clock'
import { reminderHandler, type FakeReminderServer } from '@/test/reminder-fixtures'
import { setRouterParams } from '@/test/taro-shim'
import EventDetailPage from './index'

jest.mock('@/services/platform/calendar', () => ({
  calendarKind: 'ics',
  addToPhoneCalendar: jest.fn(async () => ({
    ok: true,
    outcome: 'downloaded',
    message: '已下载日历文件 test.ics，打开它即可加入手机日历',
  })),
}))

// As on weapp (and an H5 demo build): signing in is possible, so 提醒我 is offered.
jest.mock('@/services/platform/login', () => ({
  ...jest.requireActual('@/services/platform/login'),
  canSignIn: () => true,
}))

// The weapp subscribe adapter's contract, with WeChat's answer decided by each test.
jest.mock('@/services/platform/subscribe', () => jest.requireActual('@/test/subscribe-mock').subscribeAdapter)

const mockedCalendar = addToPhoneCalendar as jest.MockedFunction<typeof addToPhoneCalendar>
const mockedSubscribe = requestSubscribe as jest.MockedFunction<typeof requestSubscribe>

const MARATHON = halfMarathon({ organiser: '江山市体育局（示意）' })
const MARKET = weeklyMarket('qujiang-market', '2025-10-11', '2025-11-29', ['2025-10-25'], { title: '衢江南孔市集', county: '330803' })

let server: ApiTestServer
let stored: Record<string, CityEvent>
let reminders: FakeReminderServer

beforeAll(async () => {
  fixClock('2025-10-09T10:00:00+08:00')
  server = await startSignInTestServer()
})

afterAll(() => server.close())

beforeEach(() => {
  localStorage.clear()
  subscribeSupport.supported = true
  mockedCalendar.mockClear()
  mockedSubscribe.mockReset()
  useSessionStore.setState({ session: null })
  resetResources()
  resetRemindersStore()
  stored = { [MARATHON.id]: MARATHON, [MARKET.id]: MARKET }
  reminders = {
    reminders: [],
    wechat: true,
    subjects: {
      'jiangshan-run@2025-10-11': { title: '江山半程马拉松', targetAt: '2025-10-11T07:30:00+08:00' },
      'qujiang-market@2025-10-18': { title: '衢江南孔市集', targetAt: '2025-10-18T09:00:00+08:00' },
    },
  }
  server.reset()
  server.on((request) => {
    const id = /^\/api\/v1\/events\/([^/]+)$/.exec(request.path)?.[1]
    if (request.method !== 'GET' || !id) return undefined
    const event = stored[decodeURIComponent(id)]
    return event ? ok({ data: { ...event, updatedAt: '2025-10-01T00:00:00+08:00' } }) : undefined
  })
  server.on(devLoginHandler())
  server.on(reminderHandler(reminders))
})

async function openEvent(id: string, date?: string) {
  setRouterParams(date ? { id, date } : { id })
  render(<EventDetailPage />)
  await screen.findByText('时间（北京时间）')
}

/** Opens the 2025-10-11 half marathon, waits for the reminder templates, then taps 提醒我. */
async function tapRemindMeOnTheRun() {
  await openEvent('jiangshan-run', '2025-10-11')
  await waitFor(() => expect(useRemindersStore.getState().templates['event-starting']).toBeDefined())
  fireEvent.click(screen.getByRole('button', { name: '提醒我：江山半程马拉松' }))
}

test('time, venue, admission and organiser, in Shanghai time', async () => {
  await openEvent('jiangshan-run', '2025-10-11')
  expect(screen.getByRole('heading', { name: '江山半程马拉松' })).toBeInTheDocument()
  expect(screen.getByText('2025年10月11日（周六） 07:30–12:00')).toBeInTheDocument()
  expect(screen.getByText('收费：报名费 100 元')).toBeInTheDocument()
  expect(screen.getByText('江山市体育局（示意）')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '在地图上查看测试场地' })).toBeInTheDocument()
  expect(screen.getByText(/地图位置仅供参考/)).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('a weekly event opens on the date asked, with its rule and the next dates', async () => {
  await openEvent('qujiang-market', '2025-10-18')
  expect(screen.getByText('2025年10月18日（周六） 09:00–17:00')).toBeInTheDocument()
  expect(screen.getByText(/每周周六举行，至 2025年11月29日（周六）；10月25日（周六）不举行/)).toBeInTheDocument()
  expect(screen.getByText('之后的日期：11月1日（周六）、11月8日（周六）、11月15日（周六）、11月22日（周六）')).toBeInTheDocument()
})

test('a cancelled event says so first, with the note, and offers neither calendar nor reminder', async () => {
  stored['jiangshan-run'] = { ...MARATHON, status: 'cancelled', changeNote: '因台风取消，报名费全额退还' }
  await openEvent('jiangshan-run', '2025-10-11')
  const alert = screen.getByRole('alert')
  expect(alert).toHaveTextContent('✗ 活动已取消')
  expect(alert).toHaveTextContent('因台风取消，报名费全额退还')
  expect(screen.queryByRole('button', { name: /加入手机日历/ })).not.toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /提醒我/ })).not.toBeInTheDocument()
  expect(screen.getByText('活动已取消，不能再加入日历或设置提醒。')).toBeInTheDocument()
})

test('a changed event says what changed, and can still be added and reminded', async () => {
  stored['jiangshan-run'] = { ...MARATHON, status: 'changed', changeNote: '起跑时间改为 08:00' }
  await openEvent('jiangshan-run', '2025-10-11')
  expect(screen.getByRole('alert')).toHaveTextContent('⚠ 活动有变更起跑时间改为 08:00')
  expect(screen.getByRole('button', { name: /加入手机日历/ })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: /提醒我/ })).toBeInTheDocument()
})

test('加入手机日历 hands the adapter the event and the occurrence on screen', async () => {
  await openEvent('qujiang-market', '2025-10-18')
  fireEvent.click(screen.getByRole('button', { name: /加入手机日历/ }))
  expect(mockedCalendar).toHaveBeenCalledTimes(1)
  const [event, occurrence] = mockedCalendar.mock.calls[0]
  expect(event.id).toBe('qujiang-market')
  expect(occurrence).toMatchObject({
    key: 'qujiang-market@2025-10-18',
    startDate: '2025-10-18',
    start: '2025-10-18T09:00:00+08:00',
    allDay: false,
  })
  expect(await screen.findByText('已下载日历文件 test.ics，打开它即可加入手机日历')).toBeInTheDocument()
})

const reminderPosts = () => server.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/me/reminders')

test('提醒我, accepted: WeChat asked inside the tap, then login, then a credit on the server', async () => {
  let answer: (value: unknown) => void = () => undefined
  mockedSubscribe.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
  await openEvent('jiangshan-run', '2025-10-11')
  // The page asks for nothing that needs an account until 提醒我.
  expect(server.requests.some((request) => request.path === '/api/v1/auth/dev')).toBe(false)
  await waitFor(() => expect(useRemindersStore.getState().templates['event-starting']?.wechat).toBe(true))

  fireEvent.click(screen.getByRole('button', { name: '提醒我：江山半程马拉松' }))
  // Synchronously in the tap, before anything was awaited or sent.
  expect(mockedSubscribe).toHaveBeenCalledWith(['TPL-EVENT'])
  expect(server.requests.some((request) => request.path === '/api/v1/auth/dev')).toBe(false)

  answer({ errMsg: 'requestSubscribeMessage:ok', 'TPL-EVENT': 'accept' })
  await screen.findByText('已订阅，到时微信会提醒你', { selector: '[role="status"]' })
  expect(server.requests.filter((request) => request.path === '/api/v1/auth/dev')).toHaveLength(1)
  expect(reminderPosts()).toHaveLength(1)
  expect(reminderPosts()[0].body).toEqual({
    kind: 'event-starting',
    subjectId: 'jiangshan-run@2025-10-11',
    subscribe: { templateIds: ['TPL-EVENT'], result: { errMsg: 'requestSubscribeMessage:ok', 'TPL-EVENT': 'accept' } },
  })
  expect(screen.getByText(/已设置提醒：开始前 1 天、开始前 1 小时 · 微信通知/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '更新提醒：江山半程马拉松' })).toBeInTheDocument()
})

test('提醒我, refused: kept in-app, and the person is told where to find it', async () => {
  mockedSubscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'TPL-EVENT': 'reject' })
  await tapRemindMeOnTheRun()
  expect(mockedSubscribe).toHaveBeenCalledTimes(1)
  await screen.findByText('你没有允许微信通知；提醒已保存在「我的 → 我的提醒」，到时在应用内提醒你', { selector: '[role="status"]' })
  expect((reminderPosts()[0].body as { subscribe: unknown }).subscribe).toEqual({
    templateIds: ['TPL-EVENT'],
    result: { errMsg: 'requestSubscribeMessage:ok', 'TPL-EVENT': 'reject' },
  })
  expect(screen.getByText(/已设置提醒：开始前 1 天、开始前 1 小时 · 应用内提醒/)).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '管理我的提醒' })).toBeInTheDocument()
})

test('提醒我 on H5: nothing asked of WeChat, the reminder is kept in-app', async () => {
  subscribeSupport.supported = false
  await tapRemindMeOnTheRun()
  await screen.findByText('提醒已保存在「我的 → 我的提醒」', { selector: '[role="status"]' })
  expect(mockedSubscribe).not.toHaveBeenCalled()
  expect(reminderPosts()[0].body).toEqual({ kind: 'event-starting', subjectId: 'jiangshan-run@2025-10-11' })
})

test('templates not configured by the operator: WeChat is not asked (it would fail with 20001)', async () => {
  reminders.wechat = false
  await tapRemindMeOnTheRun()
  await screen.findByText('提醒已保存在「我的 → 我的提醒」', { selector: '[role="status"]' })
  expect(mockedSubscribe).not.toHaveBeenCalled()
  expect(reminderPosts()[0].body).not.toHaveProperty('subscribe')
})

test('an event the server no longer has is said to be gone', async () => {
  setRouterParams({ id: 'withdrawn-event' })
  render(<EventDetailPage />)
  expect(await screen.findByText('没有找到这个活动')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: '回到活动日历' })).toBeInTheDocument()
})

test('a link cut short inside an escape (%E4%B) is said to lead nowhere, not a blank page', async () => {
  setRouterParams({ id: '%E4%B', date: '2025-10-1%' })
  render(<EventDetailPage />)
  expect(await screen.findByText('没有找到这个活动')).toBeInTheDocument()
})
