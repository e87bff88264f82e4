/**
 * The 活动 tab against a real HTTP server on loopback: a Monday-first month with 休/班 badges in
 * words, today marked, every day announced with its events, selecting a day, filters, this
 * week, month navigation, and where the data came from (server, stored copy, bundled).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { CityEvent } from '@/domain/events/model'
import { halfMarathon, makeEvent, weeklyMarket } from '@/domain/events/test-fixtures'
import { configureApi } from '@/services/api'
import { resetResources } from '@/store/resource'
import { usePreferencesStore } from '@/store/preferences'
import { ok, startApiTestServer, type ApiTestServer, type RecordedRequest } from '@/test/api-test-server'
import EventsPage from './index'

let server: ApiTestServer
let events: CityEvent[] = []
let down = false

/** GET /api/v1/events as the server answers it: paged, in the envelope. */
function eventsApi(request: RecordedRequest) {
  if (down) return { status: 503, body: { error: { code: 'UNAVAILABLE', message: '服务暂时不可用' } } }
  if (request.path !== '/api/v1/events') return undefined
  const page = Number(request.query.get('page') ?? 1)
  const pageSize = Number(request.query.get('pageSize') ?? 50)
  return ok({ data: events.slice((page - 1) * pageSize, page * pageSize), meta: { total: events.length, page, pageSize } })
}

const CONCERT = makeEvent({
  id: 'autumn-concert',
  type: 'concert',
  title: '秋日音乐节',
  allDay: true,
  start: '2025-10-04',
  end: '2025-10-05',
})
const MARATHON = halfMarathon()
const MARKET = weeklyMarket('qujiang-market', '2025-10-11', '2025-11-29', [], { title: '衢江南孔市集', county: '330803' })
const CANCELLED = makeEvent({
  id: 'food-night',
  type: 'dining',
  title: '美食夜市',
  start: '2025-10-09T18:00:00+08:00',
  end: '2025-10-09T22:00:00+08:00',
  status: 'cancelled',
  changeNote: '因天气原因取消',
})
const CITY_WIDE = makeEvent({
  id: 'city-promo',
  type: 'promotion',
  title: '全城惠购日',
  county: '330800',
  allDay: true,
  start: '2025-10-09',
  end: '2025-10-09',
})

const ALL = [CONCERT, MARATHON, MARKET, CANCELLED, CITY_WIDE]

/** Date.now() moved to a fixed Shanghai moment for the whole file (the API client's clock too). */
let clockOffset = 0
const realNow = Date.now.bind(Date)
function setClock(iso: string) {
  clockOffset = Date.parse(iso) - realNow()
}

beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clockOffset)
  server = await startApiTestServer()
  server.on(eventsApi)
  // The real client over Taro.request, pointed at this server; GETs retried twice like the app's.
  configureApi({ baseUrl: server.baseUrl, timeoutMs: 3000, retryDelayMs: 50 })
})

afterAll(() => server.close())

beforeEach(() => {
  localStorage.clear()
  resetResources()
  server.requests.length = 0
  events = ALL
  down = false
  // Thursday 9 October 2025, 10:00 in Shanghai: the week of 6–12 October, after 国庆.
  setClock('2025-10-09T10:00:00+08:00')
})

const dayCells = () => within(screen.getByRole('radiogroup', { name: /选择日期/ })).getAllByRole('radio')
const dayCell = (label: RegExp) => within(screen.getByRole('radiogroup', { name: /选择日期/ })).getByRole('radio', { name: label })
const dayRegion = () => screen.getByRole('region', { name: '当天活动' })

async function renderLoaded() {
  render(<EventsPage />)
  await screen.findByText(/数据更新于|内置的数据|上次保存的数据/, undefined, { timeout: 5000 })
  await waitFor(() => expect(dayCell(/^10月4日/)).toHaveAccessibleName(/1 个活动/))
}

test('weeks start on Monday: 42 days from Monday 29 September', async () => {
  await renderLoaded()
  expect(screen.getByRole('heading', { name: '2025年10月' })).toBeInTheDocument()
  const cells = dayCells()
  expect(cells).toHaveLength(42)
  expect(cells[0]).toHaveAccessibleName(/^9月29日 周一/)
  expect(cells[6]).toHaveAccessibleName(/^10月5日 周日/)
  expect(cells[41]).toHaveAccessibleName(/^11月9日 周日/)
  expect(server.requests.some((request) => request.query.get('from') === '2025-09-29' && request.query.get('to') === '2025-11-09')).toBe(
    true,
  )
})

