/**
 * 我的提醒 against a real HTTP server: every kind listed, in-app reminders that are due shown
 * first and prominently, offsets edited, paused, cancelled after an inline confirmation; signed
 * out, it explains and signs in only when asked.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { resetRemindersStore, useRemindersStore } from '@/store/reminders'
import { useSessionStore } from '@/store/session'
import { devLoginHandler, startSignInTestServer, testSession, type ApiTestServer } from '@/test/api-test-server'
import { fixClock } from '@/test/fixed-clock'
import { reminderHandler, reminderView, type FakeReminderServer } from '@/test/reminder-fixtures'
import { requestSubscribe } from '@/services/platform/subscribe'
import { subscribeSupport } from '@/test/subscribe-mock'
import * as navigation from '@/services/navigation'
import MyRemindersPage from './index'

// The weapp subscribe adapter; WeChat's answer is decided by each test.
jest.mock('@/services/platform/subscribe', () => jest.requireActual('@/test/subscribe-mock').subscribeAdapter)
const mockedSubscribe = requestSubscribe as jest.MockedFunction<typeof requestSubscribe>

let server: ApiTestServer
let state: FakeReminderServer

beforeAll(async () => {
  fixClock('2025-10-10T10:00:00+08:00')
  server = await startSignInTestServer()
})

afterAll(() => server.close())

const EVENT = reminderView({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'event-starting',
  subjectId: 'jiangshan-run@2025-10-11',
  title: '江山半程马拉松',
  targetAt: '2025-10-11T07:30:00+08:00',
  channel: 'in-app',
  nextFireAt: '2025-10-11T06:30:00+08:00',
  fireTimes: [
    {
      key: 'a',
      label: '开始前 1 天',
      beforeMs: 86_400_000,
      fireAt: '2025-10-10T07:30:00+08:00',
      status: 'sent',
      channel: 'in-app',
      reason: null,
      due: true,
    },
    {
      key: 'b',
      label: '开始前 1 小时',
      beforeMs: 3_600_000,
      fireAt: '2025-10-11T06:30:00+08:00',
      status: 'pending',
      channel: null,
      reason: null,
      due: false,
    },
  ],
  due: true,
})
const VOUCHER = reminderView({
  id: '00000000-0000-4000-8000-000000000002',
  kind: 'voucher-expiring',
  subjectId: 'v-123',
  title: '衢州消费券 满100减20',
  targetAt: '2025-10-20T23:59:59+08:00',
  channel: 'wechat',
  nextFireAt: '2025-10-19T23:59:59+08:00',
})
const RULES = reminderView({
  id: '00000000-0000-4000-8000-000000000003',
  kind: 'rule-set-ending',
  subjectId: 'quzhou-2025',
  title: '2025 年衢州以旧换新补贴',
  targetAt: '2026-01-01T00:00:00+08:00',
  status: 'paused',
})
const ROUND = reminderView({
  id: '00000000-0000-4000-8000-000000000004',
  kind: 'round-opening',
  subjectId: 'b-1:r-2',
  title: '金秋消费券（第 2 轮）',
  targetAt: '2025-10-15T10:00:00+08:00',
  channel: 'wechat',
})
const TOLL = reminderView({
  id: '00000000-0000-4000-8000-000000000005',
  kind: 'toll-period-ending',
  subjectId: 'toll-period',
  title: '“衢城畅行”实施期结束',
  targetAt: '2025-12-31T00:00:00+08:00',
})
const PUBLISHED = reminderView({
  id: '00000000-0000-4000-8000-000000000006',
  kind: 'rule-published',
  subjectId: 'measure:furniture',
  title: '家居补贴新规则',
  targetAt: null,
})

beforeEach(() => {
  localStorage.clear()
  subscribeSupport.supported = false
  mockedSubscribe.mockReset()
  resetRemindersStore()
  useSessionStore.setState({ session: testSession() })
  state = { reminders: [EVENT, VOUCHER, RULES, ROUND, TOLL, PUBLISHED].map((item) => ({ ...item })), wechat: true, subjects: {} }
  server.reset()
  server.on(devLoginHandler())
  server.on(reminderHandler(state))
})

const card = (title: string) => screen.getByRole('listitem', { name: new RegExp(`：${title}$`) })

test('every kind is listed by date; the due in-app one is shown first, prominently', async () => {
  render(<MyRemindersPage />)
  const list = await screen.findByRole('list', { name: '我的提醒' })
  const names = within(list)
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label'))
  expect(names).toEqual([
    '活动开始提醒：江山半程马拉松',
    '消费券开抢提醒：金秋消费券（第 2 轮）',
    '消费券到期提醒：衢州消费券 满100减20',
    '衢城畅行到期提醒：“衢城畅行”实施期结束',
    '补贴政策截止提醒：2025 年衢州以旧换新补贴',
    '公布时提醒：家居补贴新规则',
  ])
  expect(within(card('“衢城畅行”实施期结束')).getByText('实施期结束：12月31日（周三）00:00')).toBeInTheDocument()
  expect(within(card('家居补贴新规则')).getByText('公布时间：尚未公布，官方公布后提醒你')).toBeInTheDocument()
  const due = screen.getByRole('alert', { name: '1 个提醒到时间了' })
  expect(due).toHaveTextContent('⏰ 到时间了（1）')
  expect(due).toHaveTextContent('江山半程马拉松')
  expect(due).toHaveTextContent('开始时间：10月11日（周六）07:30')
  expect(within(card('江山半程马拉松')).getByText(/应用内提醒（到时在本页显示） · 下次提醒：10月11日（周六）06:30/)).toBeInTheDocument()
  expect(within(card('衢州消费券 满100减20')).getByText(/^微信通知/)).toBeInTheDocument()
  expect(within(card('2025 年衢州以旧换新补贴')).getByText('⏸ 已暂停')).toBeInTheDocument()
  expect(within(card('2025 年衢州以旧换新补贴')).getByText('截止时间：2026年1月1日（周四）00:00')).toBeInTheDocument()
})

test('a stored copy is judged against the clock: a passed in-app time is due even if the server had not said so', async () => {
  state.reminders = [
    {
      ...EVENT,
      due: false,
      fireTimes: EVENT.fireTimes.map((time) => ({ ...time, due: false, channel: null, status: 'pending' as const })),
    },
  ]
  render(<MyRemindersPage />)
  expect(await screen.findByRole('alert', { name: '1 个提醒到时间了' })).toBeInTheDocument()
})

test('a time that had already passed when the reminder was set, or was skipped, is not due', async () => {
  const pending = { ...EVENT.fireTimes[0], due: false, channel: null, status: 'pending' as const }
  state.reminders = [
    { ...EVENT, due: false, createdAt: '2025-10-10T09:00:00+08:00', fireTimes: [pending] },
    {
      ...EVENT,
      id: '00000000-0000-4000-8000-000000000009',
      subjectId: 'other@2025-10-11',
      title: '另一场',
      due: false,
      fireTimes: [{ ...pending, status: 'skipped' as const }],
    },
  ]
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('which times to keep: unticking one sends the rest; the last one cannot go', async () => {
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  const event = card('江山半程马拉松')
  fireEvent.click(within(event).getByRole('checkbox', { name: '开始前 1 天' }))
  await waitFor(() =>
    expect(within(card('江山半程马拉松')).getByRole('checkbox', { name: '开始前 1 天' })).toHaveAttribute('aria-checked', 'false'),
  )
  const patch = server.requests.find((request) => request.method === 'PATCH')
  expect(patch?.path).toBe(`/api/v1/me/reminders/${EVENT.id}`)
  expect(patch?.body).toEqual({ offsetsMs: [3_600_000] })

  fireEvent.click(within(card('江山半程马拉松')).getByRole('checkbox', { name: '开始前 1 小时' }))
  expect(within(card('江山半程马拉松')).getByRole('alert')).toHaveTextContent('至少保留一个提醒时间')
  expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1)
})

test('a round’s lead time: one of 5 / 15 / 60 minutes, picking another replaces it', async () => {
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  const round = () => within(card('金秋消费券（第 2 轮）'))
  expect(round().getByRole('radiogroup', { name: '什么时候提醒：金秋消费券（第 2 轮）' })).toBeInTheDocument()
  expect(round().getByRole('radio', { name: '开抢前 5 分钟' })).toHaveAttribute('aria-checked', 'true')
  fireEvent.click(round().getByRole('radio', { name: '开抢前 15 分钟' }))
  await waitFor(() => expect(round().getByRole('radio', { name: '开抢前 15 分钟' })).toHaveAttribute('aria-checked', 'true'))
  expect(round().getByRole('radio', { name: '开抢前 5 分钟' })).toHaveAttribute('aria-checked', 'false')
  expect(server.requests.find((request) => request.method === 'PATCH')?.body).toEqual({ offsetsMs: [900_000] })
  // The one chosen again sends nothing.
  fireEvent.click(round().getByRole('radio', { name: '开抢前 15 分钟' }))
  expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1)
})

test('a lead time whose moment has passed is not offered; a kind with one time says it', async () => {
  state.reminders = [
    reminderView({ ...ROUND, targetAt: '2025-10-10T10:30:00+08:00' }),
    { ...PUBLISHED },
  ]
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  // 10:00 now, the round opens at 10:30: an hour before has gone.
  const round = within(card('金秋消费券（第 2 轮）'))
  expect(round.queryByRole('radio', { name: '开抢前 1 小时' })).not.toBeInTheDocument()
  expect(round.getByRole('radio', { name: '开抢前 15 分钟' })).toBeInTheDocument()
  expect(within(card('家居补贴新规则')).getByText('提醒时间：官方公布时')).toBeInTheDocument()
})

test('pause and resume', async () => {
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  fireEvent.click(screen.getByRole('button', { name: '恢复提醒：2025 年衢州以旧换新补贴' }))
  await waitFor(() => expect(within(card('2025 年衢州以旧换新补贴')).queryByText('⏸ 已暂停')).not.toBeInTheDocument())
  expect(server.requests.find((request) => request.method === 'PATCH')?.body).toEqual({ enabled: true })
})

test('cancel asks inline first, then removes the reminder on the server and from the list', async () => {
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  fireEvent.click(screen.getByRole('button', { name: '取消提醒：衢州消费券 满100减20' }))
  expect(server.requests.some((request) => request.method === 'DELETE')).toBe(false)
  fireEvent.click(within(card('衢州消费券 满100减20')).getByRole('button', { name: '保留提醒' }))
  expect(screen.getByRole('button', { name: '取消提醒：衢州消费券 满100减20' })).toBeInTheDocument()

  fireEvent.click(screen.getByRole('button', { name: '取消提醒：衢州消费券 满100减20' }))
  fireEvent.click(within(card('衢州消费券 满100减20')).getByRole('button', { name: '确定取消' }))
  await waitFor(() => expect(screen.queryByRole('listitem', { name: /衢州消费券/ })).not.toBeInTheDocument())
  expect(server.requests.find((request) => request.method === 'DELETE')?.path).toBe(`/api/v1/me/reminders/${VOUCHER.id}`)
  expect(state.reminders.map((item) => item.id)).not.toContain(VOUCHER.id)
})

test('nothing set yet: says where reminders come from', async () => {
  state.reminders = []
  render(<MyRemindersPage />)
  expect(await screen.findByText('在活动、消费券的页面点“提醒我”即可设置。')).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('signed out: explains, and signs in only when asked', async () => {
  useSessionStore.setState({ session: null })
  render(<MyRemindersPage />)
  expect(screen.getByText('还没有提醒')).toBeInTheDocument()
  const personal = () => server.requests.filter((request) => request.path !== '/api/v1/reminders/templates')
  expect(personal()).toHaveLength(0)
  fireEvent.click(screen.getByRole('button', { name: '登录查看我的提醒' }))
  expect(await screen.findByRole('list', { name: '我的提醒' })).toBeInTheDocument()
  expect(personal().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/v1/auth/dev', 'GET /api/v1/me/reminders'])
})

test('改用微信通知 (weapp): WeChat asked inside the tap, the accepted template recorded as a credit', async () => {
  subscribeSupport.supported = true
  mockedSubscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'TPL-EVENT': 'accept' })
  render(<MyRemindersPage />)
  const button = await screen.findByRole('button', { name: '改用微信通知：江山半程马拉松' })
  // Only reminders kept in-app offer it.
  expect(screen.queryByRole('button', { name: /改用微信通知：衢州消费券/ })).not.toBeInTheDocument()
  fireEvent.click(button)
  expect(mockedSubscribe).toHaveBeenCalledWith(['TPL-EVENT'])
  expect(await within(card('江山半程马拉松')).findByText('已订阅，到时微信会提醒你')).toBeInTheDocument()
  expect(server.requests.find((request) => request.path === '/api/v1/me/subscriptions')?.body).toEqual({
    templateIds: ['TPL-EVENT'],
    result: { errMsg: 'requestSubscribeMessage:ok', 'TPL-EVENT': 'accept' },
  })
  await waitFor(() => expect(within(card('江山半程马拉松')).getByText(/^微信通知/)).toBeInTheDocument())
})

test('H5 offers no WeChat switch', async () => {
  render(<MyRemindersPage />)
  await screen.findByRole('list', { name: '我的提醒' })
  await waitFor(() => expect(useRemindersStore.getState().templates['event-starting']).toBeDefined())
  expect(screen.queryByRole('button', { name: /改用微信通知/ })).not.toBeInTheDocument()
})

test('公布时提醒: listed last while unpublished, saying so; once published it is due and says when', async () => {
  const unpublished = reminderView({ kind: 'rule-published', subjectId: 'measure:furniture', title: '家居补贴新规则', targetAt: null })
  const published = reminderView({
    kind: 'rule-published',
    subjectId: 'toll-period',
    title: '“衢城畅行”新实施期',
    targetAt: '2025-10-10T09:00:00+08:00',
    due: true,
    fireTimes: [
      {
        key: 'published',
        label: '官方公布时',
        beforeMs: 0,
        fireAt: '2025-10-10T09:00:00+08:00',
        status: 'sent',
        channel: 'in-app',
        reason: null,
        due: true,
      },
    ],
  })
  state.reminders = [unpublished, published, { ...RULES }]
  render(<MyRemindersPage />)
  const list = await screen.findByRole('list', { name: '我的提醒' })
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('aria-label')),
  ).toEqual(['公布时提醒：“衢城畅行”新实施期', '补贴政策截止提醒：2025 年衢州以旧换新补贴', '公布时提醒：家居补贴新规则'])
  expect(within(card('家居补贴新规则')).getByText('公布时间：尚未公布，官方公布后提醒你')).toBeInTheDocument()
  expect(within(card('家居补贴新规则')).getByText(/官方公布时提醒$/)).toBeInTheDocument()
  const due = screen.getByRole('alert', { name: '1 个提醒到时间了' })
  expect(due).toHaveTextContent('“衢城畅行”新实施期')
  expect(due).toHaveTextContent('公布时间：10月10日（周五）09:00')
})

test('each reminder opens what it is about: a round its batch page, the 衢城畅行 one 我的车', async () => {
  const navigateSpy = jest.spyOn(navigation, 'navigate').mockResolvedValue(undefined)
  try {
    render(<MyRemindersPage />)
    await screen.findByRole('list', { name: '我的提醒' })
    fireEvent.click(within(card('金秋消费券（第 2 轮）')).getByRole('link', { name: '查看 金秋消费券（第 2 轮）' }))
    expect(navigateSpy).toHaveBeenLastCalledWith('vouchers-batch', { id: 'b-1' })
    fireEvent.click(within(card('“衢城畅行”实施期结束')).getByRole('link', { name: '查看 “衢城畅行”实施期结束' }))
    expect(navigateSpy).toHaveBeenLastCalledWith('etc-car')
    fireEvent.click(within(card('衢州消费券 满100减20')).getByRole('link', { name: '查看 衢州消费券 满100减20' }))
    expect(navigateSpy).toHaveBeenLastCalledWith('vouchers-detail', { id: 'v-123' })
  } finally {
    navigateSpy.mockRestore()
  }
})
