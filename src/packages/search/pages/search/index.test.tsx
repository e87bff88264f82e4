/**
 * The search page through the real API client and Taro.request against a tiny HTTP server on
 * loopback, or an unreachable port for offline: bundled results at once, events and merchants
 * appended when the server answers, grouped by kind, a tap navigates; 没有找到 with suggestions.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { normaliseSearchText } from '@/domain/search/search'
import { staticSearchItems } from '@/domain/search/static-items'
import { resolveRoute } from '@/routes'
import type { OnlineSearchHit } from '@/services/api/search'
import { resetResources } from '@/store/resource'
import { apiTestServerForSuite, ok, useApiAt } from '@/test/api-test-server'
import { REPLACED_STATIONS, answerToll, servedToll, useTollDataAt } from '@/test/toll-fixtures'
import SearchPage from './index'

/** A hit as the server sends it for xf: both fixtures match by their pinyin initials. */
const xfHit = (
  kind: OnlineSearchHit['kind'],
  id: string,
  [title, subtitle]: [title: string, subtitle: string],
  route: OnlineSearchHit['route'],
  extra: Partial<OnlineSearchHit> = {},
): OnlineSearchHit => ({ kind, id, title, subtitle, route, reason: 'initials-contains', ...extra })
const FESTIVAL = xfHit(
  'event',
  'xinfeng-music-festival-2025',
  ['2025新蜂音乐节', '2025-05-04 至 2025-05-05 · 鹿鸣大草坪（衢州古城文化旅游区）'],
  { key: 'event-detail', params: { id: 'xinfeng-music-festival-2025' } },
  { upcoming: false },
)
const NIGHT_MARKET = xfHit('merchant', 'm-xf', ['示例·新丰夜市小吃', '柯城区 · 餐饮 · 新丰路 1 号'], {
  key: 'vouchers-merchants',
  params: { merchant: 'm-xf' },
})

const server = apiTestServerForSuite()
let navigateTo: jest.SpyInstance


/** Answers GET /api/v1/search: the given hits for xf (folded as the server folds it), nothing otherwise. */
function answerSearch(hits: OnlineSearchHit[]) {
  server.on((request) => {
    if (request.method !== 'GET' || request.path !== '/api/v1/search') return undefined
    const query = request.query.get('q') ?? ''
    const found = normaliseSearchText(query) === 'xf' ? hits : []
    return ok({
      data: found,
      meta: { query, limit: 10, total: { events: found.filter((hit) => hit.kind === 'event').length, merchants: 0 } },
    })
  })
}

/** The search page also asks for the 衢城畅行 stations in force; these are its search requests. */
const searchRequests = () => server.requests.filter((request) => request.path === '/api/v1/search')
const searchBox = () => screen.getByRole('searchbox', { name: '搜索补贴、活动、商户、收费站' })
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } })

