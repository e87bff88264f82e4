/**
 * The 衢城畅行 data store through the real API client and Taro.request against a loopback server:
 * the served override is used (a 2026 trip becomes free), a malformed answer falls back to the
 * bundled data whole, offline serves the stored copy or else the bundled data — never a throw.
 */
import { summariseSavings } from '../domain/etc/savings'
import { checkTollWaiver } from '../domain/etc/waiver'
import { BUNDLED_TOLL_DATA, type TollData } from '../domain/policy/toll-scheme'
import { apiTestServerForSuite } from '../test/api-test-server'
import {
  OPERATOR_UPDATED_AT,
  PERIOD_2026,
  REPLACED_STATIONS,
  answerToll,
  servedToll,
  tollAnswer,
  useTollDataAt,
} from '../test/toll-fixtures'
import { loadTollData, tollDataView } from './etc-toll-data'

const CAR = { plate: '浙H12345', vehicleClass: 1 as const, etcCard: 'postpaid' as const }
const TRIP_2026 = { ...CAR, entry: '衢州东', exit: '龙游', date: '2026-03-02' }

const server = apiTestServerForSuite()

beforeEach(() => {
  useTollDataAt(server.baseUrl)
})

afterEach(() => jest.restoreAllMocks())

const state = () => ({ ...tollDataView(), load: loadTollData })
const tollRequests = () => server.requests.filter((request) => request.path === '/api/v1/toll').length
/** Refused or dropped connections are logged by jsdom; these tests assert on them instead. */
const quietNetworkErrors = () => jest.spyOn(console, 'error').mockImplementation(() => undefined)

test('before anything is loaded the bundled data stands, and in it a 2026 trip is 待官方确认 for the period', () => {
  expect(state()).toMatchObject({ data: BUNDLED_TOLL_DATA, source: 'bundled', updatedAt: null, loading: false })
  const verdict = checkTollWaiver(TRIP_2026, state().data)
  expect(verdict.free).toBe(false)
  expect(verdict.outcome).toBe('period-unknown')
  expect(verdict.unknown).toEqual(['period'])
})

test('the served override is used: version, operator’s date, and the 2026 trip becomes 免费', async () => {
  answerToll(server, servedToll(PERIOD_2026))
  await state().load()
  expect(state()).toMatchObject({ source: 'server', updatedAt: OPERATOR_UPDATED_AT, loading: false, problem: null })
  expect(state().data.version).toBe('2026.1')
  expect(state().data.period.value).toEqual({ from: '2025-01-01', to: '2026-12-31' })
  expect(checkTollWaiver(TRIP_2026, state().data).free).toBe(true)
  expect(summariseSavings([{ id: 't', date: '2026-03-02', entry: 'quzhoudong', exit: 'longyou' }], CAR, state().data).trips[0].free).toBe(
    true,
  )
})

test('the server without an override serves the bundled data: used as served, no operator date', async () => {
  answerToll(server, servedToll(BUNDLED_TOLL_DATA, null))
  await state().load()
  expect(state()).toMatchObject({ source: 'server', updatedAt: null })
  expect(state().data).toEqual(BUNDLED_TOLL_DATA)
})

test('loaded once per session: pages mounting together share one request, later ones ask nothing', async () => {
  answerToll(server, servedToll(PERIOD_2026))
  await Promise.all([state().load(), state().load(), state().load()])
  await state().load()
  expect(tollRequests()).toBe(1)
  await state().load({ refresh: true })
  expect(tollRequests()).toBe(2)
})

test('an operator station list without pinyin keeps the bundled pinyin for stations it shares', async () => {
  answerToll(server, servedToll(REPLACED_STATIONS))
  await state().load()
  const byId = new Map(state().data.stations.map((station) => [station.id, station]))
  expect(byId.get('quzhoudong')).toMatchObject({ pinyin: 'quzhoudong', pinyinInitials: 'qzd', status: 'confirmed' })
  expect(byId.get('quzhoubei')?.pinyinInitials).toBeUndefined()
  expect(state().data.stations).toHaveLength(3)
})

