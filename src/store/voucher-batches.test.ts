/**
 * The server's clock behind the voucher countdowns, through the real client against a loopback
 * server: the offset comes from the list's meta.serverTime, and a 304 (the list unchanged, no new
 * serverTime) keeps it rather than measuring the old serverTime against the new fetch time.
 */
import { apiTestServerForSuite, ok, useApiAt } from '@/test/api-test-server'
import { batchView, HOUR } from '@/test/voucher-fixtures'
import { toIsoShanghaiMs } from '@/domain/time/shanghai'
import { resetResources, resourceOf } from './resource'
import { BATCHES_KEY, clockOffsetOf, loadBatches, serverNow } from './voucher-batches'

const server = apiTestServerForSuite()
const SERVER_AHEAD_MS = 60_000
let phoneNow = Date.parse('2026-05-01T09:59:00+08:00')

beforeEach(() => {
  jest.spyOn(Date, 'now').mockImplementation(() => phoneNow)
  useApiAt(server)
  resetResources()
  const batches = [batchView('b-1', [{ id: 'r1', opensInMs: HOUR, closesInMs: 2 * HOUR }])]
  server.on((request) => {
    if (request.path !== '/api/v1/batches') return undefined
    if (request.headers['if-none-match'] === '"list-1"') return { status: 304 }
    return ok({ data: batches, meta: { serverTime: toIsoShanghaiMs(Date.now() + SERVER_AHEAD_MS) } }, 200, { ETag: '"list-1"' })
  })
})
afterEach(() => jest.restoreAllMocks())

const offset = () => clockOffsetOf(resourceOf(BATCHES_KEY))

test('the offset is the server clock minus the phone clock when the list was sent', async () => {
  await loadBatches()
  expect(offset()).toBe(SERVER_AHEAD_MS)
  expect(serverNow()).toBe(phoneNow + SERVER_AHEAD_MS)
})

test('ten minutes later an unchanged list (304) is fresh again, and the offset is still the server’s', async () => {
  await loadBatches()
  phoneNow += 10 * 60_000
  await loadBatches()
  const requests = server.requests.filter((request) => request.path === '/api/v1/batches')
  expect(requests[1].headers['if-none-match']).toBe('"list-1"')
  expect(resourceOf(BATCHES_KEY)).toMatchObject({ source: 'server', fetchedAt: phoneNow })
  expect(offset()).toBe(SERVER_AHEAD_MS)
})