beforeEach(() => {
  useApiAt(server)
  resetResources()
  useTollDataAt(server.baseUrl)
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => jest.restoreAllMocks())

test('typing kt shows 空调 among the calculators at once; a tap opens the appliance calculator', async () => {
  answerSearch([])
  render(<SearchPage />)
  type('kt')
  const calculators = screen.getByRole('group', { name: /^补贴计算，/ })
  const airConditioner = within(calculators).getByRole('link', { name: /^空调，/ })
  fireEvent.click(airConditioner)
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/subsidy/pages/appliance/index?category=air-conditioner' })
  await waitFor(() => expect(searchRequests().map((request) => request.query.get('q'))).toEqual(['kt']))
  await waitFor(() => expect(screen.getByText(/^找到 \d+ 条$/)).toBeInTheDocument())
})

test('xf: events and merchants from the server are appended, grouped, the ended event said in words', async () => {
  answerSearch([FESTIVAL, NIGHT_MARKET])
  render(<SearchPage />)
  type('ＸＦ')
  const events = await screen.findByRole('group', { name: '活动，1 条' })
  const festival = within(events).getByRole('link', { name: /^2025新蜂音乐节，已结束，/ })
  expect(within(festival).getByText('已结束')).toBeInTheDocument()
  expect(screen.getByRole('group', { name: '商户，1 条' })).toHaveTextContent('示例·新丰夜市小吃')
  const groups = screen.getAllByRole('group').map((group) => group.getAttribute('aria-label'))
  expect(groups.slice(-2)).toEqual(['活动，1 条', '商户，1 条'])
  fireEvent.click(festival)
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/detail/index?id=xinfeng-music-festival-2025' })
})

test('a hit leading to a page this app does not have is not shown', async () => {
  answerSearch([{ ...FESTIVAL, route: { key: 'no-such-page' } }, NIGHT_MARKET])
  render(<SearchPage />)
  type('xf')
  await screen.findByRole('group', { name: '商户，1 条' })
  expect(screen.queryByRole('group', { name: /^活动，/ })).toBeNull()
})

test('offline: the bundled results stay and a note says events and merchants are missing', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  useApiAt({ baseUrl: 'http://127.0.0.1:1' })
  render(<SearchPage />)
  type('kt')
  expect(screen.getByRole('link', { name: /^空调，/ })).toBeInTheDocument()
  expect(await screen.findByText(/连不上服务器，活动和商户暂时搜不到/)).toBeInTheDocument()
  expect(screen.getByRole('link', { name: /^空调，/ })).toBeInTheDocument()
  expect(screen.queryByText(/没有找到/)).toBeNull()
})

test('没有找到 with suggestions; a suggestion searches for it', async () => {
  answerSearch([])
  render(<SearchPage />)
  type('zzzz')
  expect(await screen.findByText('没有找到“zzzz”')).toBeInTheDocument()
  fireEvent.click(screen.getAllByRole('button', { name: /^搜索 kt（/ })[0])
  expect(searchBox()).toHaveValue('kt')
  expect(screen.getByRole('link', { name: /^空调，/ })).toBeInTheDocument()
})

test('the server is asked once typing pauses, not for every letter', async () => {
  answerSearch([])
  render(<SearchPage />)
  type('k')
  type('kt')
  expect(screen.getByRole('link', { name: /^空调，/ })).toBeInTheDocument()
  await waitFor(() => expect(searchRequests()).toHaveLength(1))
  expect(searchRequests()[0].query.get('q')).toBe('kt')
})

test('an empty box shows what to try, and clearing returns to it', () => {
  render(<SearchPage />)
  expect(screen.getByText('可以这样搜')).toBeInTheDocument()
  type('kt')
  fireEvent.click(screen.getByRole('button', { name: '清除搜索内容' }))
  expect(searchBox()).toHaveValue('')
  expect(screen.getByText('可以这样搜')).toBeInTheDocument()
})

test('every bundled item leads to a page in the route registry', () => {
  for (const item of staticSearchItems()) expect(() => resolveRoute(item.route.key)).not.toThrow()
})

test('stations come from the 衢城畅行 data in force: an operator list replaces the bundled one', async () => {
  answerSearch([])
  answerToll(server, servedToll(REPLACED_STATIONS))
  render(<SearchPage />)
  type('衢州')
  const stations = () => within(screen.getByRole('group', { name: /^收费站，/ }))
  // 衢州北 is only in the operator's list; 衢州西 only in the bundled one.
  await waitFor(() => expect(stations().getByRole('link', { name: /^衢州北，/ })).toBeInTheDocument())
  expect(stations().queryByRole('link', { name: /^衢州西，/ })).toBeNull()
  // The operator's list is confirmed, so it is not marked 待官方确认.
  expect(stations().getByRole('link', { name: /^衢州东，/ })).not.toHaveTextContent('待官方确认')
})

test('offline, stations are the bundled list, marked 待官方确认', async () => {
  answerSearch([])
  answerToll(server, { drop: true })
  render(<SearchPage />)
  type('衢州西')
  const station = await screen.findByRole('link', { name: /^衢州西，/ })
  expect(station).toHaveTextContent('待官方确认')
})
