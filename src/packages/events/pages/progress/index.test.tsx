/**
 * 目标进度 against a real HTTP server: this year (2026) has no published target and says so;
 * 2025 shows each count of clause (十五) against the events the server holds — samples and
 * cancelled events left out, a weekly market counted per market day.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import type { CityEvent } from '@/domain/events/model'
import { makeEvent, weeklyMarket } from '@/domain/events/test-fixtures'
import { configureApi } from '@/services/api'
import { resetResources } from '@/store/resource'
import { ok, startApiTestServer, type ApiTestServer } from '@/test/api-test-server'
import { fixClock } from '@/test/fixed-clock'
import EventProgressPage from './index'

const EVENTS_2025: CityEvent[] = [
  makeEvent({ id: 'concert-a', type: 'concert', title: '音乐节 A', allDay: true, start: '2025-05-04', end: '2025-05-05' }),
  makeEvent({ id: 'concert-b', type: 'concert', title: '演唱会 B', start: '2025-08-01T19:30:00+08:00', end: '2025-08-01T22:00:00+08:00' }),
  makeEvent({
    id: 'concert-cancelled',
    type: 'concert',
    title: '演唱会 C',
    start: '2025-09-01T19:30:00+08:00',
    end: '2025-09-01T22:00:00+08:00',
    status: 'cancelled',
    changeNote: '取消',
  }),
  makeEvent({
    id: 'concert-sample',
    type: 'concert',
    title: '示例演唱会',
    start: '2025-09-02T19:30:00+08:00',
    end: '2025-09-02T22:00:00+08:00',
    provenance: { source: 'test', status: 'provisional', sample: true },
  }),
  // Four Saturdays: 4, 11, 18, 25 October.
  weeklyMarket('market-weekly', '2025-10-04', '2025-10-25'),
]

let server: ApiTestServer

beforeAll(async () => {
  fixClock('2026-03-01T10:00:00+08:00')
  server = await startApiTestServer()
  server.on((request) => {
    if (request.path !== '/api/v1/events') return undefined
    const year = request.query.get('from')?.slice(0, 4)
    const data = year === '2025' ? EVENTS_2025 : []
    return ok({ data, meta: { total: data.length, page: 1, pageSize: 200 } })
  })
  configureApi({ baseUrl: server.baseUrl, getRetries: 0 })
})

afterAll(() => server.close())

beforeEach(() => {
  localStorage.clear()
  resetResources()
})

test('this year without a published target says so and points to the years that have one', async () => {
  render(<EventProgressPage />)
  expect(await screen.findByText('2026 年没有公布活动目标')).toBeInTheDocument()
  expect(screen.getByText(/2026 年的活动目标尚未公布/)).toBeInTheDocument()
  expect(screen.getByText('已公布目标的年份：2025 年，可在上方选择查看。')).toBeInTheDocument()
  expect(screen.getByRole('radio', { name: '2026 年（今年）' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.queryByRole('list')).not.toBeInTheDocument()
})

test('2025: every promised count against the events held, with the clause', async () => {
  render(<EventProgressPage />)
  fireEvent.click(screen.getByRole('radio', { name: '2025 年' }))
  const list = await screen.findByRole('list', { name: '2025 年活动目标' })
  const rows = within(list).getAllByRole('listitem')
  expect(rows).toHaveLength(7)
  expect(within(list).getByRole('listitem', { name: '演唱会、音乐节：目标 20 场以上，已收录 2 场，还差 18 场' })).toBeInTheDocument()
  expect(within(list).getByRole('listitem', { name: '南孔市集：目标 40 场以上，已收录 4 场，还差 36 场' })).toBeInTheDocument()
  expect(within(list).getByRole('listitem', { name: '餐饮消费欢乐季活动：目标 10 场，已收录 0 场，还差 10 场' })).toBeInTheDocument()
  expect(
    screen.getByText(/^依据 衢政发〔2025〕4号《.+》（十五），按本应用收录的活动统计，不是官方统计数据。示例活动和已取消的活动不计入。$/),
  ).toBeInTheDocument()
  expect(screen.getAllByText(/按场次计/)).toHaveLength(1)
  expect(server.requests.some((request) => request.query.get('from') === '2025-01-01' && request.query.get('to') === '2025-12-31')).toBe(
    true,
  )
  expect(screen.getByRole('link', { name: '阅读条款（十五）政策原文' })).toBeInTheDocument()
})