test('holidays say 休 and 调休 working days say 班, in the cell and in words; today says 今', async () => {
  await renderLoaded()
  const nationalDay = dayCell(/^10月1日 周三/)
  expect(nationalDay).toHaveAccessibleName(/休息日（国庆节）/)
  expect(within(nationalDay).getByText('休')).toBeInTheDocument()
  const makeupDay = dayCell(/^10月11日 周六/)
  expect(makeupDay).toHaveAccessibleName(/调休上班/)
  expect(within(makeupDay).getByText('班')).toBeInTheDocument()
  const today = dayCell(/^10月9日 周四，今天/)
  expect(within(today).getByText('今')).toBeInTheDocument()
  expect(today).toHaveAttribute('aria-checked', 'true')
  expect(dayCell(/^10月10日 周五/)).toHaveAccessibleName('10月10日 周五，没有活动')
  expect(screen.queryByText(/节假日安排尚未收录/)).not.toBeInTheDocument()
})

test('each day is announced with its number of events and their types; multi-day events count on each day', async () => {
  await renderLoaded()
  expect(dayCell(/^10月4日/)).toHaveAccessibleName(/1 个活动：演唱会·音乐节$/)
  expect(dayCell(/^10月5日/)).toHaveAccessibleName(/1 个活动：演唱会·音乐节$/)
  expect(dayCell(/^10月11日/)).toHaveAccessibleName(/2 个活动：南孔市集、体育赛事$/)
  expect(dayCell(/^10月18日/)).toHaveAccessibleName(/1 个活动：南孔市集$/)
})

test('selecting a day lists its events; the list opens nothing else', async () => {
  await renderLoaded()
  const region = dayRegion()
  expect(within(region).getByText(/10月9日（周四）（今天） · 2 个活动/)).toBeInTheDocument()
  expect(within(region).getByText('全城惠购日')).toBeInTheDocument()
  expect(within(region).getByRole('link', { name: /美食夜市，已取消/ })).toBeInTheDocument()
  expect(within(region).getByText('✗ 已取消')).toBeInTheDocument()

  fireEvent.click(dayCell(/^10月11日/))
  expect(dayCell(/^10月11日/)).toHaveAttribute('aria-checked', 'true')
  expect(dayCell(/^10月9日/)).toHaveAttribute('aria-checked', 'false')
  expect(within(dayRegion()).getByText(/10月11日（周六） · 2 个活动/)).toBeInTheDocument()
  expect(within(dayRegion()).getByRole('link', { name: /^江山半程马拉松，10月11日（周六） 07:30–12:00/ })).toBeInTheDocument()
  expect(within(dayRegion()).getByText('衢江南孔市集')).toBeInTheDocument()
  expect(within(dayRegion()).queryByText('全城惠购日')).not.toBeInTheDocument()
})

test('filters: type, county (a city-wide event stays) and free', async () => {
  await renderLoaded()
  fireEvent.click(screen.getByRole('button', { name: /^筛选/ }))

  fireEvent.click(screen.getByRole('checkbox', { name: '体育赛事' }))
  expect(screen.getByRole('checkbox', { name: '体育赛事' })).toHaveAttribute('aria-checked', 'true')
  expect(dayCell(/^10月4日/)).toHaveAccessibleName(/没有活动$/)
  expect(dayCell(/^10月11日/)).toHaveAccessibleName(/1 个活动：体育赛事$/)
  expect(screen.getByText('本月 1 个活动（已筛选）')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('checkbox', { name: '体育赛事' }))

  fireEvent.click(screen.getByRole('radio', { name: '江山市' }))
  expect(dayCell(/^10月11日/)).toHaveAccessibleName(/1 个活动：体育赛事$/)
  // The cancelled 美食夜市 is in 柯城区; the city-wide 全城惠购日 shows under every county.
  expect(dayCell(/^10月9日/)).toHaveAccessibleName(/1 个活动：促消费活动$/)
  expect(dayCell(/^10月4日/)).toHaveAccessibleName(/没有活动$/)

  fireEvent.click(screen.getByRole('radio', { name: '全部区县' }))
  fireEvent.click(screen.getByRole('radio', { name: '只看免费' }))
  expect(dayCell(/^10月11日/)).toHaveAccessibleName(/1 个活动：南孔市集$/)

  fireEvent.click(screen.getByRole('button', { name: '清除全部筛选' }))
  expect(dayCell(/^10月11日/)).toHaveAccessibleName(/2 个活动/)
})

test('this week lists 6–12 October', async () => {
  await renderLoaded()
  const week = screen.getByRole('region', { name: '本周活动' })
  expect(within(week).getByText(/本周活动（10月6日（周一）–10月12日（周日））/)).toBeInTheDocument()
  for (const title of ['全城惠购日', '美食夜市', '江山半程马拉松', '衢江南孔市集'])
    expect(within(week).getByText(title)).toBeInTheDocument()
  expect(within(week).queryByText('秋日音乐节')).not.toBeInTheDocument()
})