type Mangle = (data: Record<string, unknown>) => void
const station = (data: Record<string, unknown>, index: number) => (data.stations as Record<string, unknown>[])[index]
const figure = (data: Record<string, unknown>, path: string) =>
  path.split('.').reduce<Record<string, unknown>>((value, key) => value[key] as Record<string, unknown>, data)

test.each<[string, Mangle]>([
  ['no stations', (data) => delete data.stations],
  ['an empty station list', (data) => (data.stations = [])],
  ['a station with its longitude as text', (data) => (station(data, 0).lng = '118.9')],
  ['a station without a highway', (data) => delete station(data, 1).highway],
  ['two stations with one id', (data) => (station(data, 1).id = station(data, 0).id)],
  ['a period ending before it starts', (data) => (figure(data, 'period').value = { from: '2026-01-01', to: '2025-12-31' })],
  ['a period on a day that does not exist', (data) => (figure(data, 'period').value = { from: '2025-01-01', to: '2026-02-30' })],
  ['a rate in yuan with decimals', (data) => (figure(data, 'rates.perTripFen').value = 5.5)],
  ['an unknown figure status', (data) => (figure(data, 'stationCount').status = 'maybe')],
  ['an unknown card type', (data) => (figure(data, 'eligibility.etcCard').value = 'credit')],
  ['another clause', (data) => (data.clause = '十四')],
])('a malformed answer (%s) → the bundled data, whole, with the reason', async (_label, mangle) => {
  const body = tollAnswer(PERIOD_2026) as { data: Record<string, unknown> }
  mangle(body.data)
  answerToll(server, { status: 200, body })
  await state().load()
  expect(state()).toMatchObject({ data: BUNDLED_TOLL_DATA, source: 'bundled', updatedAt: null, loading: false })
  expect(state().problem).toContain('无法识别')
})

test.each([[{ data: [] }], [{ data: null, meta: {} }], [{ data: '2026.1' }]])(
  'an answer that is no toll data at all (%j) → the bundled data',
  async (body) => {
    answerToll(server, { status: 200, body })
    await state().load()
    expect(state()).toMatchObject({ data: BUNDLED_TOLL_DATA, source: 'bundled', updatedAt: null, loading: false })
    expect(state().problem).toContain('无法识别')
  },
)

test('a server error → the bundled data with the server’s reason; never a throw', async () => {
  answerToll(server, { status: 500, body: { error: { code: 'INTERNAL', message: '服务器出错了' } } })
  await expect(state().load()).resolves.toBeUndefined()
  expect(state()).toMatchObject({ data: BUNDLED_TOLL_DATA, source: 'bundled', problem: '服务器出错了' })
})

test('offline with a stored copy: that copy, marked cache with when it was fetched', async () => {
  answerToll(server, servedToll(PERIOD_2026))
  await state().load()
  const fetchedAt = state().fetchedAt

  useTollDataAt(server.baseUrl)
  server.reset()
  quietNetworkErrors()
  answerToll(server, { drop: true })
  const loading = state().load()
  // The stored copy is shown at once, before the network has failed.
  expect(state()).toMatchObject({ source: 'cache', loading: true })
  expect(state().data.version).toBe('2026.1')
  await loading
  expect(state()).toMatchObject({ source: 'cache', loading: false, fetchedAt, updatedAt: OPERATOR_UPDATED_AT })
  expect(checkTollWaiver(TRIP_2026, state().data).free).toBe(true)
})

test('offline without a stored copy: the bundled data, saying the network failed', async () => {
  quietNetworkErrors()
  answerToll(server, { drop: true })
  await state().load()
  expect(state()).toMatchObject({ data: BUNDLED_TOLL_DATA, source: 'bundled', loading: false })
  expect(state().problem).toMatch(/网络/)
})

test('offline with a stored copy an older app could not read: the bundled data', async () => {
  const stale = tollAnswer(PERIOD_2026) as { data: TollData & Record<string, unknown> }
  delete (stale.data as Record<string, unknown>).rates
  answerToll(server, { status: 200, body: stale })
  await state().load()
  useTollDataAt(server.baseUrl)
  server.reset()
  quietNetworkErrors()
  answerToll(server, { drop: true })
  const loading = state().load()
  expect(state().source).toBe('bundled')
  await loading
  expect(state()).toMatchObject({ data: BUNDLED_TOLL_DATA, source: 'bundled' })
})