test('on a Sunday the week list runs on to next Sunday: events starting tomorrow are not hidden', async () => {
  setClock('2025-10-12T10:00:00+08:00')
  const monday = makeEvent({ id: 'monday-talk', title: '周一讲座', start: '2025-10-13T19:00:00+08:00', end: '2025-10-13T21:00:00+08:00' })
  events = [...ALL, monday]
  await renderLoaded()
  const week = screen.getByRole('region', { name: '本周活动' })
  expect(within(week).getByText(/本周活动（10月6日（周一）–10月12日（周日））\s*及下周（至 10月19日（周日））/)).toBeInTheDocument()
  expect(await within(week).findByText('周一讲座')).toBeInTheDocument()
  expect(within(week).queryByText('本周没有活动')).not.toBeInTheDocument()
})

test('month navigation fetches the new grid; a year without holiday data says so', async () => {
  await renderLoaded()
  fireEvent.click(screen.getByRole('button', { name: '下个月' }))
  expect(screen.getByRole('heading', { name: '2025年11月' })).toBeInTheDocument()
  await waitFor(() =>
    expect(server.requests.some((request) => request.query.get('from') === '2025-10-27' && request.query.get('to') === '2025-12-07')).toBe(
      true,
    ),
  )
  expect(dayCell(/^11月1日 周六/)).toHaveAttribute('aria-checked', 'true')
  await waitFor(() => expect(dayCell(/^11月1日/)).toHaveAccessibleName(/1 个活动：南孔市集$/))

  for (let step = 0; step < 13; step += 1) fireEvent.click(screen.getByRole('button', { name: '下个月' }))
  expect(screen.getByRole('heading', { name: '2026年12月' })).toBeInTheDocument()
  expect(screen.getByText(/2027 年的节假日安排尚未收录/)).toBeInTheDocument()

  fireEvent.click(screen.getByRole('button', { name: '回到今天' }))
  expect(screen.getByRole('heading', { name: '2025年10月' })).toBeInTheDocument()
  expect(dayCell(/^10月9日/)).toHaveAttribute('aria-checked', 'true')
})

test('fresh data says when it was fetched', async () => {
  await renderLoaded()
  expect(screen.getByText(/^数据更新于 今天 10:0\d$/)).toBeInTheDocument()
})

test('offline with a stored copy: the stored copy, with its date', async () => {
  await renderLoaded()
  cleanup()
  resetResources()
  down = true
  const { unmount } = render(<EventsPage />)
  expect(
    await screen.findByText(/网络不可用，显示的是上次保存的数据，数据更新于 今天 10:0\d/, undefined, { timeout: 5000 }),
  ).toBeInTheDocument()
  unmount()
})

test('offline with nothing stored: bundled data, said to be bundled, samples marked 示例', async () => {
  down = true
  render(<EventsPage />)
  expect(await screen.findByText(/暂时连不上服务器，显示的是应用内置的数据/, undefined, { timeout: 5000 })).toBeInTheDocument()
  // Sample events are dated from today, so this week has some, each marked 示例.
  const week = screen.getByRole('region', { name: '本周活动' })
  await waitFor(() => expect(within(week).getAllByText('示例').length).toBeGreaterThan(0))
})

test('a month of 450 events: every page is fetched, the month counts them all, a busy day lists them', async () => {
  events = Array.from({ length: 450 }, (_, index) => {
    const day = (index % 31) + 1
    const hour = 8 + (index % 12)
    const date = `2025-10-${String(day).padStart(2, '0')}`
    return makeEvent({
      id: `bulk-${index}`,
      type: (['promotion', 'dining', 'market', 'sports', 'concert', 'other'] as const)[index % 6],
      sportsLevel: index % 6 === 3 ? 'municipal' : undefined,
      title: `活动 ${index}`,
      start: `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`,
      end: `${date}T${String(hour + 1).padStart(2, '0')}:00:00+08:00`,
    })
  })
  const started = performance.now()
  render(<EventsPage />)
  await waitFor(() => expect(screen.getByText('本月 450 个活动')).toBeInTheDocument())
  console.info(`jsdom month-450-events load and render: ${Math.round(performance.now() - started)} ms`)
  const pages = server.requests.filter((request) => request.path === '/api/v1/events' && request.query.get('from') === '2025-09-29')
  expect(pages.map((request) => request.query.get('page'))).toEqual(['1', '2', '3'])
  // 450 / 31 days: 15 on the 9th; the day list shows 15 rows (under the 20-row step).
  expect(within(dayRegion()).getAllByRole('link')).toHaveLength(15)
})

test('a day with more than 20 events shows 20, then 再显示 the rest; the list holds only its items', async () => {
  events = Array.from({ length: 25 }, (_, index) =>
    makeEvent({
      id: `busy-${index}`,
      type: 'promotion',
      title: `忙碌的一天 ${index}`,
      start: `2025-10-09T${String(8 + (index % 12)).padStart(2, '0')}:00:00+08:00`,
      end: `2025-10-09T${String(9 + (index % 12)).padStart(2, '0')}:00:00+08:00`,
    }),
  )
  render(<EventsPage />)
  await waitFor(() => expect(screen.getByText('本月 25 个活动')).toBeInTheDocument())
  const list = within(dayRegion()).getByRole('list')
  expect(within(list).getAllByRole('listitem')).toHaveLength(20)
  expect(Array.from(list.children).every((child) => child.getAttribute('role') === 'listitem')).toBe(true)
  fireEvent.click(within(dayRegion()).getByRole('button', { name: '再显示 5 个（还有 5 个）' }))
  expect(within(within(dayRegion()).getByRole('list')).getAllByRole('listitem')).toHaveLength(25)
})

describe('长辈模式: one day at a time with large steps instead of the month grid', () => {
  beforeEach(() => usePreferencesStore.setState({ elderMode: true }))
  afterEach(() => usePreferencesStore.setState({ elderMode: false }))

  const stepper = () => screen.getByRole('heading', { level: 2, name: /^2025年/ }).parentElement as HTMLElement

  async function renderElder() {
    render(<EventsPage />)
    await screen.findByText(/数据更新于|内置的数据|上次保存的数据/, undefined, { timeout: 5000 })
    await waitFor(() => expect(screen.getByText('10月共 7 个活动')).toBeInTheDocument())
  }

  test('no month grid; today with its events in words, and the day stepper', async () => {
    await renderElder()
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '下个月' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '2025年10月9日（周四）' })).toBeInTheDocument()
    expect(stepper()).toHaveTextContent('今天')
    // 美食夜市 is cancelled: counted and said so; only the other event's kind is listed.
    expect(stepper()).toHaveTextContent('2 个活动（1 个已取消）')
    expect(stepper()).toHaveTextContent('● 促消费活动')
    expect(screen.getByRole('button', { name: '前一天，10月8日（周三）' })).toHaveTextContent('‹ 前一天')
    expect(screen.getByRole('button', { name: '后一天，10月10日（周五）' })).toHaveTextContent('后一天 ›')
    expect(screen.getByRole('button', { name: '今天，10月9日（周四）' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '后一周，10月16日（周四）' })).toHaveTextContent('后一周 »')
    expect(within(dayRegion()).getByText(/10月9日（周四）（今天） · 2 个活动/)).toBeInTheDocument()
    expect(screen.getByRole('region', { name: '本周活动' })).toHaveTextContent('江山半程马拉松')
  })

  test('stepping: 后一天 twice reaches 10月11日, 调休上班 said in words with its events; 今天 comes back', async () => {
    await renderElder()
    fireEvent.click(screen.getByRole('button', { name: /^后一天/ }))
    fireEvent.click(screen.getByRole('button', { name: /^后一天/ }))
    expect(screen.getByRole('heading', { name: '2025年10月11日（周六）' })).toBeInTheDocument()
    expect(stepper()).toHaveTextContent('班 调休上班（国庆节）')
    expect(stepper()).toHaveTextContent('2 个活动')
    expect(stepper()).toHaveTextContent('▲ 南孔市集')
    expect(stepper()).toHaveTextContent('◆ 体育赛事')
    expect(within(dayRegion()).getByRole('link', { name: /^江山半程马拉松/ })).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: /^今天/ }))
    expect(screen.getByRole('heading', { name: '2025年10月9日（周四）' })).toBeInTheDocument()
  })

  test('a week and two days back cross into September and load that month; 国庆 says 休 in words', async () => {
    await renderElder()
    fireEvent.click(screen.getByRole('button', { name: '前一周，10月2日（周四）' }))
    expect(screen.getByRole('heading', { name: '2025年10月2日（周四）' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: /^前一天/ }))
    fireEvent.click(screen.getByRole('button', { name: /^前一天/ }))
    expect(screen.getByRole('heading', { name: '2025年9月30日（周二）' })).toBeInTheDocument()
    await waitFor(() =>
      expect(
        server.requests.some((request) => request.query.get('from') === '2025-09-01' && request.query.get('to') === '2025-10-12'),
      ).toBe(true),
    )
    fireEvent.click(screen.getByRole('button', { name: /^后一天/ }))
    expect(stepper()).toHaveTextContent('休 休息日（国庆节）')
  })

  test('the filters apply to the day shown', async () => {
    await renderElder()
    fireEvent.click(screen.getByRole('button', { name: /^筛选/ }))
    fireEvent.click(screen.getByRole('checkbox', { name: '体育赛事' }))
    expect(stepper()).toHaveTextContent('没有活动')
    expect(screen.getByText('10月共 1 个活动（已筛选）')).toBeInTheDocument()
  })
})
